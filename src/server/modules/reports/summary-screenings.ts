import type { Run } from '../../../contracts/reports';
import { clause, s, sentence, type WritingContext, withOptional } from './summary-writing';

/** The figures of the 两癌筛查 point, each read from its indicator (by the date that makes it). */
export const screeningSpecs = {
  mobilised: s('cancerScreening.mobilised'),
  screened: s('cancerScreening.screened'),
  followUp: s('cancerScreening.screened', { result: 'followUp' }),
};

/**
 * The 维权关爱 point on two-cancer screening: “动员N名适龄妇女参加“两癌”筛查，共为N名辖区适龄妇女
 * 提供筛查服务，其中需进一步检查N名，…” — the screened count is the headline; null without figures.
 */
export const screeningPoint = (f: WritingContext): { id: string; runs: Run[] | null } => ({
  id: 'rights-screening',
  runs: sentence(
    '',
    [
      clause(f, '动员', screeningSpecs.mobilised, '名适龄妇女参加“两癌”筛查'),
      withOptional(
        clause(f, '共为', screeningSpecs.screened, '名辖区适龄妇女提供筛查服务'),
        clause(f, '，其中需进一步检查', screeningSpecs.followUp, '名'),
      ),
    ],
    '，',
    '，做到早发现、早诊断、早治疗。',
  ),
});
