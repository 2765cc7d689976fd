import { sql } from 'drizzle-orm';
import { bulkInsert } from '../kernel/db/bulk';
import type { Tx } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import { storeDocument } from '../kernel/files/document-store';
import {
  beneficiaries,
  cancerAidApplications,
  disbursements,
  donations,
  fundraisingDrives,
} from '../modules/donations/donations.table';
import { seededRandom } from './demo-people';

type Unit = { id: string; path: string; name: string };

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A one-page PDF saying what it is: the demo's stand-in for a hospital's diagnosis certificate. */
const DEMO_PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj',
    '4 0 obj<</Length 62>>stream',
    'BT /F1 18 Tf 72 760 Td (Demo diagnosis certificate - fictional) Tj ET',
    'endstream endobj',
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj',
    'trailer<</Root 1 0 R>>',
    '%%EOF',
  ].join('\n'),
);

// Invented names for the demo's students (never real people).
const SURNAMES = ['陈', '林', '黄', '吴', '郑', '王', '李', '张', '刘', '杨', '周', '徐'];
const GIVEN = [
  '雨萱',
  '欣怡',
  '梓涵',
  '诗琪',
  '佳怡',
  '子涵',
  '思琪',
  '雨桐',
  '可馨',
  '语嫣',
  '浩然',
  '子轩',
];
const SCHOOLS: [string, string[]][] = [
  ['青石镇中心小学', ['三年级', '四年级', '五年级', '六年级']],
  ['青石镇初级中学', ['初一', '初二', '初三']],
  ['云溪县第一中学', ['高一', '高二', '高三']],
];
const SITUATIONS = [
  '父亲因病去世，母亲务农，家庭收入低',
  '单亲家庭，母亲在外务工，由祖父母照看',
  '父母均患慢性病，家庭为低保户',
  '家中有残疾人，主要劳动力不足',
  '父母离异，随母亲生活，收入不稳定',
];
/** 春蕾计划 per-term standards (元): primary 400, junior 600, senior 800 (自贡 standard, §11). */
const STANDARD: Record<string, number> = { 小学: 400, 中学: 600, 一中: 800 };
const standardOf = (school: string) =>
  (school.endsWith('小学') ? STANDARD.小学 : school.includes('一中') ? STANDARD.一中 : STANDARD.中学) * 100;

/**
 * A year of the demo town's donation work: the county's 春蕾计划 drive and the town's 社会妈妈 drive,
 * donations from companies and people (some anonymous, some in kind), students of every village aided
 * in spring and autumn through the whole approval chain — the latest still waiting on the town — and
 * two-cancer aid applications at every step. Drive totals and balances are the sums of these rows.
 */
