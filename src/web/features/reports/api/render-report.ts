import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type RenderedReport, type ReportPreviewInput, reportsApi } from '../../../../contracts/reports';
import { api, toQueryString } from '../../../lib/api-client';
import { type RenderParams, reportKeys } from './keys';

const base = (id: string) => `${reportsApi.definitions}/${encodeURIComponent(id)}`;

export const renderReport = (id: string, params: RenderParams, signal?: AbortSignal) =>
  api.get<RenderedReport>(`${base(id)}/render`, params, signal);

/** A saved report for one period (and unit), every cell with the indicator it came from. */
export const useRenderedReport = (id: string | undefined, params: RenderParams) =>
  useQuery({
    queryKey: reportKeys.render(id ?? '', params),
    queryFn: ({ signal }) => renderReport(id as string, params, signal),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });

/** The same report as the .xlsx a county expects (title row, unit, period, producing federation). */
export const reportExportUrl = (id: string, params: RenderParams) =>
  `${base(id)}/export${toQueryString(params)}`;

/** The report builder: renders an unsaved definition. */
export const useReportPreview = (input: ReportPreviewInput | null) =>
  useQuery({
    queryKey: reportKeys.preview(input),
    queryFn: () => api.post<RenderedReport>(reportsApi.preview, input),
    enabled: Boolean(input && input.columns.length > 0),
    placeholderData: keepPreviousData,
  });
