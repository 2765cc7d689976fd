import { sql } from 'drizzle-orm';
import type { AutoAwardInput, AutoAwardResult } from '../../../contracts/credits';
import { requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { findRule, rowsOf } from './credits.repository';
import { creditTransactionRecord } from './credits.service';

const SOURCE = 'courtyardInspection';

/**
 * 美丽庭院 monthly ratings → points, in one pass for the month and the caller's subtree (or a unit in
 * it). Each qualifying inspection earns the rule's points once: the ledger's unique index on (rule,
 * source, household) makes a second run a no-op. Awards whose inspection was deleted since are
 * reversed, unless the points are already spent. All in one transaction, audited.
 */
export const runAutoAwards = (ctx: ServiceContext, input: AutoAwardInput) =>
  ctx.db.transaction(async (tx): Promise<AutoAwardResult> => {
    requirePermission(ctx.actor, 'credits.write');
    const scopePath = await resolveScopePath(tx, ctx.actor, 'credits.write', input.orgUnitId);
    const rule = await findRule(tx, ctx.actor.orgPath, input.ruleId);
    if (!rule || rule.deletedAt) throw notFound('积分细则');
    if (rule.points <= 0) throw invalid('ruleId', '自动加分只能选择加分的细则');
    const [{ org_path: rulePath }] = await rowsOf<{ org_path: string }>(
      tx,
      sql`select org_path from credit_rules where id = ${rule.id}`,
    );
    const monthEnd = new Date(Date.UTC(Number(input.month.slice(0, 4)), Number(input.month.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    const day = [monthEnd, shanghaiToday()].sort()[0];
    if (day < rule.validFrom || (rule.validTo && day > rule.validTo))
      throw invalid('ruleId', `“${rule.item}”在${input.month}不在有效期内`);
    const status = rule.needsReview ? 'pending' : 'confirmed';

    // Accounts for the households that qualify, then one award each (a repeat is skipped by the index).
    const qualifying = sql`select i.id, i.household_id, h.org_unit_id, h.org_path from courtyard_inspections i
      join households h on h.id = i.household_id and h.deleted_at is null
      where i.kind = 'monthly' and i.month = ${input.month} and i.deleted_at is null and not i.is_veto
        and i.total_score >= ${input.minScore} and ${scoped('h.org_path', scopePath)}
        and ${scoped('h.org_path', rulePath)}`;
    await tx.execute(sql`insert into credit_accounts (id, household_id, org_unit_id, org_path, created_by, updated_by)
      select gen_random_uuid(), q.household_id, q.org_unit_id, q.org_path, ${ctx.actor.userId}::uuid, ${ctx.actor.userId}::uuid
      from (${qualifying}) q on conflict (household_id) do nothing`);
    const created = await rowsOf<{
      id: string;
      account_id: string;
      org_unit_id: string;
      org_path: string;
      source_id: string;
    }>(
      tx,
      sql`insert into credit_transactions (id, account_id, household_id, org_unit_id, org_path, kind, status, points,
          rule_id, category, reason, occurred_on, source_type, source_id, created_by, updated_by)
        select gen_random_uuid(), a.id, q.household_id, q.org_unit_id, q.org_path, 'award', ${status}, ${rule.points},
          ${rule.id}::uuid, ${rule.category}, ${`美丽庭院${input.month}月度评分`}, ${day}::date, ${SOURCE}, q.id,
          ${ctx.actor.userId}::uuid, ${ctx.actor.userId}::uuid
        from (${qualifying}) q join credit_accounts a on a.household_id = q.household_id
        on conflict (rule_id, source_type, source_id, household_id) where source_id is not null and kind = 'award'
        do nothing
        returning id, account_id, org_unit_id, org_path, source_id`,
    );
    if (status === 'confirmed' && created.length > 0) {
      // One award per household and month: the new balance is each entry's balance after.
      await tx.execute(sql`with moved as (
          update credit_accounts a set balance = a.balance + ${rule.points}, updated_at = now()
          where a.id in (${sql.join(
            created.map((c) => sql`${c.account_id}::uuid`),
            sql`, `,
          )}) returning a.id, a.balance)
        update credit_transactions t set balance_after = m.balance from moved m
        where t.account_id = m.id and t.id in (${sql.join(
          created.map((c) => sql`${c.id}::uuid`),
          sql`, `,
        )})`);
    }
    await creditTransactionRecord.auditRows(
      tx,
      ctx,
      'award',
      created.map((c) => ({
        id: c.id,
        label: `+${rule.points}分 ${rule.item}（美丽庭院${input.month}）`,
        orgUnitId: c.org_unit_id,
        orgPath: c.org_path,
        after: {
          ruleId: rule.id,
          points: rule.points,
          sourceType: SOURCE,
          sourceId: c.source_id,
          source: 'auto',
        },
      })),
    );

    // Awards whose inspection was deleted since: reversed (never below zero).
    const orphans = await rowsOf<{
      id: string;
      account_id: string;
      household_id: string;
      org_unit_id: string;
      org_path: string;
      points: number;
      status: string;
    }>(
      tx,
      sql`select t.id, t.account_id, t.household_id, t.org_unit_id, t.org_path, t.points, t.status
        from credit_transactions t join courtyard_inspections i on i.id = t.source_id
        where t.rule_id = ${rule.id} and t.source_type = ${SOURCE} and t.kind = 'award' and i.deleted_at is not null
          and i.month = ${input.month} and t.status <> 'rejected' and ${scoped('t.org_path', scopePath)}
          and not exists (select 1 from credit_transactions r where r.reversal_of = t.id)
        order by t.account_id for update of t`,
    );
    let reversed = 0;
    let notReversed = 0;
    for (const o of orphans) {
      if (o.status === 'pending') {
        await tx.execute(sql`update credit_transactions set status = 'rejected', version = version + 1, updated_at = now(),
          confirmed_by = ${ctx.actor.userId}::uuid, confirmed_at = now() where id = ${o.id}`);
        reversed++;
        continue;
      }
      const [moved] = await rowsOf<{ balance: number }>(
        tx,
        sql`update credit_accounts set balance = balance - ${o.points}, updated_at = now()
          where id = ${o.account_id} and balance - ${o.points} >= 0 returning balance`,
      );
      if (!moved) {
        notReversed++;
        continue;
      }
      const id = uuidv7();
      await tx.execute(sql`insert into credit_transactions (id, account_id, household_id, org_unit_id, org_path, kind, status,
          points, rule_id, category, reason, occurred_on, reversal_of, balance_after, confirmed_by, confirmed_at, created_by, updated_by)
        values (${id}, ${o.account_id}, ${o.household_id}, ${o.org_unit_id}, ${o.org_path}, 'reversal', 'confirmed',
          ${-o.points}, ${rule.id}, ${rule.category}, '来源的美丽庭院评分已删除', ${shanghaiToday()}::date, ${o.id},
          ${moved.balance}, ${ctx.actor.userId}::uuid, now(), ${ctx.actor.userId}::uuid, ${ctx.actor.userId}::uuid)`);
      reversed++;
      await creditTransactionRecord.auditRows(tx, ctx, 'reverse', [
        {
          id,
          label: `${-o.points}分 来源已删除`,
          orgUnitId: o.org_unit_id,
          orgPath: o.org_path,
          after: { reversalOf: o.id },
        },
      ]);
    }
    if (created.length === 0 && reversed === 0 && notReversed === 0 && !orphans.length) {
      const [{ n }] = await rowsOf<{ n: number }>(
        tx,
        sql`select count(*)::int as n from courtyard_inspections where kind = 'monthly' and month = ${input.month}
          and deleted_at is null and ${scoped('org_path', scopePath)}`,
      );
      if (n === 0) throw new AppError('NOT_FOUND', `${input.month}没有美丽庭院月度评分记录`);
    }
    return { created: created.length, reversed, notReversed };
  });
