import type {
  FigureRun,
  PlanItem,
  Run,
  SummaryContent,
  SummaryKind,
  SummaryParagraph,
  SummarySection,
} from '../../../contracts/reports';
import { chineseNumeral } from './periods';
import { buildCare } from './summary-care';
import { buildCredits } from './summary-credits';
import { buildAid } from './summary-donations';
import { buildModels, dutiesPoint } from './summary-honours';
import { screeningPoint } from './summary-screenings';
import type { Words } from './summary-words';
import {
  clause,
  dateText,
  figureValue,
  type Group,
  listed,
  merge,
  names,
  paragraph,
  pick,
  plainNames,
  pointsSection,
  previous,
  quoted,
  type RecordRef,
  recordName,
  s,
  sentence,
  sentences,
  text,
  type WritingContext,
  withOptional,
} from './summary-writing';

export type { RecordRef } from './summary-writing';

/** The named record lists a summary draws its examples from (each read from an indicator's drill-down). */
export type RecordLists = {
  /** Activities of a type with the most participants: `type` → records. */
  topByType: Record<string, RecordRef[]>;
  /** Activities she marked as notable (or dated by nature), in date order. */
  dated: RecordRef[];
  newSites: RecordRef[];
  unitsFounded: RecordRef[];
  elections: RecordRef[];
  teamsFounded: RecordRef[];
};

/**
 * Everything a summary is written from. `lookup` answers a figure from the indicators (undefined
 * when the indicator is not registered), for the document's period or the same period a year
 * before; `groups` lists a dimension's values that have records in the period, largest first then by
 * name, with their configured labels. Builders are pure functions of this.
 */
export type SummaryFacts = WritingContext & {
  unitName: string;
  unitKind: string;
  kind: SummaryKind;
  year: number;
  quarter: number | null;
  month: number | null;
  words: Words;
  groups: (indicatorKey: string, dimension: string) => Group[];
  records: RecordLists;
  /** Units under this one with no activity recorded in the period (names), for the plan. */
  idleUnits: string[];
  planItems: PlanItem[];
};

const act = (type?: string) => ({
  sessions: s('activities.sessions', type ? { type } : undefined),
  attendances: s('activities.attendances', type ? { type } : undefined),
});
/** Holders of a role; with a unit kind, only in units of that kind (`roleAt`: chair@village). */
const role = (r: string, unitKind?: string) =>
  s('people.roleHolders', unitKind ? { roleAt: `${r}@${unitKind}` } : { role: r });

/** The grassroots units under a town and the towns under a county, as the text names their federations. */
const UNIT_WORDS: Record<'town' | 'county', [string, string][]> = {
  town: [
    ['village', '村'],
    ['community', '社区'],
    ['gacha', '嘎查'],
  ],
  county: [
    ['town', '镇'],
    ['street', '街道'],
    ['sumu', '苏木'],
  ],
};

/** Activity types that have a point of their own in some section; the others get one in 思想引领. */
const TYPES_WITH_A_HOME = new Set([
  'outreach',
  'culturalEvent',
  'meeting',
  'legalEducation',
  'visit',
  'healthClinic',
  'training',
  'volunteerService',
  'studyTour',
  'familyReading',
]);

/** A site as the text names it: its unit's name first unless the site's name already says it. */
const siteName = (r: RecordRef) => {
  const unit = r.orgUnitName.replace(/妇联$/, '');
  return r.label.includes(unit) ? r.label : `${unit}${r.label}`;
};

/** “其中X”等活动参与群众较多 — examples by participants, without numbers of their own. */
const examples = (f: SummaryFacts, type: string, where: string) => {
  const top = f.records.topByType[type] ?? [];
  if (!top.length || !figureValue(f, act(type).sessions)) return null;
  const lead = pick(f, where, ['其中，', '特别是', '其中']);
  const tail = pick(f, `${where}-tail`, ['等活动参与群众较多', '等活动反响热烈', '等活动群众参与度高']);
  return text(`${lead}${names(top, f.unitName)}${tail}。`);
};

