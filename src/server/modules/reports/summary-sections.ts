import type {
  FigureRun,
  FigureValue,
  Period,
  PlanItem,
  Run,
  SummaryContent,
  SummaryKind,
  SummaryParagraph,
  SummarySection,
  SummarySectionKey,
  SummaryStyle,
} from '../../../contracts/reports';
import { type FigureSpec, specId } from '../../kernel/indicators/indicator-reader';
import { chineseNumeral } from './periods';
import { displayFigure } from './summary-format';

/** A record named in the text (an activity, a new site), from an indicator's drill-down. */
export type RecordRef = { id: string; label: string; orgUnitName: string; date: string | null };

/**
 * Everything a summary is written from. `lookup` answers a figure from the indicators (undefined
 * when the indicator is not registered); the lists are read from the same indicators' groupings
 * and drill-downs. Builders are pure functions of this.
 */
export type SummaryFacts = {
  orgUnitId: string;
  unitName: string;
  unitKind: string;
  kind: SummaryKind;
  year: number;
  quarter: number | null;
  month: number | null;
  period: Period;
  style: SummaryStyle;
  lookup: (spec: FigureSpec) => FigureValue | undefined;
  /** Dimension value labels: indicatorKey → dimension → value → zh. */
  labels: Record<string, Record<string, Record<string, string>>>;
  campaigns: string[];
  featuredCategories: string[];
  notable: { outreach: RecordRef[]; studyTours: RecordRef[]; newSites: RecordRef[] };
  planItems: PlanItem[];
};

type Part = string | FigureSpec;

const s = (indicatorKey: string, filters?: Record<string, string>): FigureSpec => ({ indicatorKey, filters });

const figureRun = (f: SummaryFacts, spec: FigureSpec, v: FigureValue): FigureRun => ({
  kind: 'figure',
  id: `${specId(spec)}@${v.source.period.from}..${v.source.period.to}@${f.orgUnitId}`,
  value: v.value,
  display: displayFigure(v.value, f.style),
  indicatorKey: spec.indicatorKey,
  filters: spec.filters ?? {},
  period: v.source.period,
  orgUnitId: f.orgUnitId,
});

/** A clause such as 开展宣讲{n}场次: null when any of its figures is zero or not available. */
const clause = (f: SummaryFacts, ...parts: Part[]): Run[] | null => {
  const runs: Run[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      if (p) runs.push({ kind: 'text', text: p });
      continue;
    }
    const v = f.lookup(p);
    if (!v || v.value === 0) return null;
    runs.push(figureRun(f, p, v));
  }
  return runs;
};

const merge = (runs: Run[]): Run[] => {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (r.kind === 'text' && last?.kind === 'text')
      out[out.length - 1] = { kind: 'text', text: last.text + r.text };
    else if (r.kind !== 'text' || r.text) out.push(r);
  }
  return out;
};

/** `lead` + the clauses that have figures, joined by `sep`, + `end`; null if none has. */
const sentence = (lead: string, clauses: (Run[] | null)[], sep = '，', end = '。'): Run[] | null => {
  const present = clauses.filter((c): c is Run[] => !!c && c.length > 0);
  if (present.length === 0) return null;
  const runs: Run[] = [{ kind: 'text', text: lead }];
  present.forEach((c, n) => {
    if (n > 0) runs.push({ kind: 'text', text: sep });
    runs.push(...c);
  });
  runs.push({ kind: 'text', text: end });
  return runs;
};

/** A paragraph of the sentences that have figures; null if none has. `prose` sentences carry no number. */
const paragraph = (id: string, sentences: (Run[] | null)[], prose?: string): SummaryParagraph | null => {
  const present = sentences.filter((x): x is Run[] => !!x);
  if (present.length === 0) return null;
  const runs = merge([...(prose ? [{ kind: 'text' as const, text: prose }] : []), ...present.flat()]);
  return { id, runs, isEdited: false };
};

const section = (
  key: SummarySectionKey,
  heading: string,
  paragraphs: (SummaryParagraph | null)[],
): SummarySection | null => {
  const present = paragraphs.filter((p): p is SummaryParagraph => !!p);
  if (present.length === 0) return null;
  return { id: `s-${key}`, key, heading, paragraphs: present, isEdited: false };
};

