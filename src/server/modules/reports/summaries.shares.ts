import { z } from 'zod';
import { plainSummary } from '../../../contracts/summary-plain';
import { shareKind } from '../../kernel/share/share-links';
import { getSummary } from './summaries.service';

/** A saved work summary as a read-only link: its prose as it reads now (see `plainSummary`). */
export const summaryShare = shareKind({
  kind: 'reports.summary',
  auditModule: 'reports',
  permission: 'reports.read',
  summary: '把工作总结生成只读分享链接（只含正文）',
  querySchema: z.object({ summaryId: z.uuid() }).strict(),
  snapshot: async (ctx, { summaryId }) => {
    const s = await getSummary(ctx, summaryId);
    const doc = plainSummary(s.content, s.orgUnitName, s.title);
    return { title: doc.title, orgUnitId: s.orgUnitId, payload: doc };
  },
});