/** The sessions and attendances of a type as one clause: 开展{label}{n}场次、参与{m}人次. */
const typeClause = (f: SummaryFacts, type: string, verb: string, label: string, people = '参与') =>
  withOptional(
    clause(f, `${verb}${label}`, act(type).sessions, '场次'),
    clause(f, `、${people}`, act(type).attendances, '人次'),
  );

/* -------------------------------------------------------------------------------------------- */

export const summaryTitle = (f: Pick<SummaryFacts, 'unitName' | 'kind' | 'year' | 'quarter' | 'month'>) => {
  if (f.kind === 'annual') return `${f.unitName}${f.year}年工作总结`;
  if (f.kind === 'quarterly')
    return `${f.unitName}${f.year}年第${chineseNumeral(f.quarter ?? 1)}季度工作小结`;
  return `${f.unitName}${f.year}年${f.month}月工作小结`;
};

/** The opening: what the year was about, and every activity type with its 场次 — nothing left out. */
export const buildOpening = (f: SummaryFacts): SummarySection | null => {
  const w = f.words;
  const all = act();
  const types = f.groups('activities.sessions', 'type');
  const perType = types.map((t) => clause(f, t.label, act(t.code).sessions, '场次'));
  const figures = sentences(
    sentence(`${w.when}共`, [
      clause(f, '开展各类活动', all.sessions, '场次'),
      clause(f, '参与群众', all.attendances, '人次'),
    ]),
    types.length > 1 ? sentence('其中', perType, '、') : null,
  );
  const intro = pick(f, 'opening', [
    `${w.periodLabel}，${f.unitName}围绕中心、服务大局，团结引领广大妇女，扎实推进思想引领、组织建设、家庭文明建设和妇女儿童权益维护等各项工作。`,
    `${w.periodLabel}，${f.unitName}坚持以服务妇女群众为落脚点，紧抓组织建设，丰富活动载体，扎实办好妇女儿童实事。`,
    `${w.periodLabel}，${f.unitName}立足妇联职能，团结动员广大妇女，在思想引领、家庭文明建设、关爱妇女儿童等方面取得新进展。`,
  ]);
  const p = paragraph(
    'opening-p1',
    [
      figures,
      figures ? text(f.kind === 'annual' ? '现将全年工作总结如下。' : '现将有关情况小结如下。') : null,
    ],
    intro,
  );
  return p ? { id: 's-opening', key: 'opening', heading: '', paragraphs: [p], isEdited: false } : null;
};

/** Campaigns: every one with records, largest first, up to eight by name and “等N项” for the rest. */
const campaignsPoint = (f: SummaryFacts) => {
  const all = f.groups('activities.sessions', 'campaign');
  if (all.length === 0) return null;
  const { shown, rest } = listed(all, 8);
  const clauses = shown.map((c) =>
    withOptional(
      clause(f, `围绕${quoted(c.label)}开展活动`, s('activities.sessions', { campaign: c.code }), '场次'),
      clause(f, '、参与', s('activities.attendances', { campaign: c.code }), '人次'),
    ),
  );
  const lead = pick(f, 'campaigns', ['聚焦重点工作，', '以专项行动为抓手，', '结合中心工作，']);
  return sentences(
    sentence(lead, clauses, '；', rest > 0 ? '' : '。'),
    rest > 0 ? text(`，另有${quoted(all[shown.length].label)}等${rest}项专项行动，详见活动台账。`) : null,
  );
};

/**
 * Dated events: activities she marked as notable, named with their dates (3月8日、6月1日至3日). The
 * same event held by several units on the same day is named once, as held by 各村（社区）.
 */
const datedPoint = (f: SummaryFacts) => {
  const dated = f.records.dated;
  if (!dated.length || !figureValue(f, act().sessions)) return null;
  const events = new Map<string, RecordRef[]>();
  for (const r of dated) {
    const key = `${r.date}|${r.dateTo ?? ''}|${r.label}`;
    events.set(key, [...(events.get(key) ?? []), r]);
  }
  const items = [...events.values()].slice(0, 8).map((rs) => {
    const [r] = rs;
    const units = new Set(rs.map((x) => x.orgUnitName));
    const who = units.size > 1 ? `${f.words.units || '各单位'}${quoted(r.label)}` : recordName(r, f.unitName);
    return `${dateText(r.date, r.dateTo)}${who}`;
  });
  const lead = pick(f, 'dated', [
    '结合重要时间节点，先后开展',
    '围绕重要节日和时间节点，组织开展',
    '抓住重要节点，先后举办',
  ]);
  return text(`${lead}${items.join('、')}等活动。`);
};

