import type { Run, SummarySection } from '../../../contracts/reports';
import type { SummaryFacts } from './summary-sections';
import { clause, pick, pointsSection, s, sentence, sentences } from './summary-writing';

/**
 * 选树典型: honours awarded in the period by level and by title (`honours.awarded{level|title}`),
 * and the nominations in 公示 at its end (`honours.inNotice`). Every number is a figure run.
 */
export const buildModels = (f: SummaryFacts): SummarySection | null => {
  const w = f.words;
  const levels = f.groups('honours.awarded', 'level');
  const titles = f.groups('honours.awarded', 'title');
  return pointsSection(
    'models',
    '选树先进典型，弘扬巾帼新风',
    pick(f, 'models-lead', [
      '坚持典型引路，深入挖掘、选树宣传身边的先进典型。',
      '以榜样带动风尚，广泛开展寻找、推荐、宣传先进典型活动。',
    ]),
    [
      {
        id: 'models-p1',
        runs: sentences(
          sentence(w.when, [clause(f, '共有', s('honours.awarded'), '个家庭、个人和集体获评各级荣誉')]),
          sentence(
            '其中',
            levels.map((g) => clause(f, `${g.label}`, s('honours.awarded', { level: g.code }), '个')),
            '、',
          ),
        ),
      },
      {
        id: 'models-p2',
        runs: sentences(
          sentence(
            '获评',
            titles.map((g) => clause(f, `“${g.label}”`, s('honours.awarded', { title: g.code }), '个')),
            '、',
          ),
          sentence('', [clause(f, '另有', s('honours.inNotice'), '个推荐对象正在公示')]),
        ),
      },
    ],
  );
};

/**
 * 组织建设's duty point (the lead places it in that section): duty rules in force, executive members
 * meeting them (`duties.compliance{status: met}` of `duties.compliance`), contacts and projects done.
 */
export const dutiesPoint = (f: SummaryFacts): { id: string; runs: Run[] | null } => ({
  id: 'organization-duties',
  runs: sentences(
    sentence(f.words.when, [
      clause(f, '落实执委履职规则', s('duties.rules'), '条'),
      clause(f, '执委联系妇女、走访家庭、轮值述职', s('duties.contacts'), '次'),
      clause(f, '领办实事项目完成', s('duties.projectsDone'), '个'),
    ]),
    sentence('', [
      clause(
        f,
        '应履职执委',
        s('duties.compliance'),
        '名中，',
        s('duties.compliance', { status: 'met' }),
        '名全部按期履职',
      ),
    ]),
  ),
});
