import { sql } from 'drizzle-orm';
import { SCREENING_AGE_BAND } from '../../contracts/screenings';
import { bulkInsert } from '../kernel/db/bulk';
import type { Tx } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import { cancerScreenings } from '../modules/screenings/screenings.table';
import { seededRandom } from './demo-people';

type Unit = { id: string; path: string; name: string };

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const minDate = (a: string, b: string) => (a < b ? a : b);
const SITES = ['云溪县妇幼保健院', '青石镇卫生院'];

/**
 * A programme year of 两癌筛查 in the demo town: the village cadres mobilise most of their women aged
 * 35–64 in spring, the county's mobile team screens them from April to July (consent signed on the
 * day), a few results need further examination — most followed up by autumn — and a rare one is
 * diagnosed. The round is the latest one whose screening months have passed.
 */
export const seedDemoScreenings = async (
  tx: Tx,
  town: Unit,
  villages: Unit[],
  today: string,
  seed = 20260415,
) => {
  const r = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const thisYear = Number(today.slice(0, 4));
  const year = today.slice(5) >= '08-01' ? thisYear : thisYear - 1;
  const { min, max } = SCREENING_AGE_BAND;
  const women = (
    await tx.execute(sql`
      select p.id, p.org_unit_id, p.org_path from persons p
      where p.org_path like ${`${town.path}%`} and p.deleted_at is null and p.gender = 'female'
        and p.birth_date is not null
        and ${year} - extract(year from p.birth_date)::int between ${min} and ${max}
      order by p.id`)
  ).rows as { id: string; org_unit_id: string; org_path: string }[];
  const kindOf = new Map(villages.map((v) => [v.id, v.name.includes('社区') ? 'community' : 'village']));
  const rows: (typeof cancerScreenings.$inferInsert)[] = [];
  for (const w of women) {
    if (r() > 0.72) continue; // not reached this round
    const mobilised = iso(year, between(3, 5), between(1, 28));
    const isCommunity = kindOf.get(w.org_unit_id) === 'community';
    const category = isCommunity ? (r() < 0.35 ? 'urbanLowIncome' : 'other') : r() < 0.95 ? 'rural' : 'other';
    const base = {
      id: uuidv7(),
      orgUnitId: w.org_unit_id,
      orgPath: w.org_path,
      personId: w.id,
      programmeYear: year,
      category,
      mobilisedOn: mobilised,
    };
    if (r() > 0.86) {
      rows.push({ ...base, site: null }); // mobilised, did not come
      continue;
    }
    const month = Math.max(Number(mobilised.slice(5, 7)) + 1, between(4, 7));
    const screened = iso(year, Math.min(month, 7), between(1, 28));
    const roll = r();
    const result = roll < 0.005 ? 'diagnosed' : roll < 0.065 ? 'followUp' : 'normal';
    const isFollowedUp = result !== 'normal' && r() < 0.65;
    rows.push({
      ...base,
      consentSignedOn: screened,
      screenedOn: screened,
      site: SITES[between(0, SITES.length - 1)],
      result,
      followUpNote:
        result === 'diagnosed'
          ? '已转诊县人民医院治疗，协助申请两癌救助'
          : result === 'followUp'
            ? isFollowedUp
              ? '已到县妇幼保健院复查'
              : '已电话通知复查'
            : null,
      followUpDoneOn: isFollowedUp
        ? minDate(iso(year, Number(screened.slice(5, 7)) + 2, between(1, 28)), today)
        : null,
    });
  }
  await bulkInsert(tx, cancerScreenings, rows);
  return {
    screeningsMobilised: rows.length,
    screeningsScreened: rows.filter((x) => x.screenedOn).length,
  };
};
