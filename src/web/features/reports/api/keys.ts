import type {
  DashboardQuery,
  ListReportDefinitionsQuery,
  ListSummariesQuery,
} from '../../../../contracts/reports';

export type IndicatorRecordsParams = {
  from: string;
  to: string;
  orgUnitId?: string;
  dimension?: string;
  value?: string;
  dimension2?: string;
  value2?: string;
  page?: number;
  pageSize?: number;
};

/** Indicator figures: any ledger write invalidates `['indicators']` (values: `lib/indicators.ts`). */
export const statsKeys = {
  defs: ['indicators', 'defs'] as const,
  records: (key: string, params: IndicatorRecordsParams) => ['indicators', key, 'records', params] as const,
};

export type DefinitionListParams = Partial<ListReportDefinitionsQuery>;
export type SummaryListParams = Partial<ListSummariesQuery>;
export type RenderParams = { year: number; index: number; orgUnitId?: string };

export const reportKeys = {
  all: ['reports'] as const,
  dashboard: (q: DashboardQuery) => ['reports', 'dashboard', q] as const,
  definitions: ['reports', 'definitions'] as const,
  definitionList: (params: DefinitionListParams) => ['reports', 'definitions', 'list', params] as const,
  render: (id: string, params: RenderParams) => ['reports', 'definitions', 'render', id, params] as const,
  preview: (body: unknown) => ['reports', 'preview', body] as const,
  summaries: ['reports', 'summaries'] as const,
  summaryList: (params: SummaryListParams) => ['reports', 'summaries', 'list', params] as const,
  summary: (id: string) => ['reports', 'summaries', 'detail', id] as const,
  versions: (id: string) => ['reports', 'summaries', 'versions', id] as const,
  version: (id: string, no: number) => ['reports', 'summaries', 'versions', id, no] as const,
};
