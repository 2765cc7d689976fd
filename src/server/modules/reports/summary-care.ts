import type { SummarySection } from '../../../contracts/reports';
import type { Words } from './summary-words';
import { clause, pick, pointsSection, s, sentence, sentences, type WritingContext } from './summary-writing';

/**
 * 维权关爱 points from the care ledgers: key people and their monthly screening, red-risk
 * referrals, mediation of marriage and family disputes and the 12345 tickets, 结对帮扶 and 走访.
 * Figures only (care indicators carry no identities); a point without figures is left out, a
 * section without any is.
 */
export const buildCare = (f: WritingContext & { words: Words }): SummarySection | null => {
  const w = f.words;
  const section = pointsSection(
    'rights',
    '守护家庭平安，化解矛盾纠纷',
    pick(f, 'care-lead', [
      '坚持预防在先、化解在早，织密重点人群关爱和婚姻家庭矛盾纠纷排查化解网络。',
      '把家庭风险排查和婚姻家庭纠纷调解作为维护妇女儿童权益的重要抓手。',
    ]),
    [
      {
        id: 'care-p1',
        runs: sentences(
          sentence(
            `${w.scopeWord}现有`,
            [clause(f, '重点人群', s('care.keyPeople'), '人')],
            '，',
            '，实行一人一档、动态管理。',
          ),
          sentence(w.when, [
            clause(f, '开展家庭风险隐患排查', s('care.screened'), '人次'),
            clause(f, '排查出红色高风险', s('care.screened', { risk: 'red' }), '人次并及时转介处置'),
          ]),
        ),
      },
      {
        id: 'care-p2',
        runs: sentences(
          sentence(w.when, [
            clause(f, '受理婚姻家庭纠纷', s('care.disputes'), '件'),
            clause(f, '调解成功', s('care.casesClosed', { outcome: 'agreement' }), '件'),
          ]),
          sentence('', [
            clause(f, '办理12345热线工单', s('care.hotlineTickets'), '件'),
            clause(f, '按期答复', s('care.hotlineTickets', { onTime: 'yes' }), '件'),
          ]),
        ),
      },
      {
        id: 'care-p3',
        runs: sentences(
          sentence('组织执委、志愿者', [clause(f, '与', s('care.pairings'), '名重点人员结对帮扶')]),
          sentence(w.when, [
            clause(f, '开展走访', s('care.visits'), '次'),
            clause(f, '走访重点人员', s('care.visitedPeople'), '人'),
          ]),
        ),
      },
    ],
  );
  // Beside buildRights (also 维权关爱): its own ids, so the two sections never share one.
  return (
    section && {
      ...section,
      id: 's-care',
      paragraphs: section.paragraphs.map((p) => (p.id === 'rights-lead' ? { ...p, id: 'care-lead' } : p)),
    }
  );
};
