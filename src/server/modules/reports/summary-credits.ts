import type { SummarySection } from '../../../contracts/reports';
import type { Words } from './summary-words';
import { clause, pick, pointsSection, s, sentence, sentences, type WritingContext } from './summary-writing';

/**
 * 信用积分与巾帼信用超市: stores built, points awarded, redemptions and the households they reached,
 * and the negative list's deductions — every number from a `credits.*` indicator.
 */
export const buildCredits = (f: WritingContext & { words: Words }): SummarySection | null => {
  const w = f.words;
  return pointsSection(
    'credits',
    '推行信用积分，建好巾帼信用超市',
    pick(f, 'credits-lead', [
      '以积分评家风、以积分促治理，引导妇女群众和家庭崇德向善。',
      '推行“积分换物品、美德有回报”，以小积分撬动乡村治理。',
    ]),
    [
      {
        id: 'credits-p1',
        runs: sentences(
          sentence(`${w.scopeWord}建成`, [clause(f, '巾帼信用超市', s('credits.stores'), '个')], '、'),
          sentence(w.when, [
            clause(f, '发放积分', s('credits.earned'), '分'),
            clause(f, '兑换', s('credits.redemptions'), '次'),
            clause(f, '兑换积分', s('credits.redeemed'), '分'),
            clause(f, '惠及', s('credits.households'), '户'),
          ]),
        ),
      },
      {
        id: 'credits-p2',
        runs: sentence(w.when, [
          clause(f, '环境卫生/美丽庭院类积分', s('credits.earned', { category: 'environment' }), '分'),
          clause(f, '志愿服务类积分', s('credits.earned', { category: 'volunteer' }), '分'),
          clause(f, '家风家教类积分', s('credits.earned', { category: 'familyVirtue' }), '分'),
          clause(f, '按负面清单扣减积分', s('credits.deducted'), '分'),
        ]),
      },
    ],
  );
};
