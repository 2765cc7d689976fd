import { sql } from 'drizzle-orm';
import type { Role } from '../../contracts/common/permissions';
import type { OrgKind } from '../../contracts/org';
import { orgUnits } from '../kernel/access/org-units.table';
import { recordAudit } from '../kernel/audit/audit';
import { hashPassword } from '../kernel/auth/password';
import { users } from '../kernel/auth/users.table';
import type { Db, Tx } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import type { FieldCrypto } from '../kernel/privacy/field-crypto';
import { shanghaiToday } from '../kernel/time/calendar';
import { seedDemoActivities } from './demo-activities';
import { seedDemoCare } from './demo-care';
import { seedDemoCourtyards } from './demo-courtyards';
import { seedDemoCredits } from './demo-credits';
import { seedDemoDonations } from './demo-donations';
import { seedDemoHonours } from './demo-honours';
import { seedDemoOrgLedgers } from './demo-org-ledgers';
import { seedDemoPeople } from './demo-people';
import { seedDemoReports } from './demo-reports';
import { seedDemoScreenings } from './demo-screenings';

/** Demo mode only: every demo account shares this password, printed at start and in the README. */
export const DEMO_PASSWORD = 'Banbiantian2026';

type UnitSpec = { name: string; kind: OrgKind; code?: string; foundedOn?: string; children?: UnitSpec[] };

// A fictional county: every name here is invented.
const demoTree: UnitSpec = {
  name: '云溪县妇联',
  kind: 'county',
  code: '339901',
  children: [
    {
      name: '青石镇妇联',
      kind: 'town',
      code: '339901101',
      children: [
        { name: '东岭村妇联', kind: 'village', code: '339901101201' },
        { name: '西坪村妇联', kind: 'village', code: '339901101202' },
        { name: '南塘村妇联', kind: 'village', code: '339901101203' },
        { name: '北山村妇联', kind: 'village', code: '339901101204' },
        { name: '石桥村妇联', kind: 'village', code: '339901101205' },
        { name: '柳湾村妇联', kind: 'village', code: '339901101206' },
        { name: '茶园村妇联', kind: 'village', code: '339901101207' },
        { name: '竹溪村妇联', kind: 'village', code: '339901101208' },
        { name: '梅岭村妇联', kind: 'village', code: '339901101209' },
        { name: '新塘村妇联', kind: 'village', code: '339901101210' },
        { name: '上洋村妇联', kind: 'village', code: '339901101211' },
        { name: '枫林社区妇联', kind: 'community', code: '339901101001' },
        { name: '青石茶业有限公司妇联', kind: 'enterprise', foundedOn: '2025-04-16' },
        { name: '青石镇电商协会妇联', kind: 'newSector', foundedOn: '2025-09-23' },
      ],
    },
    {
      name: '桃源镇妇联',
      kind: 'town',
      code: '339901102',
      children: [
        { name: '桃花村妇联', kind: 'village', code: '339901102201' },
        { name: '杏林村妇联', kind: 'village', code: '339901102202' },
        { name: '溪口村妇联', kind: 'village', code: '339901102203' },
        { name: '上坪村妇联', kind: 'village', code: '339901102204' },
        { name: '桃源竹编厂妇联', kind: 'enterprise' },
      ],
    },
  ],
};

export const demoAccounts: {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
  note: string;
}[] = [
  {
    username: 'county',
    displayName: '周慧敏',
    role: 'federationAdmin',
    unit: '云溪县妇联',
    note: '县妇联，查看全县各镇',
  },
  {
    username: 'town',
    displayName: '王秀梅',
    role: 'federationAdmin',
    unit: '青石镇妇联',
    note: '镇妇联主席',
  },
  {
    username: 'village',
    displayName: '陈小燕',
    role: 'federationAdmin',
    unit: '东岭村妇联',
    note: '村妇联主席，只看本村',
  },
  {
    username: 'zhiwei',
    displayName: '李春兰',
    role: 'executiveMember',
    unit: '东岭村妇联',
    note: '村妇联执委，登记本村台账，不导入导出',
  },
  {
    username: 'keeper',
    displayName: '赵丽芳',
    role: 'storeKeeper',
    unit: '东岭村妇联',
    note: '东岭村巾帼信用超市管理员，只办兑换和出入库',
  },
];