/** “A”、“B” … — a name given twice (the same activity held again) is said once. */
const names = (records: RecordRef[]) =>
  [
    ...new Set(
      records.map((r) => (r.label.includes(r.orgUnitName) ? `“${r.label}”` : `${r.orgUnitName}“${r.label}”`)),
    ),
  ].join('、');

const textSentence = (text: string): Run[] => [{ kind: 'text', text }];

/** Words that depend on the document's period and the unit's level. */
export const wordsOf = (f: SummaryFacts) => {
  const when = f.kind === 'annual' ? '全年' : f.kind === 'quarterly' ? '本季度' : '本月';
  const asOf = f.kind === 'annual' ? '截至年底' : f.kind === 'quarterly' ? '截至本季度末' : '截至本月底';
  const scopeWord =
    { county: '全县', town: '全镇', street: '全街道', village: '全村', community: '全社区' }[f.unitKind] ??
    '辖区内';
  const periodLabel =
    f.kind === 'annual'
      ? `${f.year}年`
      : f.kind === 'quarterly'
        ? `${f.year}年第${chineseNumeral(f.quarter ?? 1)}季度`
        : `${f.year}年${f.month}月`;
  return { when, asOf, scopeWord, periodLabel };
};

export const summaryTitle = (f: Pick<SummaryFacts, 'unitName' | 'kind' | 'year' | 'quarter' | 'month'>) => {
  if (f.kind === 'annual') return `${f.unitName}${f.year}年工作总结`;
  if (f.kind === 'quarterly')
    return `${f.unitName}${f.year}年第${chineseNumeral(f.quarter ?? 1)}季度工作小结`;
  return `${f.unitName}${f.year}年${f.month}月工作小结`;
};

const label = (f: SummaryFacts, key: string, dim: string, value: string) =>
  f.labels[key]?.[dim]?.[value] ?? value;

const act = (type?: string) => ({
  sessions: s('activities.sessions', type ? { type } : undefined),
  attendances: s('activities.attendances', type ? { type } : undefined),
});
const role = (r: string) => s('people.roleHolders', { role: r });

export const buildOpening = (f: SummaryFacts): SummarySection | null => {
  const w = wordsOf(f);
  const all = act();
  const outreach = act('outreach');
  const figures = sentence(`${w.when}共`, [
    clause(f, '开展各类活动', all.sessions, '场次'),
    clause(f, '参与群众', all.attendances, '人次'),
    clause(f, '其中宣讲', outreach.sessions, '场次'),
  ]);
  const intro = `${w.periodLabel}，${f.unitName}围绕中心、服务大局，团结引领广大妇女，扎实推进思想引领、组织建设、家庭文明建设和妇女儿童权益维护等各项工作。`;
  const p = paragraph(
    'opening-p1',
    [
      figures,
      figures
        ? textSentence(f.kind === 'annual' ? '现将全年工作总结如下。' : '现将有关情况小结如下。')
        : null,
    ],
    intro,
  );
  return p ? { id: 's-opening', key: 'opening', heading: '', paragraphs: [p], isEdited: false } : null;
};

export const buildOutreach = (f: SummaryFacts): SummarySection | null => {
  const w = wordsOf(f);
  const o = act('outreach');
  const culture = act('culturalEvent');
  const p1 = paragraph('outreach-p1', [
    sentence(`${w.when}`, [
      clause(f, '组织开展各类宣讲', o.sessions, '场次'),
      clause(f, '覆盖群众', o.attendances, '人次'),
    ]),
    sentence(
      `${w.scopeWord}现有`,
      [clause(f, '巾帼宣讲员', role('lecturer'), '名')],
      '、',
      '，深入村组、庭院和田间地头开展宣讲。',
    ),
    f.notable.outreach.length && f.lookup(o.sessions)?.value
      ? textSentence(`其中，${names(f.notable.outreach)}等活动参与群众较多。`)
      : null,
  ]);
  // Campaigns are grouped by id (two towns may name theirs alike) and named by their label.
  const campaigns = f.campaigns.map((id) =>
    clause(
      f,
      `围绕“${label(f, 'activities.sessions', 'campaign', id)}”开展活动`,
      s('activities.sessions', { campaign: id }),
      '场次',
      ...(f.lookup(s('activities.attendances', { campaign: id }))?.value
        ? ['、参与', s('activities.attendances', { campaign: id }), '人次']
        : []),
    ),
  );
  const p2 = paragraph('outreach-p2', [
    sentence('', campaigns, '；'),
    sentence(`${w.when}`, [
      clause(f, '组织文体活动', culture.sessions, '场次'),
      clause(f, '参与', culture.attendances, '人次'),
    ]),
  ]);
  return section('outreach', '强化思想引领，凝聚巾帼力量', [p1, p2]);
};