export const buildOutreach = (f: SummaryFacts): SummarySection | null => {
  const w = f.words;
  const o = act('outreach');
  const extraTypes = f
    .groups('activities.sessions', 'type')
    .filter((t) => !TYPES_WITH_A_HOME.has(t.code) && t.code !== 'other');
  return pointsSection(
    'outreach',
    '强化思想引领，凝聚巾帼力量',
    pick(f, 'outreach-lead', [
      '坚持把思想政治引领摆在首位，引导广大妇女听党话、感党恩、跟党走。',
      '始终把思想政治引领作为首要任务，用群众听得懂、愿意听的方式宣传党的创新理论。',
    ]),
    [
      {
        id: 'outreach-p1',
        runs: sentences(
          sentence(`${w.when}`, [
            clause(
              f,
              pick(f, 'outreach-verb', ['组织开展各类宣讲', '开展巾帼宣讲', '组织宣讲活动']),
              o.sessions,
              '场次',
            ),
            clause(f, '覆盖群众', o.attendances, '人次'),
          ]),
          sentence(
            `${w.scopeWord}现有`,
            [clause(f, '巾帼宣讲员', role('lecturer'), '名')],
            '、',
            `，${w.grassroots}开展宣讲。`,
          ),
          examples(f, 'outreach', 'outreach-ex'),
        ),
      },
      { id: 'outreach-p2', runs: campaignsPoint(f) },
      {
        id: 'outreach-p3',
        runs: sentences(
          sentence(
            w.when,
            [typeClause(f, 'culturalEvent', '组织', '文体活动')],
            '，',
            '，丰富妇女群众精神文化生活。',
          ),
        ),
      },
      { id: 'outreach-p5', runs: datedPoint(f) },
      {
        id: 'outreach-p4',
        runs: sentence(
          '结合本地实际，',
          extraTypes.map((t) => typeClause(f, t.code, '开展', `${t.label}活动`)),
          '；',
        ),
      },
    ],
  );
};

