import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditModule } from '../../../contracts/audit';
import type { CodeLabel, CodeListInput, CodeOption } from '../../../contracts/common/code-lists';
import type { Permission } from '../../../contracts/common/permissions';
import { requirePermission, rootOf, scoped } from '../access/access';
import type { Actor } from '../access/actor';
import { recordAudit } from '../audit/audit';
import type { DbOrTx } from '../db/connection';
import { AppError } from '../http/errors';
import type { ServiceContext } from '../service-context';
import { countyCodeLists } from './code-lists.table';

/**
 * What a module declares for a list of values its county names itself (活动类型, 阵地类型). The
 * records store codes; the list gives them their labels in forms, imports, exports, statistics and
 * drafts.
 */
export type CountyCodeListDef = {
  /** The stored list's key (`activityTypes`, `siteKinds`). */
  list: string;
  /** Its zh-CN name, in messages and the audit row (活动类型). */
  what: string;
  /** The built-in list: a county that never saved its own uses it. */
  defaults: readonly CodeOption[];
  /** The permission to read it (setting it takes `org.manage` at the county). */
  readPermission: Permission;
  /** The module the audit row of a change belongs to, its entity type and the field it names. */
  audit: { module: AuditModule; entityType: string; field: string };
  /**
   * The records that store the codes (`column` of `table`, placed by `orgPath`): a value the county's
   * records use can be renamed but not removed, or they would lose their name. `unit` completes the
   * count in the refusal (“家庭教育”（3条活动）).
   */
  usage: { table: PgTable; column: AnyPgColumn; orgPath: AnyPgColumn; unit: string };
};

export type CodeList = { items: CodeOption[]; isDefault: boolean };

/** The next free `customN` code for a value added without one. */
const freshCodes = (taken: Set<string>) => {
  let n = 1;
  return () => {
    while (taken.has(`custom${n}`)) n += 1;
    const code = `custom${n}`;
    taken.add(code);
    return code;
  };
};