export const seedDemoDonations = async (
  tx: Tx,
  county: Unit,
  town: Unit,
  villages: Unit[],
  today: string,
  dataDir?: string,
  seed = 20260601,
) => {
  const r = seededRandom(seed);
  const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const year = Number(today.slice(0, 4)) - 1;
  const step = (action: string, on: string, byUnit: string, byName: string, note: string | null = null) => ({
    action,
    on,
    note,
    byName,
    byUnit,
    at: `${on}T02:00:00.000Z`,
  });

  const drives = [
    {
      id: uuidv7(),
      orgUnitId: county.id,
      orgPath: county.path,
      name: `${year}年春蕾计划·云溪助学行动`,
      purpose: 'studentAid',
      description: '资助困难家庭女童完成学业，按小学400元、初中600元、高中800元每学期发放。',
      startsOn: iso(year, 1, 1),
      endsOn: iso(year + 1, 12, 31),
      targetFen: 20_000_000,
    },
    {
      id: uuidv7(),
      orgUnitId: town.id,
      orgPath: town.path,
      name: '社会妈妈·青石爱心助学',
      purpose: 'studentAid',
      description: '爱心人士与困难学生结对，一对一资助。',
      startsOn: iso(year, 3, 1),
      endsOn: iso(year + 1, 12, 31),
      targetFen: 5_000_000,
    },
  ];
  const donors = [
    ['青石茶业有限公司', 'organisation'],
    ['云溪县农村商业银行', 'organisation'],
    ['桃源竹编厂', 'organisation'],
    ['青石镇电商协会', 'organisation'],
    ['何美玲', 'person'],
    ['邱建国', 'person'],
    ['罗晓燕', 'person'],
    ['蔡文静', 'person'],
    ['一位在外乡贤', 'person'],
  ] as const;
  const donationRows: (typeof donations.$inferInsert)[] = [];
  let receipt = 0;
  for (const [n, drive] of drives.entries()) {
    for (let m = 3; m <= 14; m++) {
      const y = m > 12 ? year + 1 : year;
      const month = m > 12 ? m - 12 : m;
      const on = iso(y, month, 5 + Math.floor(r() * 20));
      if (on > today || on < drive.startsOn) continue;
      const gifts = m === 3 || m === 9 ? 4 : 1 + Math.floor(r() * 2);
      for (let g = 0; g < gifts; g++) {
        const [donorName, donorKind] = pickOf(donors);
        const isInKind = donorKind === 'organisation' && r() < 0.12;
        const amount =
          (donorKind === 'organisation'
            ? 500 + Math.floor(r() * 40) * 100
            : 100 + Math.floor(r() * 20) * 50) * 100;
        receipt++;
        donationRows.push({
          id: uuidv7(),
          driveId: drive.id,
          orgUnitId: drive.orgUnitId,
          orgPath: drive.orgPath,
          donorName,
          donorKind,
          isAnonymous: donorKind === 'person' && r() < 0.25,
          kind: isInKind ? 'inKind' : 'money',
          amountFen: isInKind ? null : amount,
          method: isInKind ? null : pickOf(['bankTransfer', 'wechat', 'cash', 'bankTransfer'] as const),
          receivedOn: on,
          receiptNo: `${n === 0 ? 'CL' : 'SHMM'}${y}-${String(receipt).padStart(4, '0')}`,
          items: isInKind ? '书包50个、文具礼包50套' : null,
          estimatedValueFen: isInKind ? 750_000 : null,
          note: null,
        });
      }
    }
  }

  const beneficiaryRows: (typeof beneficiaries.$inferInsert)[] = [];
  for (const v of villages) {
    const count = 1 + Math.floor(r() * 2);
    for (let i = 0; i < count; i++) {
      const [school, grades] = pickOf(SCHOOLS);
      const grade = pickOf(grades);
      const age = school.endsWith('小学') ? 9 + grades.indexOf(grade) : school.includes('一中') ? 16 : 13;
      beneficiaryRows.push({
        id: uuidv7(),
        orgUnitId: v.id,
        orgPath: v.path,
        name: pickOf(SURNAMES) + pickOf(GIVEN),
        kind: 'student',
        gender: 'female',
        birthDate: iso(year - age, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
        school,
        grade,
        familySituation: pickOf(SITUATIONS),
        guardianName: `${pickOf(SURNAMES)}${pickOf(['秀英', '桂兰', '春花', '美华'])}`,
        personId: null,
        note: null,
      });
    }
  }

  // Spring (April) and autumn (October) payments; the latest term still waiting where it is recent.
  const townName = town.name;
  const countyName = county.name;
  const disbursementRows: (typeof disbursements.$inferInsert)[] = [];
  const terms = [
    { submitted: iso(year, 3, 20), town: iso(year, 3, 25), owner: iso(year, 4, 2), paid: iso(year, 4, 10) },
    { submitted: iso(year, 9, 15), town: iso(year, 9, 20), owner: iso(year, 9, 28), paid: iso(year, 10, 10) },
    {
      submitted: iso(year + 1, 3, 20),
      town: iso(year + 1, 3, 25),
      owner: iso(year + 1, 4, 2),
      paid: iso(year + 1, 4, 10),
    },
  ];
  const daysAgo = (n: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  // This month's requests: submitted days ago, half of them already reviewed by the town.
  const recent = { submitted: daysAgo(6), town: daysAgo(2), owner: iso(9999, 1, 1), paid: iso(9999, 1, 1) };
  for (const [i, b] of beneficiaryRows.entries()) {
    const drive = drives[i % 2];
    const ownerName = i % 2 === 0 ? countyName : townName;
    const village = villages.find((v) => v.id === b.orgUnitId) as Unit;
    for (const term of i % 3 === 0
      ? [...terms, i % 2 ? recent : { ...recent, town: iso(9999, 1, 1) }]
      : terms) {
      if (term.submitted > today || term.submitted < drive.startsOn) continue;
      const steps = [step('submit', term.submitted, village.name, '村妇联主席')];
      let status = 'submitted';
      if (term.town <= today) {
        steps.push(step('townApprove', term.town, townName, '镇妇联主席', '情况属实，同意'));
        status = 'townApproved';
      }
      if (term.owner <= today) {
        steps.push(step('ownerApprove', term.owner, ownerName, '妇联主席', '同意发放'));
        status = 'ownerApproved';
      }
      if (term.paid <= today) {
        steps.push(step('pay', term.paid, ownerName, '财务'));
        status = 'paid';
      }
      disbursementRows.push({
        id: uuidv7(),
        driveId: drive.id,
        beneficiaryId: b.id as string,
        orgUnitId: b.orgUnitId,
        orgPath: b.orgPath,
        amountFen: standardOf(b.school as string),
        purpose: `${term.submitted.slice(0, 4)}年${term.submitted.slice(5, 7) < '07' ? '春季' : '秋季'}学期助学金`,
        status,
        submittedOn: term.submitted,
        paidOn: status === 'paid' ? term.paid : null,
        paidMethod: status === 'paid' ? 'bankTransfer' : null,
        payer: status === 'paid' ? '财务' : null,
        steps,
      });
    }
  }

  const driveRows = drives.map((d) => {
    const given = donationRows.filter((x) => x.driveId === d.id);
    const out = disbursementRows.filter((x) => x.driveId === d.id);
    const raised = given.reduce((a, x) => a + (x.amountFen ?? 0), 0);
    const committed = out.reduce((a, x) => a + x.amountFen, 0);
    if (committed > raised) throw new Error(`demo drive ${d.name} would go negative`);
    return {
      ...d,
      raisedFen: raised,
      inKindFen: given.reduce((a, x) => a + (x.estimatedValueFen ?? 0), 0),
      committedFen: committed,
      paidFen: out.filter((x) => x.status === 'paid').reduce((a, x) => a + x.amountFen, 0),
      balanceFen: raised - committed,
    };
  });
  await bulkInsert(tx, fundraisingDrives, driveRows);
  await bulkInsert(tx, donations, donationRows);
  await bulkInsert(tx, beneficiaries, beneficiaryRows);
  await bulkInsert(tx, disbursements, disbursementRows);

  // Two-cancer aid: women of the town in the age band, one application at each step of the chain.
  const women = (
    await tx.execute(sql`select id, org_unit_id, org_path, birth_date from persons
      where org_path like ${`${town.path}%`} and deleted_at is null and gender = 'female'
        and birth_date between ${iso(year - 60, 1, 1)}::date and ${iso(year - 40, 12, 31)}::date
      order by id limit 7`)
  ).rows as { id: string; org_unit_id: string; org_path: string }[];
  const chain: [string, string, string][] = [
    ['submit', iso(year, 4, 8), '村妇联'],
    ['townReview', iso(year, 4, 15), townName],
    ['countyReview', iso(year, 4, 28), countyName],
    ['grant', iso(year, 6, 10), countyName],
    ['pay', iso(year, 10, 16), countyName],
  ];
  const targets = ['paid', 'paid', 'granted', 'refused', 'countyReviewed', 'submitted', 'draft'];
  const statusAfter: Record<string, string> = {
    submit: 'submitted',
    townReview: 'townReviewed',
    countyReview: 'countyReviewed',
    grant: 'granted',
    pay: 'paid',
  };
  const doc = dataDir ? await storeDocument(dataDir, DEMO_PDF) : null;
  const aidRows: (typeof cancerAidApplications.$inferInsert)[] = [];
  for (const [i, w] of women.entries()) {
    const target = doc ? targets[i] : 'draft';
    const steps: ReturnType<typeof step>[] = [];
    let status = 'draft';
    if (target === 'refused') {
      steps.push(step('submit', chain[0][1], '村妇联', '村妇联主席'));
      steps.push(step('refuse', chain[1][1], townName, '镇妇联主席', '经核实，家庭不属于低收入人口'));
      status = 'refused';
    } else if (target !== 'draft') {
      for (const [action, on, unit] of chain) {
        steps.push(step(action, on, unit, '经办人', action === 'submit' ? null : '材料齐全，符合条件'));
        status = statusAfter[action];
        if (status === target) break;
      }
    }
    const granted = status === 'granted' || status === 'paid';
    aidRows.push({
      id: uuidv7(),
      orgUnitId: w.org_unit_id,
      orgPath: w.org_path,
      personId: w.id,
      appliedOn: iso(year, 4, 6),
      cancerType: i % 3 === 0 ? 'cervical' : 'breast',
      diagnosedOn: iso(year, 3, 10 + i),
      hospital: '云溪县人民医院',
      incomeCategory: i % 2 === 0 ? 'lowIncome' : 'atRisk',
      documentKey: status === 'draft' ? null : (doc?.storageKey ?? null),
      documentType: status === 'draft' ? null : (doc?.contentType ?? null),
      documentBytes: status === 'draft' ? null : (doc?.bytes ?? null),
      status,
      amountFen: granted ? 1_000_000 : null,
      fund: granted ? (i === 2 ? 'localSpecial' : 'lottery') : null,
      grantedOn: granted ? chain[3][1] : null,
      paidOn: status === 'paid' ? chain[4][1] : null,
      steps,
    });
  }
  if (aidRows.length) await bulkInsert(tx, cancerAidApplications, aidRows);
  return {
    fundraisingDrives: driveRows.length,
    donations: donationRows.length,
    beneficiaries: beneficiaryRows.length,
    disbursements: disbursementRows.length,
    cancerAidApplications: aidRows.length,
  };
};