const ORG_SITE_KINDS = [
  'womenHome',
  'microHome',
  'familyCounselingStation',
  'mediationRoom',
  'creditStore',
  'workshop',
  'studyBase',
];

export const buildOrganization = (f: SummaryFacts): SummarySection | null => {
  const w = wordsOf(f);
  const p1 = paragraph('organization-p1', [
    sentence(
      `${w.asOf}，${w.scopeWord}共有`,
      [
        clause(f, '妇联主席', role('chair'), '名'),
        clause(f, '副主席', role('viceChair'), '名'),
        clause(f, '执委', role('executiveMember'), '名'),
        clause(f, '妇女小组长', role('womenGroupLeader'), '名'),
      ],
      '、',
    ),
    sentence(`${w.when}`, [clause(f, '召开妇联工作会议', act('meeting').sessions, '场次')]),
  ]);
  const p2 = paragraph('organization-p2', [
    sentence(
      `${w.scopeWord}建有`,
      ORG_SITE_KINDS.map((k) =>
        clause(f, label(f, 'org.sites', 'kind', k), s('org.sites', { kind: k }), '个'),
      ),
      '、',
      '，为妇女群众提供学习、议事和服务的场所。',
    ),
    f.notable.newSites.length && f.lookup(s('org.sites'))?.value
      ? textSentence(`${w.when}新建成${names(f.notable.newSites)}。`)
      : null,
  ]);
  return section('organization', '夯实组织基础，建强阵地队伍', [p1, p2]);
};

const RATINGS = ['premium', 'model', 'clean'];

