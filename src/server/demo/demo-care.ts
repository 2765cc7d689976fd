import { sql } from 'drizzle-orm';
import type {
  CaseOutcome,
  DisputeType,
  HelpKind,
  KeyPersonCategory,
  RiskLevel,
  VisitFrequency,
  VisitMode,
} from '../../contracts/care';
import { bulkInsert } from '../kernel/db/bulk';
import type { Tx } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import {
  carePairings,
  careVisits,
  keyPeople,
  mediationCases,
  mediationSessions,
  riskScreenings,
} from '../modules/care/care.table';
import { seededRandom } from './demo-people';

type Unit = { id: string; path: string; name: string };

const addDays = (on: string, n: number) => {
  const d = new Date(`${on}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** The twelve months up to this one, oldest first, as YYYY-MM. */
const lastMonths = (today: string, n = 12) => {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
};

const CATEGORIES: KeyPersonCategory[] = [
  'leftBehindWoman',
  'leftBehindChild',
  'leftBehindElderly',
  'womanInDifficulty',
  'singleParent',
  'conflictFamily',
];
const REASONS: Record<Exclude<RiskLevel, 'green'>, string[]> = {
  yellow: ['丈夫外出务工，独自照料老人孩子', '近期收入不稳定，需持续关注', '孩子学习困难，情绪低落'],
  orange: ['婆媳因赡养问题多次争吵', '夫妻因债务问题矛盾加深', '与邻居因宅基地边界发生口角'],
  red: ['丈夫酒后有推搡行为，已报告派出所', '夫妻冲突升级，一方扬言离家'],
};
const DISPUTES: DisputeType[] = [
  'marriage',
  'inLaws',
  'neighbours',
  'support',
  'property',
  'domesticViolence',
];
const FINDINGS = [
  '（演示）身体状况稳定，孩子按时上学，生活基本有保障',
  '（演示）丈夫外出务工，家中老人需要照料，情绪有些低落',
  '（演示）近期收入减少，担心孩子下学期学费',
  '（演示）家庭关系较上月缓和，愿意参加村里的技能培训',
  '（演示）孩子学习跟不上，希望有志愿者辅导',
  '（演示）独居，腿脚不便，需要帮助代购生活用品',
];
const NEXT_STEPS = ['下月继续走访', '联系村里公益岗位', '对接镇妇联“春蕾”助学', '协调志愿者每周辅导一次', ''];
const HELPS: HelpKind[][] = [
  ['policy'],
  ['counselling'],
  ['goods'],
  ['counselling', 'goods'],
  ['employment'],
  ['legal'],
  [],
];
const DAYS: Record<VisitFrequency, number> = { weekly: 7, biweekly: 14, monthly: 30, quarterly: 91 };

// Invented given names for the other party of a dispute (fictional, like the whole demo).
const OTHER_NAMES = ['刘建国', '赵德华', '孙桂芝', '周志强', '吴海燕', '郑春生', '冯玉兰', '陈立新'];

/**
 * A year of 维权关爱 in the demo town (fictional people from the demo ledger): in every village a few
 * key people screened monthly (a month here and there missed — the to-do), colours that move, red
 * ones referred, a couple closed (销号); and mediation cases from walk-ins, 12345 tickets and
 * screening referrals, most settled by agreement, with sessions and 回访; most key people paired
 * (结对帮扶) with the village chair or a volunteer and visited (走访) at the pairing's rhythm.
 */
export const seedDemoCare = async (
  tx: Tx,
  villages: Unit[],
  womenByVillage: Map<string, { id: string; name: string }[]>,
  today: string,
  seed = 20260308,
) => {
  const r = seededRandom(seed + 17);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const months = lastMonths(today);
  const [village] = (
    await tx.execute(sql`select u.id, o.path from users u join org_units o on o.id = u.org_unit_id
      where u.username = 'village'`)
  ).rows as { id: string; path: string }[];
  const kpRows: (typeof keyPeople.$inferInsert)[] = [];
  const sRows: (typeof riskScreenings.$inferInsert)[] = [];
  const cRows: (typeof mediationCases.$inferInsert)[] = [];
  const mRows: (typeof mediationSessions.$inferInsert)[] = [];
  const pRows: (typeof carePairings.$inferInsert)[] = [];
  const vRows: (typeof careVisits.$inferInsert)[] = [];
  for (const v of villages) {
    const volunteers = (womenByVillage.get(v.id) ?? []).slice(0, 3);
    const women = (womenByVillage.get(v.id) ?? []).slice(5);
    const assignee = village && village.path === v.path ? village.id : null;
    const firstKp = kpRows.length;
    const count = Math.min(women.length, 4 + Math.floor(r() * 4));
    for (let i = 0; i < count; i++) {
      const w = women[(i * 3) % women.length];
      if (kpRows.some((k) => k.personId === w.id)) continue;
      const id = uuidv7();
      const category = CATEGORIES[(i + v.name.length) % CATEGORIES.length];
      const isClosed = i === 0 && r() < 0.5;
      const closedMonth = months[9];
      kpRows.push({
        id,
        orgUnitId: v.id,
        orgPath: v.path,
        personId: w.id,
        category,
        note: null,
        status: isClosed ? 'closed' : 'active',
        closeReason: isClosed ? '家庭矛盾已化解，回访三个月无反复' : null,
        closeRequestedOn: isClosed ? `${closedMonth}-10` : null,
        closedOn: isClosed ? `${closedMonth}-15` : null,
        createdAt: `${months[0]}-01 09:00:00+08`,
      });
      let level: RiskLevel = pick(['green', 'green', 'yellow', 'orange'] as const);
      for (const month of months) {
        if (isClosed && month > closedMonth) break;
        if (month === months[months.length - 1] && today.slice(8) < '10') continue;
        if (r() < 0.06) continue; // a missed month: the to-do
        const move = r();
        if (move < 0.15) level = level === 'green' ? 'yellow' : level === 'yellow' ? 'orange' : 'red';
        else if (move < 0.45) level = level === 'red' ? 'orange' : level === 'orange' ? 'yellow' : 'green';
        const day = Math.min(5 + Math.floor(r() * 20), Number(today.slice(8)) || 28);
        const on = `${month}-${String(month === today.slice(0, 7) ? Math.min(day, Number(today.slice(8))) : day).padStart(2, '0')}`;
        sRows.push({
          id: uuidv7(),
          orgUnitId: v.id,
          orgPath: v.path,
          keyPersonId: id,
          month,
          screenedOn: on,
          risk: level,
          reason: level === 'green' ? null : pick(REASONS[level]),
          referralTo: level === 'red' ? pick(['police', 'mediation'] as const) : null,
          referralStatus: level === 'red' ? (month < months[10] ? 'done' : 'followingUp') : null,
          referralNote: null,
        });
      }
    }
    // 结对帮扶: most key people of the village paired from the year's start, with the village chair
    // (where she has an account) or a volunteer; visits at the pairing's rhythm, now and then late —
    // the first open pairing of each village has not been visited for two months (the overdue to-do).
    let isLateSet = false;
    kpRows.slice(firstKp).forEach((k, n) => {
      if (n % 4 === 3) return;
      const frequency: VisitFrequency = n % 5 === 1 ? 'biweekly' : 'monthly';
      const startedOn = `${months[0]}-05`;
      const endedOn = k.status === 'closed' ? (k.closedOn as string) : null;
      const helperUser = assignee && n % 2 === 0 ? assignee : null;
      const volunteer = volunteers.length ? volunteers[n % volunteers.length] : null;
      const helpers = [
        ...(helperUser ? [{ userId: helperUser, personId: null }] : []),
        ...(volunteer && (!helperUser || n === 0) ? [{ userId: null, personId: volunteer.id }] : []),
      ];
      if (helpers.length === 0) return;
      const pairingId = uuidv7();
      pRows.push({
        id: pairingId,
        orgUnitId: v.id,
        orgPath: v.path,
        keyPersonId: k.id as string,
        helpers,
        frequency,
        startedOn,
        endedOn,
        endReason: endedOn ? '已销号，结束结对' : null,
        createdBy: assignee,
        createdAt: `${startedOn} 09:00:00+08`,
      });
      const isLate = !endedOn && !isLateSet;
      if (isLate) isLateSet = true;
      const stopBy = isLate ? addDays(today, -60) : (endedOn ?? today);
      let on = addDays(startedOn, 2 + Math.floor(r() * 5));
      while (on <= stopBy) {
        if (r() >= 0.08) {
          const help = pick(HELPS);
          vRows.push({
            id: uuidv7(),
            orgUnitId: v.id,
            orgPath: v.path,
            pairingId,
            keyPersonId: k.id as string,
            visitedOn: on,
            mode: pick(['home', 'home', 'home', 'phone', 'wechat'] as VisitMode[]),
            findings: pick(FINDINGS),
            help,
            amountFen: help.includes('goods') ? (2 + Math.floor(r() * 4)) * 10000 : null,
            nextStep: pick(NEXT_STEPS) || null,
            createdBy: helperUser,
            createdAt: `${on} 16:00:00+08`,
          });
        }
        on = addDays(on, DAYS[frequency] - 3 + Math.floor(r() * 5));
      }
    });
    // Mediation: a case every couple of months per village.
    for (let n = 0; n < 6; n++) {
      const received = `${months[n * 2]}-${String(3 + Math.floor(r() * 20)).padStart(2, '0')}`;
      if (received > today) continue;
      const source = pick(['walkIn', 'walkIn', 'hotline', 'screening'] as const);
      const a = pick(women.length ? women : [{ id: '', name: '王某' }]);
      const disputeType = pick(DISPUTES);
      const isOpen = addDays(received, 30) > today;
      const outcome: CaseOutcome | null = isOpen
        ? null
        : r() < 0.8
          ? 'agreement'
          : r() < 0.5
            ? 'noAgreement'
            : 'withdrawn';
      const closedOn = outcome ? addDays(received, 7 + Math.floor(r() * 20)) : null;
      const followUpDueOn = outcome === 'agreement' && closedOn ? addDays(closedOn, 30) : null;
      const id = uuidv7();
      const replyDueOn = source === 'hotline' ? addDays(received, 5) : null;
      cRows.push({
        id,
        orgUnitId: v.id,
        orgPath: v.path,
        source,
        ticketNo: source === 'hotline' ? `12345-${received.replace(/-/g, '')}-${n}${v.name.length}` : null,
        replyDueOn,
        repliedOn: replyDueOn ? addDays(received, r() < 0.85 ? 3 : 7) : null,
        disputeType,
        parties: [
          { name: a.name, role: 'applicant' },
          { name: pick(OTHER_NAMES), role: 'respondent' },
        ],
        summary: '（演示）双方因家庭事务产生矛盾，申请调解。',
        assignedUserId: assignee,
        receivedOn: received,
        dueOn: addDays(received, 30),
        status: outcome ? 'closed' : 'open',
        outcome,
        referralNote: outcome === 'noAgreement' ? '已告知可向人民法院起诉' : null,
        closedOn,
        followUpDueOn,
        followedUpOn: followUpDueOn && followUpDueOn < today && r() < 0.8 ? followUpDueOn : null,
        createdBy: assignee,
      });
      const sittings = 1 + Math.floor(r() * 2);
      for (let s = 0; s < sittings; s++) {
        const heldOn = addDays(received, 2 + s * 5);
        if (heldOn > today || (closedOn && heldOn > closedOn)) continue;
        mRows.push({
          id: uuidv7(),
          caseId: id,
          orgPath: v.path,
          heldOn,
          attendees: '双方当事人、村妇联主席、调解员',
          notes: s === 0 ? '听取双方陈述，释明调解原则' : '双方就主要争议达成一致意见',
        });
      }
    }
  }
  await bulkInsert(tx, keyPeople, kpRows);
  await bulkInsert(tx, riskScreenings, sRows);
  await bulkInsert(tx, mediationCases, cRows);
  await bulkInsert(tx, mediationSessions, mRows);
  await bulkInsert(tx, carePairings, pRows);
  await bulkInsert(tx, careVisits, vRows);
  return {
    carePairings: pRows.length,
    careVisits: vRows.length,
    keyPeople: kpRows.length,
    screenings: sRows.length,
    mediationCases: cRows.length,
    mediationSessions: mRows.length,
  };
};
