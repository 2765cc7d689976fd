import type { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyPluginAsync } from 'fastify';
import type { Permission } from '../../contracts/common/permissions';
import type { WorkArea } from '../../contracts/reports';
import type { SessionSettings } from './auth/sessions';
import type { Indicator, IndicatorRegistry } from './indicators/registry';
// Type-only: the to-do registry still lives in the reports module (it is moving to kernel/indicators).
import type { TodoProvider, TodoRegistry } from './indicators/todo-registry';
import type { LedgerIo } from './io/ledger-io';
import type { ShareKind } from './share/share-links';

type Label = { zh: string; en: string };

/** What app.ts hands to the route plugins that need more than the app (built from every module). */
export type ModuleDeps = {
  sessionSettings: SessionSettings;
  indicators: IndicatorRegistry;
  todos: TodoRegistry;
};

/**
 * A record type whose change history any reader of the record may see (the detail drawers' 变更记录).
 * Kept structurally small: what `defineRecord` returns carries these fields too, so it can be passed as is.
 */
export type HistoryRecord = {
  entityType: string;
  /** Its table; the record is checked against the caller's subtree by `org_path` (or `path`). */
  table: PgTable;
  /** Its name in zh-CN messages. */
  label: string;
  permissions: { read: Permission };
};

/** A figure on the dashboard: an indicator, optionally filtered, under one work area. */
export type ModuleFigure = {
  indicatorKey: string;
  filters?: Record<string, string>;
  label?: Label;
  /** A count at a moment (户数, 人数) rather than a flow over the period. */
  isStock?: boolean;
};

export type ModuleSpec = {
  /** Stable key, the same as the audit module and the folder name. */
  name: string;
  label: Label;
  /**
   * Route plugins, registered in this order (a function when a plugin needs the session settings or
   * the registries built from every module).
   */
  routes?: readonly FastifyPluginAsync[] | ((deps: ModuleDeps) => readonly FastifyPluginAsync[]);
  /** Photo routes of the module's records (registered after its routes). */
  photos?: readonly FastifyPluginAsync[];
  /** Import/export descriptors: each gets the template/import/export routes and a CLI ledger name. */
  io?: readonly LedgerIo[];
  indicators?: readonly Indicator[];
  todos?: readonly TodoProvider[];
  /** Record types whose history readers of the record may see. */
  records?: readonly HistoryRecord[];
  /** Tables with a denormalized `org_path` that a unit move must rewrite. */
  scopedTables?: readonly PgTable[];
  /** Figures on the dashboard, by work area (a work area's figures in the order given). */
  figures?: { dashboard?: Partial<Record<WorkArea, readonly ModuleFigure[]>> };
  /** Tables whose row counts a backup reports and a restore checks. */
  keyTables?: readonly PgTable[];
  /** Documents she may share as a read-only link (a snapshot of what the document shows). */
  shares?: readonly ShareKind[];
};

export type LedgerModule = ModuleSpec & {
  /** The route plugins in registration order (routes, then photos); app.ts adds the io routes after. */
  plugins: (deps: ModuleDeps) => FastifyPluginAsync[];
};

/**
 * A module declares itself once: its routes, io, indicators, to-dos, history records, scoped and
 * key tables and dashboard figures. `modules/index.ts` lists the modules; app.ts, the CLI, backup,
 * record history, the unit move and the dashboard iterate that list.
 */
export const defineModule = (spec: ModuleSpec): LedgerModule => ({
  ...spec,
  plugins: (deps) => {
    const routes = typeof spec.routes === 'function' ? spec.routes(deps) : (spec.routes ?? []);
    return [...routes, ...(spec.photos ?? [])];
  },
});

let registered: readonly LedgerModule[] | undefined;

/** Called once by `modules/index.ts` with the one list, so kernel and modules can read it without importing it. */
export const registerModules = (list: readonly LedgerModule[]) => {
  registered = list;
};

/**
 * The registered modules, in order. Throws before `modules/index.ts` was loaded: an empty list would
 * silently leave, say, a moved unit's records under the old path.
 */
export const registeredModules = (): readonly LedgerModule[] => {
  if (!registered) throw new Error('no module list registered: import src/server/modules first');
  return registered;
};