export const buildOrganization = (f: SummaryFacts): SummarySection | null => {
  const w = f.words;
  // A town's summary counts the chairs of its villages and communities (not its own chair); a county's
  // the chairs of its towns and streets. Without the unit-kind dimension, all chairs.
  const under = w.level === 'town' ? UNIT_WORDS.town : w.level === 'county' ? UNIT_WORDS.county : [];
  const chairsUnder = under.map(([k, word]) => clause(f, `${word}妇联主席`, role('chair', k), '名'));
  const chairs = chairsUnder.some((c) => c) ? chairsUnder : [clause(f, '妇联主席', role('chair'), '名')];
  const founded = f.groups('org.unitsFounded', 'kind');
  const siteKinds = f.groups('org.sites', 'kind');
  const opened = f.records.newSites;
  const siteUse = f.groups('activities.sessions', 'siteKind');
  const teams = f.groups('people.volunteerTeams', 'kind');
  return pointsSection(
    'organization',
    pick(f, 'org-heading', ['夯实组织基础，建强阵地队伍', '加强自身建设，筑牢组织根基']),
    pick(f, 'org-lead', [
      '坚持党建带妇建，不断扩大妇联组织覆盖，延伸服务触角。',
      '持续深化基层妇联组织建设，让妇联组织联系妇女更紧密、服务妇女更便捷。',
    ]),
    [
      {
        id: 'organization-p1',
        runs: sentences(
          sentence(
            `${w.asOf}，${w.scopeWord}共有`,
            [
              ...chairs,
              clause(f, '副主席', role('viceChair'), '名'),
              clause(f, '执委', role('executiveMember'), '名'),
              clause(f, '妇女小组长', role('womenGroupLeader'), '名'),
            ],
            '、',
          ),
          sentence(`${w.scopeWord}划分`, [
            clause(f, '网格', s('org.grids'), '个'),
            clause(f, '建立妇女小组', s('org.womenGroups'), '个'),
          ]),
          sentence(
            w.when,
            [clause(f, '召开妇联工作会议', act('meeting').sessions, '场次')],
            '，',
            '，定期总结工作、交流经验。',
          ),
        ),
      },
      dutiesPoint(f),
      {
        id: 'organization-p2',
        runs: sentences(
          sentence(
            `${w.when}新建`,
            founded.map((k) => {
              const named = plainNames(
                f.records.unitsFounded.filter((r) => r.type?.value === k.code).map((r) => r.label),
              );
              return clause(
                f,
                k.label.replace(/（.*）$/, ''),
                s('org.unitsFounded', { kind: k.code }),
                named ? `个（${named}）` : '个',
              );
            }),
            '、',
            '，进一步扩大妇联组织覆盖面。',
          ),
          sentence(
            w.when,
            [clause(f, '完成妇联组织换届', s('org.elections'), '个')],
            '，',
            f.records.elections.length
              ? `（${plainNames(f.records.elections.map((r) => r.orgUnitName))}），选优配强妇联班子。`
              : '，选优配强妇联班子。',
          ),
        ),
      },
      {
        id: 'organization-p3',
        runs: sentences(
          sentence(
            `${w.scopeWord}建有`,
            siteKinds.map((k) => clause(f, k.label, s('org.sites', { kind: k.code }), '个')),
            '、',
            '，为妇女群众提供学习、议事和服务的场所。',
          ),
          opened.length
            ? (sentence(
                w.when,
                [clause(f, '新建', s('org.sitesOpened'), '个')],
                '',
                `，包括${plainNames(opened.map(siteName))}。`,
              ) ?? text(`${w.when}新建成${plainNames(opened.map(siteName))}。`))
            : null,
          sentence(
            '依托',
            siteUse
              .slice(0, 6)
              .map((k) =>
                clause(f, `${k.label}开展活动`, s('activities.sessions', { siteKind: k.code }), '场次'),
              ),
            '、',
            '，阵地作用有效发挥。',
          ),
        ),
      },
      {
        id: 'organization-p4',
        runs: sentences(
          sentence(
            `${w.scopeWord}组建`,
            teams.map((k) => clause(f, k.label, s('people.volunteerTeams', { kind: k.code }), '支')),
            '、',
          ),
          sentence(
            w.when,
            [clause(f, '新组建', s('people.teamsFounded'), '支')],
            '',
            f.records.teamsFounded.length
              ? `（${plainNames(f.records.teamsFounded.map((r) => r.label))}）。`
              : '。',
          ),
        ),
      },
    ],
  );
};

const RATINGS = ['premium', 'model', 'clean'];