const insertTree = async (
  tx: Tx,
  spec: UnitSpec,
  parent: { id: string; path: string; depth: number } | null,
) => {
  const id = uuidv7();
  const path = `${parent?.path ?? '/'}${id}/`;
  const depth = parent ? parent.depth + 1 : 0;
  await tx.insert(orgUnits).values({
    id,
    parentId: parent?.id ?? null,
    kind: spec.kind,
    name: spec.name,
    code: spec.code ?? null,
    path,
    depth,
    foundedOn: spec.foundedOn ?? '2021-06-01',
  });
  const ids = new Map<string, { id: string; path: string }>([[spec.name, { id, path }]]);
  for (const child of spec.children ?? []) {
    for (const [k, v] of await insertTree(tx, child, { id, path, depth })) ids.set(k, v);
  }
  return ids;
};

export const isDatabaseEmpty = async (db: Db) => {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnits);
  return r.n === 0;
};

/** Loads the demo organization and accounts in one transaction (audited as a system action). */
export const seedDemo = async (db: Db, crypto: FieldCrypto, dataDir?: string) => {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const units = await insertTree(tx, demoTree, null);
    for (const a of demoAccounts) {
      const unit = units.get(a.unit);
      if (!unit) throw new Error(`demo unit ${a.unit} missing`);
      await tx.insert(users).values({
        id: uuidv7(),
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        orgUnitId: unit.id,
        passwordHash,
      });
    }
    // The demo town gets its population: every village and community of 青石镇.
    const town = demoTree.children?.find((c) => c.name === '青石镇妇联');
    const villages = (town?.children ?? [])
      .filter((c) => c.kind === 'village' || c.kind === 'community')
      .map((c) => ({ name: c.name, ...(units.get(c.name) as { id: string; path: string }) }));
    const { womenByVillage, householdsByVillage, ...people } = await seedDemoPeople(tx, crypto, villages);
    const townUnit = { name: '青石镇妇联', ...(units.get('青石镇妇联') as { id: string; path: string }) };
    const { chiefsByVillage, ...ledgers } = await seedDemoOrgLedgers(
      tx,
      townUnit,
      villages,
      womenByVillage,
      householdsByVillage,
    );
    const countyUnit = { name: demoTree.name, ...(units.get(demoTree.name) as { id: string; path: string }) };
    const today = shanghaiToday();
    const work = await seedDemoActivities(tx, countyUnit, townUnit, villages, chiefsByVillage, today);
    const courtyardsStarted = Date.now();
    const courtyards = await seedDemoCourtyards(
      tx,
      countyUnit,
      townUnit,
      villages,
      womenByVillage,
      householdsByVillage,
      today,
    );
    const courtyardsMs = Date.now() - courtyardsStarted;
    const care = await seedDemoCare(tx, villages, womenByVillage, today);
    const reports = await seedDemoReports(tx, countyUnit);
    const credits = await seedDemoCredits(tx, countyUnit, townUnit, villages, householdsByVillage, today);
    const screenings = await seedDemoScreenings(tx, townUnit, villages, today);
    const honours = await seedDemoHonours(tx, townUnit, villages, today);
    const donationWork = await seedDemoDonations(tx, countyUnit, townUnit, villages, today, dataDir);
    const root = units.get(demoTree.name);
    await recordAudit(tx, null, {
      module: 'system',
      action: 'seedDemo',
      entityLabel: '演示数据',
      orgUnitId: root?.id,
      orgPath: root?.path,
      after: {
        units: units.size,
        users: demoAccounts.length,
        ...people,
        ...ledgers,
        ...work,
        ...courtyards,
        courtyardsMs,
        ...care,
        ...reports,
        ...credits,
        ...screenings,
        ...honours,
        ...donationWork,
      },
    });
  });
};
