import { sql } from 'drizzle-orm';
import { siteKindLabels } from '../../../contracts/org-ledgers';
import type { Indicator } from '../../kernel/indicators/registry';

/** `org.sites{kind}`: service sites open at the end of the period. */
export const orgSitesIndicator: Indicator = {
  key: 'org.sites',
  label: { zh: '阵地数', en: 'Service sites' },
  unit: { zh: '个', en: 'sites' },
  permission: 'org.read',
  measure: 'count',
  dimensions: { kind: { label: { zh: '阵地类型', en: 'Kind' }, values: siteKindLabels } },
  source: ({ to }) => sql`
    select id as record_id, name as record_label, opened_on as record_date, org_path, kind
    from sites
    where deleted_at is null and (opened_on is null or opened_on <= ${to}::date)`,
};

export const orgIndicators: Indicator[] = [orgSitesIndicator];