/** A county-configured code list: read, check, label and (the county only) set. */
export const countyCodeList = (def: CountyCodeListDef) => {
  /** The list of the county `at` (an actor or any path in it) belongs to: its own, else the defaults. */
  const of = async (db: DbOrTx, at: Pick<Actor, 'orgPath'>): Promise<CodeList> => {
    const [row] = await db
      .select({ items: countyCodeLists.items })
      .from(countyCodeLists)
      .where(and(eq(countyCodeLists.rootOrgUnitId, rootOf(at)), eq(countyCodeLists.list, def.list)));
    // A flag a saved value lacks (a list saved before values could say it) is the built-in value's.
    const flagOf = (code: string) => def.defaults.find((d) => d.code === code)?.isDated;
    return row
      ? {
          items: (row.items as CodeOption[]).map((o) => {
            const isDated = o.isDated ?? flagOf(o.code);
            return isDated === undefined ? o : { ...o, isDated };
          }),
          isDefault: false,
        }
      : { items: [...def.defaults], isDefault: true };
  };

  /** Code → label for the county of `scopePath` (an indicator dimension's `valuesFor`). */
  const labelsFor = async (db: DbOrTx, scopePath: string): Promise<Record<string, CodeLabel>> =>
    Object.fromEntries((await of(db, { orgPath: scopePath })).items.map((o) => [o.code, o.label]));

  /** Refuses a code the county's list does not hold, naming the values it does (`field`: the form's). */
  const assert = async (db: DbOrTx, actor: Pick<Actor, 'orgPath'>, code: string, field: string) => {
    const { items } = await of(db, actor);
    if (!items.some((o) => o.code === code)) {
      const message = `${def.what}“${code}”不在本县的${def.what}中（可选：${items.map((o) => o.label.zh).join('、')}）`;
      throw new AppError('VALIDATION_FAILED', message, [{ field, message }]);
    }
  };

  /**
   * A cell's value (a label, or a code) as its code, or undefined: what imports read, so a sheet may
   * say 儿童实践基地 where the record stores `custom1`.
   */
  const codeByName = async (db: DbOrTx, actor: Pick<Actor, 'orgPath'>) => {
    const { items } = await of(db, actor);
    const byName = new Map(
      items.flatMap((o) => [
        [o.label.zh, o.code],
        [o.code, o.code],
      ]),
    );
    return { items, find: (cell: string) => byName.get(cell.trim()) };
  };

  const get = (ctx: ServiceContext) => {
    requirePermission(ctx.actor, def.readPermission);
    return of(ctx.db, ctx.actor);
  };

  /**
   * Only the county (the root unit) sets the list; towns and villages use it. A value already used
   * by a record of the county may be renamed but not removed.
   */
  const set = (ctx: ServiceContext, input: CodeListInput) =>
    ctx.db.transaction(async (tx): Promise<CodeList> => {
      requirePermission(ctx.actor, 'org.manage');
      const root = rootOf(ctx.actor);
      if (ctx.actor.orgUnitId !== root) throw new AppError('FORBIDDEN', `${def.what}由县（区）妇联统一设置`);
      // One writer at a time: the row lock (or, on first save, the insert) serialises concurrent saves.
      await tx.execute(
        sql`select 1 from county_code_lists where root_org_unit_id = ${root} and list = ${def.list} for update`,
      );
      const before = await of(tx, ctx.actor);
      const next = freshCodes(
        new Set([...before.items.map((o) => o.code), ...input.flatMap((o) => o.code ?? [])]),
      );
      const items: CodeOption[] = input.map((o) => {
        const code = o.code ?? next();
        // Left out: the value keeps what it said (a new value is not dated).
        const isDated = o.isDated ?? before.items.find((b) => b.code === code)?.isDated;
        const attrs = o.attrs ?? before.items.find((b) => b.code === code)?.attrs;
        return {
          code,
          label: { zh: o.label.zh, en: o.label.en || o.label.zh },
          ...(isDated === undefined ? {} : { isDated }),
          ...(attrs === undefined ? {} : { attrs }),
        };
      });
      const removed = before.items.filter((b) => !items.some((o) => o.code === b.code));
      if (removed.length) {
        const { table, column, orgPath } = def.usage;
        const counted = await tx
          .select({ code: sql<string>`${column}`, n: sql<number>`count(*)::int` })
          .from(table)
          .where(
            and(
              inArray(
                column,
                removed.map((r) => r.code),
              ),
              scoped(orgPath, `/${root}/`),
            ),
          )
          .groupBy(column);
        const used = new Map(counted.map((u) => [u.code, u.n]));
        const names = removed
          .filter((r) => (used.get(r.code) ?? 0) > 0)
          .map((r) => `“${r.label.zh}”（${used.get(r.code)}${def.usage.unit}）`);
        if (names.length) {
          const message = `${names.join('、')}已在台账中使用，不能删除，可以改名`;
          throw new AppError('CONFLICT', message, [{ field: def.audit.field, message }]);
        }
      }
      await tx
        .insert(countyCodeLists)
        .values({ rootOrgUnitId: root, list: def.list, items, updatedBy: ctx.actor.userId })
        .onConflictDoUpdate({
          target: [countyCodeLists.rootOrgUnitId, countyCodeLists.list],
          set: { items, updatedBy: ctx.actor.userId, updatedAt: new Date().toISOString() },
        });
      await recordAudit(tx, ctx.actor, {
        module: def.audit.module,
        action: 'update',
        entityType: def.audit.entityType,
        entityLabel: def.what,
        orgUnitId: root,
        orgPath: ctx.actor.orgPath,
        before: { [def.audit.field]: before.items },
        after: { [def.audit.field]: items },
      });
      return { items, isDefault: false };
    });

  return { list: def.list, readPermission: def.readPermission, of, labelsFor, assert, codeByName, get, set };
};
