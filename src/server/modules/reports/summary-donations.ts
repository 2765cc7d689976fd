import type { SummarySection } from '../../../contracts/reports';
import type { Words } from './summary-words';
import { clause, pick, pointsSection, s, sentence, type WritingContext } from './summary-writing';

/** What the aid section reads: the writing context and the document's words (全年/本季度 …). */
type AidFacts = WritingContext & { words: Words };

/**
 * 爱心帮扶与两癌救助: students funded and money paid from the donation drives (资助困难学生N名，发放助学金N元),
 * money raised, and women granted two-cancer aid with the amount. Every number is an indicator's
 * figure (yuan for money); the section is left out when none has a value.
 */
export const buildAid = (f: AidFacts): SummarySection | null => {
  const w = f.words;
  const students = { beneficiaryKind: 'student' };
  return pointsSection(
    'aid',
    '凝聚爱心力量，帮扶困难妇女儿童',
    pick(f, 'aid-lead', [
      '广泛凝聚社会爱心力量，做好困难妇女儿童帮扶。',
      '用好社会捐赠和救助资金，让关爱送到困难妇女儿童身边。',
    ]),
    [
      {
        id: 'aid-p1',
        runs: sentence(w.when, [
          clause(f, '开展募捐活动', s('donations.drives'), '次'),
          clause(f, '募集善款', s('donations.raised'), '元'),
          clause(f, '资助困难学生', s('donations.students', students), '名'),
          clause(f, '发放助学金', s('donations.disbursed', students), '元'),
        ]),
      },
      {
        id: 'aid-p2',
        runs: sentence(w.when, [
          clause(f, '为', s('cancer.aided'), '名两癌患病妇女申请到救助'),
          clause(f, '救助金', s('cancer.aidAmount'), '元'),
        ]),
      },
    ],
  );
};