export const buildCourtyards = (f: SummaryFacts): SummarySection | null => {
  const w = f.words;
  const rating = (r: string) =>
    f.groups('courtyards.households', 'rating').find((g) => g.code === r)?.label ??
    { premium: '精品户', model: '示范户', clean: '清洁户' }[r] ??
    r;
  const categories = f.groups('courtyards.featured', 'category');
  return pointsSection(
    'courtyards',
    pick(f, 'courtyards-heading', ['深化美丽庭院创建，扮靓宜居家园', '推进美丽庭院建设，共建和美家园']),
    pick(f, 'courtyards-lead', [
      '持续深化“精致农家·美丽庭院”创建，以小庭院带动大环境。',
      '以“美丽庭院”创建为抓手，引导家家户户清洁家园、美化庭院。',
    ]),
    [
      {
        id: 'courtyards-p1',
        runs: sentences(
          sentence('创建工作开展以来，', [
            clause(f, `${w.scopeWord}累计评定美丽庭院`, s('courtyards.everRated'), '户'),
            clause(f, '其中示范户及以上', s('courtyards.everRated', { modelOrAbove: 'yes' }), '户'),
          ]),
          sentence(
            `${w.asOf}，现有`,
            RATINGS.map((r) => clause(f, rating(r), s('courtyards.households', { rating: r }), '户')),
            '、',
          ),
          sentence(
            `${w.when}新评定`,
            RATINGS.map((r) => clause(f, rating(r), s('courtyards.created', { rating: r }), '户')),
            '、',
          ),
        ),
      },
      {
        id: 'courtyards-p2',
        runs: sentences(
          sentence(
            '',
            [
              clause(f, '组建跨村验收小组', s('courtyards.groups'), '个'),
              clause(
                f,
                `由${w.chairsOf}`,
                s('courtyards.groupMembers', { role: 'villageChair' }),
                '名参与交叉检查验收',
              ),
            ],
            '，',
          ),
          sentence(w.when, [
            clause(f, '开展庭院检查', s('courtyards.inspections'), '次'),
            clause(f, '覆盖', s('courtyards.inspectedHouseholds'), '户'),
          ]),
          sentence('', [
            clause(f, '发现需整改问题', s('courtyards.rectifications'), '项'),
            clause(f, '其中已整改', s('courtyards.rectifications', { status: 'fixed' }), '项'),
            clause(f, '已复核', s('courtyards.rectifications', { status: 'verified' }), '项'),
          ]),
          sentence(
            '',
            [
              clause(f, '授牌', s('courtyards.plaques.awarded'), '户次'),
              clause(f, '摘牌', s('courtyards.plaques.removed'), '户次'),
            ],
            '，',
            '，做到动态管理、有进有出。',
          ),
        ),
      },
      {
        id: 'courtyards-p3',
        runs: sentences(
          sentence(
            `${w.when}打造`,
            [clause(f, '特色庭院', s('courtyards.featured'), '户')],
            '',
            categories.length ? '' : '。',
          ),
          categories.length && figureValue(f, s('courtyards.featured'))
            ? sentence(
                '，其中',
                categories.map((c) =>
                  clause(f, quoted(c.label), s('courtyards.featured', { category: c.code }), '户'),
                ),
                '、',
                '，以特色带动创建提质。',
              )
            : null,
        ),
      },
    ],
  );
};

export const buildRights = (f: SummaryFacts): SummarySection | null => {
  const w = f.words;
  return pointsSection(
    'rights',
    '依法维护权益，关爱妇女儿童',
    pick(f, 'rights-lead', [
      '坚持把维护妇女儿童合法权益作为重要职责，织密关爱服务网络。',
      '聚焦妇女儿童急难愁盼，做好普法维权和关爱服务。',
    ]),
    [
      {
        id: 'rights-p1',
        runs: sentence(
          w.when,
          [typeClause(f, 'legalEducation', '开展', '普法宣传', '覆盖')],
          '，',
          '，增强妇女儿童依法维权意识。',
        ),
      },
      {
        id: 'rights-p2',
        runs: sentence('', [
          clause(f, '开展走访慰问', act('visit').sessions, '次'),
          typeClause(f, 'healthClinic', '举办', '义诊和健康讲座', '服务群众'),
        ]),
      },
      {
        id: 'rights-p3',
        runs: sentence(
          `${w.scopeWord}现有`,
          [clause(f, '调解员', role('mediator'), '名')],
          '、',
          '，及时化解婚姻家庭矛盾纠纷。',
        ),
      },
      screeningPoint(f),
    ],
  );
};

export const buildContribution = (f: SummaryFacts): SummarySection | null => {
  const w = f.words;
  return pointsSection(
    'contribution',
    `发挥巾帼作用，${w.development}`,
    pick(f, 'contribution-lead', [
      '引导广大妇女在经济社会发展中建功立业，展现巾帼风采。',
      '发掘妇女潜力，搭建学习成长和建功立业的平台。',
    ]),
    [
      {
        id: 'contribution-p1',
        runs: sentences(
          sentence(w.when, [typeClause(f, 'training', '举办各类', '培训', '参训')]),
          examples(f, 'training', 'training-ex'),
        ),
      },
      {
        id: 'contribution-p2',
        runs: sentences(
          sentence('', [typeClause(f, 'volunteerService', '组织', '巾帼志愿服务')]),
          examples(f, 'volunteerService', 'volunteer-ex'),
        ),
      },
      {
        id: 'contribution-p3',
        runs: sentence(
          `${w.scopeWord}现有`,
          [
            clause(f, '巾帼志愿者', role('volunteer'), '名'),
            clause(f, '家乡好物代言人', role('productAmbassador'), '名'),
            clause(f, '女企业家', role('entrepreneur'), '名'),
          ],
          '、',
        ),
      },
    ],
  );
};

