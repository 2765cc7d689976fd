import { noticeQuerySchema } from '../../../contracts/courtyards';
import { shareKind } from '../../kernel/share/share-links';
import { publicNotice } from './courtyard-reports.service';

/** A village's monthly 公示 as a read-only link: the notice as it reads today (names masked), frozen. */
export const noticeShare = shareKind({
  kind: 'courtyards.notice',
  auditModule: 'courtyards',
  permission: 'courtyards.read',
  summary: '把村月度公示生成只读分享链接（姓名脱敏）',
  querySchema: noticeQuerySchema,
  snapshot: async (ctx, query) => {
    const notice = await publicNotice(ctx, query);
    const [year, month] = notice.month.split('-');
    return {
      title: `${notice.orgUnitName}${year}年${Number(month)}月美丽庭院公示`,
      orgUnitId: notice.orgUnitId,
      payload: notice,
    };
  },
});
