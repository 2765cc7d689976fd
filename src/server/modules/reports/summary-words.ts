import { levelOf } from '../../../contracts/org';
import type { SummaryKind } from '../../../contracts/reports';
import { chineseNumeral } from './periods';

/**
 * The words that depend on where the summary is written: a rural town and its villages, an urban
 * street and its communities, a pastoral banner (旗) with its 苏木 and 嘎查. A town whose units are all
 * communities is written up in urban words, whatever its own kind.
 */
export type Setting = 'rural' | 'urban' | 'pastoral';

const SCOPE_WORDS: Record<string, string> = {
  county: '全县',
  banner: '全旗',
  town: '全镇',
  street: '全街道',
  sumu: '全苏木',
  village: '全村',
  community: '全社区',
  gacha: '全嘎查',
};

/** The setting from the unit's kind and the kinds of the grassroots units under it (counts by kind). */
export const settingOf = (unitKind: string, childKinds: Record<string, number>): Setting => {
  if (['banner', 'sumu', 'gacha'].includes(unitKind) || (childKinds.gacha ?? 0) > 0) return 'pastoral';
  if (unitKind === 'community') return 'urban';
  if (unitKind === 'village') return 'rural';
  const urban = (childKinds.community ?? 0) + (childKinds.street ?? 0);
  const rural = (childKinds.village ?? 0) + (childKinds.town ?? 0);
  if (unitKind === 'street') return rural > urban ? 'rural' : 'urban';
  return urban > rural ? 'urban' : 'rural';
};

export type Words = ReturnType<typeof wordsFor>;

export const wordsFor = (p: {
  kind: SummaryKind;
  unitKind: string;
  setting: Setting;
  year: number;
  quarter: number | null;
  month: number | null;
}) => {
  const when = p.kind === 'annual' ? '全年' : p.kind === 'quarterly' ? '本季度' : '本月';
  const asOf = p.kind === 'annual' ? '截至年底' : p.kind === 'quarterly' ? '截至本季度末' : '截至本月底';
  const level = levelOf(p.unitKind);
  const scopeWord =
    SCOPE_WORDS[p.unitKind] ??
    (p.unitKind === 'enterprise' ? '本企业' : p.unitKind === 'newSector' ? '本组织' : '辖区内');
  const periodLabel =
    p.kind === 'annual'
      ? `${p.year}年`
      : p.kind === 'quarterly'
        ? `${p.year}年第${chineseNumeral(p.quarter ?? 1)}季度`
        : `${p.year}年${p.month}月`;
  /** The units under this one, as the text names them (各村、各社区、各苏木镇…). */
  const units =
    level === 'county'
      ? p.setting === 'pastoral'
        ? '各苏木（镇）'
        : p.setting === 'urban'
          ? '各街道（镇）'
          : '各镇（街道）'
      : level === 'town'
        ? p.setting === 'pastoral'
          ? '各嘎查'
          : p.setting === 'urban'
            ? '各社区'
            : '各村（社区）'
        : '';
  const grassroots = {
    rural: '深入村组、庭院和田间地头',
    urban: '深入社区、楼院和居民家中',
    pastoral: '深入嘎查、牧户和草场',
  }[p.setting];
  const development = {
    rural: '助力乡村振兴',
    urban: '助力基层治理和社区发展',
    pastoral: '助力牧区振兴和民族团结',
  }[p.setting];
  const chairsOf = {
    rural: '村（社区）妇联主席',
    urban: '社区妇联主席',
    pastoral: '嘎查妇联主席',
  }[p.setting];
  return { when, asOf, scopeWord, periodLabel, level, units, grassroots, development, chairsOf };
};