export const buildForestFire = (f: SummaryFacts): SummarySection | null => {
  const w = f.words;
  return pointsSection(
    'forestFire',
    '守护绿水青山，巾帼护林防火',
    '组织巾帼林长队伍参与护林防火，守护一方青山。',
    [
      {
        id: 'forestFire-p1',
        runs: sentences(
          sentence(`${w.scopeWord}现有`, [clause(f, '巾帼林长', role('forestChief'), '名')], '、'),
          sentence(w.when, [
            clause(f, '开展护林防火巡查', s('patrols.count'), '次'),
            clause(f, '参与巡查的巾帼林长', s('patrols.participants'), '人'),
            clause(f, '发现并报告火灾隐患', s('patrols.hazards'), '处'),
          ]),
        ),
      },
    ],
  );
};

export const buildChildren = (f: SummaryFacts): SummarySection | null => {
  const w = f.words;
  const children = {
    sessions: s('activities.sessions', { targetGroup: 'children' }),
    attendances: s('activities.attendances', { targetGroup: 'children' }),
  };
  const childSites = f
    .groups('org.sites', 'kind')
    .filter((k) => ['childrenHome', 'parentSchool'].includes(k.code));
  return pointsSection(
    'children',
    '关注儿童成长，推进儿童友好建设',
    pick(f, 'children-lead', [
      '关心关爱少年儿童健康成长，推进家庭家教家风建设。',
      '以儿童友好为目标，为少年儿童成长营造良好环境。',
    ]),
    [
      {
        id: 'children-p1',
        runs: sentence(w.when, [
          clause(f, '面向儿童开展各类活动', children.sessions, '场次'),
          clause(f, '参与', children.attendances, '人次'),
        ]),
      },
      {
        id: 'children-p2',
        runs: sentences(
          sentence(
            '',
            [
              typeClause(f, 'studyTour', '开展', '研学活动'),
              typeClause(f, 'familyReading', '开展', '亲子阅读活动'),
            ],
            '；',
          ),
          examples(f, 'studyTour', 'study-ex'),
        ),
      },
      {
        id: 'children-p3',
        runs: sentence(
          `${w.scopeWord}建有`,
          childSites.map((k) =>
            clause(f, k.label, s('org.sites', { kind: k.code }), k.code === 'parentSchool' ? '所' : '个'),
          ),
          '、',
        ),
      },
    ],
  );
};

/** 下一步工作打算 from the plan items she wrote; left out when there are none. */
export const buildPlan = (kind: SummaryKind, items: PlanItem[]): SummarySection | null => {
  if (items.length === 0) return null;
  return {
    id: 's-plan',
    key: 'plan',
    heading: kind === 'annual' ? '下一步工作打算' : '下阶段工作打算',
    paragraphs: items.map((item, n) => ({
      id: `plan-${item.id}`,
      runs: [{ kind: 'text', text: `（${chineseNumeral(n + 1)}）${item.text}` }],
      isEdited: false,
    })),
    isEdited: false,
  };
};

/** Flows a fall of which against the same period last year the plan names. */
const COMPARED: { label: string; spec: ReturnType<typeof s>; unit: string; intent: string }[] = [
  {
    label: '宣讲活动',
    spec: act('outreach').sessions,
    unit: '场次',
    intent: '进一步用好巾帼宣讲队伍，把宣讲送到群众身边',
  },
  { label: '培训', spec: act('training').sessions, unit: '场次', intent: '围绕妇女需求办好技能培训' },
  {
    label: '巾帼志愿服务',
    spec: act('volunteerService').sessions,
    unit: '场次',
    intent: '壮大巾帼志愿者队伍，常态化开展志愿服务',
  },
  {
    label: '庭院检查',
    spec: s('courtyards.inspections'),
    unit: '次',
    intent: '坚持月度检查和交叉验收，巩固创建成果',
  },
  { label: '护林防火巡查', spec: s('patrols.count'), unit: '次', intent: '压实巾帼林长巡查责任' },
];