export const buildCourtyards = (f: SummaryFacts): SummarySection | null => {
  const w = wordsOf(f);
  const rating = (r: string) => label(f, 'courtyards.households', 'rating', r);
  const p1 = paragraph('courtyards-p1', [
    sentence(
      `${w.asOf}，${w.scopeWord}共有`,
      RATINGS.map((r) => clause(f, `${rating(r)}`, s('courtyards.households', { rating: r }), '户')),
      '、',
    ),
    sentence(
      `${w.when}新评定`,
      RATINGS.map((r) => clause(f, `${rating(r)}`, s('courtyards.created', { rating: r }), '户')),
      '、',
    ),
  ]);
  const p2 = paragraph('courtyards-p2', [
    sentence(`${w.when}`, [
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
  ]);
  return section('courtyards', '深化美丽庭院创建，扮靓宜居家园', [p1, p2]);
};

export const buildRights = (f: SummaryFacts): SummarySection | null => {
  const w = wordsOf(f);
  const legal = act('legalEducation');
  const clinic = act('healthClinic');
  const p1 = paragraph('rights-p1', [
    sentence(
      `${w.when}`,
      [clause(f, '开展普法宣传', legal.sessions, '场次'), clause(f, '覆盖', legal.attendances, '人次')],
      '，',
      '，增强妇女儿童依法维权意识。',
    ),
    sentence('', [
      clause(f, '开展走访慰问', act('visit').sessions, '次'),
      clause(f, '举办义诊和健康讲座', clinic.sessions, '场次'),
      clause(f, '服务群众', clinic.attendances, '人次'),
    ]),
  ]);
  const p2 = paragraph('rights-p2', [
    sentence(
      `${w.scopeWord}现有`,
      [clause(f, '调解员', role('mediator'), '名')],
      '、',
      '，及时化解婚姻家庭矛盾纠纷。',
    ),
  ]);
  return section('rights', '依法维护权益，关爱妇女儿童', [p1, p2]);
};

export const buildModels = (f: SummaryFacts): SummarySection | null => {
  const w = wordsOf(f);
  const p1 = paragraph('models-p1', [
    sentence(
      `${w.when}选树`,
      f.featuredCategories.map((c) =>
        clause(
          f,
          label(f, 'courtyards.featured', 'category', c),
          s('courtyards.featured', { category: c }),
          '户',
        ),
      ),
      '、',
      '，以身边典型带动家庭文明新风。',
    ),
  ]);
  return section('models', '选树先进典型，弘扬文明新风', [p1]);
};

export const buildContribution = (f: SummaryFacts): SummarySection | null => {
  const w = wordsOf(f);
  const training = act('training');
  const volunteer = act('volunteerService');
  const p1 = paragraph('contribution-p1', [
    sentence(`${w.when}`, [
      clause(f, '举办各类培训', training.sessions, '场次'),
      clause(f, '参训', training.attendances, '人次'),
    ]),
    sentence('', [
      clause(f, '组织巾帼志愿服务', volunteer.sessions, '场次'),
      clause(f, '参与', volunteer.attendances, '人次'),
    ]),
  ]);
  const p2 = paragraph('contribution-p2', [
    sentence(
      `${w.scopeWord}现有`,
      [
        clause(f, '巾帼志愿者', role('volunteer'), '名'),
        clause(f, '家乡好物代言人', role('productAmbassador'), '名'),
        clause(f, '女企业家', role('entrepreneur'), '名'),
      ],
      '、',
    ),
  ]);
  return section('contribution', '发挥巾帼作用，助力乡村振兴', [p1, p2]);
};

export const buildForestFire = (f: SummaryFacts): SummarySection | null => {
  const w = wordsOf(f);
  const p1 = paragraph('forestFire-p1', [
    sentence(`${w.scopeWord}现有`, [clause(f, '巾帼林长', role('forestChief'), '名')], '、'),
    sentence(`${w.when}`, [
      clause(f, '开展护林防火巡查', s('patrols.count'), '次'),
      clause(f, '参与巡查的巾帼林长', s('patrols.participants'), '人'),
      clause(f, '发现并报告火灾隐患', s('patrols.hazards'), '处'),
    ]),
  ]);
  return section('forestFire', '守护绿水青山，巾帼护林防火', [p1]);
};

export const buildChildren = (f: SummaryFacts): SummarySection | null => {
  const w = wordsOf(f);
  const children = {
    sessions: s('activities.sessions', { targetGroup: 'children' }),
    attendances: s('activities.attendances', { targetGroup: 'children' }),
  };
  const p1 = paragraph('children-p1', [
    sentence(`${w.when}`, [
      clause(f, '面向儿童开展各类活动', children.sessions, '场次'),
      clause(f, '参与', children.attendances, '人次'),
    ]),
    sentence('', [
      clause(f, '开展研学活动', act('studyTour').sessions, '场次'),
      clause(f, '亲子阅读活动', act('familyReading').sessions, '场次'),
    ]),
    f.notable.studyTours.length && f.lookup(act('studyTour').sessions)?.value
      ? textSentence(`其中${names(f.notable.studyTours)}等研学活动反响较好。`)
      : null,
  ]);
  const p2 = paragraph('children-p2', [
    sentence(
      `${w.scopeWord}建有`,
      [
        clause(
          f,
          label(f, 'org.sites', 'kind', 'childrenHome'),
          s('org.sites', { kind: 'childrenHome' }),
          '个',
        ),
        clause(
          f,
          label(f, 'org.sites', 'kind', 'parentSchool'),
          s('org.sites', { kind: 'parentSchool' }),
          '所',
        ),
      ],
      '、',
    ),
  ]);
  return section('children', '关注儿童成长，推进儿童友好建设', [p1, p2]);
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

export const SECTION_BUILDERS = [
  buildOutreach,
  buildOrganization,
  buildCourtyards,
  buildRights,
  buildModels,
  buildContribution,
  buildForestFire,
  buildChildren,
];

/** The whole document: title, opening, the work areas that have figures, then the plan. */
export const buildSummary = (f: SummaryFacts): SummaryContent => {
  const sections = [
    buildOpening(f),
    ...SECTION_BUILDERS.map((b) => b(f)),
    buildPlan(f.kind, f.planItems),
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