/**
 * 下一步工作打算 drafted from the year's own gaps when she has written none: the flows that fell by a
 * tenth or more against last year, the units that recorded nothing, the rectifications still overdue. Each figure is a chip
 * (last year's for its own period); the items are a draft for her to edit.
 */
export const buildGapPlan = (f: SummaryFacts): SummarySection | null => {
  const items: Run[][] = [];
  for (const c of COMPARED) {
    const now = figureValue(f, c.spec);
    const before = figureValue(f, c.spec, 'previous');
    // A gap is a fall of a tenth or more: a few sessions fewer is the year's ordinary swing, and both
    // years would read alike once rounded (“本年130余场次，较上年同期130余场次有所减少”).
    if (before === 0 || now > before * 0.9) continue;
    const runs = sentences(
      clause(f, `${c.label}${f.kind === 'annual' ? '本年' : '本期'}`, c.spec, c.unit) ??
        text(`${c.label}本年尚无记录`),
      clause(f, '，较上年同期', previous(c.spec), `${c.unit}有所减少`),
    );
    if (runs) items.push([...runs, ...text(`，下一步将${c.intent}。`)]);
  }
  const overdue = clause(
    f,
    '目前尚有',
    s('courtyards.rectifications', { status: 'overdue' }),
    '项庭院整改逾期未完成',
  );
  if (overdue) items.push([...overdue, ...text('，将督促整改到位、及时复核销号。')]);
  if (f.idleUnits.length) {
    const { shown, rest } = listed(f.idleUnits, 6);
    items.push(
      text(
        `${plainNames(shown)}${rest ? `等${shown.length + rest}个单位` : ''}${f.kind === 'annual' ? '本年' : '本期'}尚未登记活动，将加强指导，推动工作全覆盖。`,
      ),
    );
  }
  if (items.length === 0) return null;
  return {
    id: 's-plan',
    key: 'plan',
    heading: f.kind === 'annual' ? '下一步工作打算' : '下阶段工作打算',
    paragraphs: items.map((runs, n) => ({
      id: `plan-gap-${n + 1}`,
      runs: merge([...text(`（${chineseNumeral(n + 1)}）`), ...runs]),
      isEdited: false,
    })),
    isEdited: false,
  };
};

/** The work areas in the order a summary reports them (a section without figures is left out). */
export const SECTION_BUILDERS = [
  buildOutreach,
  buildOrganization,
  buildCourtyards,
  buildCredits,
  buildModels,
  buildRights,
  buildCare,
  buildAid,
  buildContribution,
  buildForestFire,
  buildChildren,
];

/** The whole document: title, opening, the work areas that have figures, then the plan. */
export const buildSummary = (f: SummaryFacts): SummaryContent => {
  const sections = [
    buildOpening(f),
    ...SECTION_BUILDERS.map((b) => b(f)),
    f.planItems.length ? buildPlan(f.kind, f.planItems) : buildGapPlan(f),
  ].filter((x): x is SummarySection => !!x);
  return { title: summaryTitle(f), sections, planItems: f.planItems };
};

/** Every figure run of a document, by id. */
export const figuresOf = (content: SummaryContent) => {
  const out = new Map<string, FigureRun>();
  for (const sec of content.sections)
    for (const p of sec.paragraphs) for (const r of p.runs) if (r.kind === 'figure') out.set(r.id, r);
  return out;
};

/** Heading as shown and exported: 一、二、… for the numbered sections (not the opening). */
export const numberedHeadings = (content: SummaryContent) => {
  let n = 0;
  return content.sections.map((sec) =>
    sec.key === 'opening' ? '' : `${chineseNumeral(++n)}、${sec.heading}`,
  );
};

export const paragraphText = (p: SummaryParagraph) =>
  p.runs.map((r) => (r.kind === 'text' ? r.text : r.display)).join('');
