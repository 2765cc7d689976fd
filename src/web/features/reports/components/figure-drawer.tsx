import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureSource } from '../../../../contracts/reports';
import { useLabel } from '../../../lib/labels';
import { useOrgTree } from '../../../lib/org-tree';
import { useIndicators } from '../api/list-indicators';
import { periodText, recordsParamsOf } from '../lib/figure-source';
import { RecordsDrawer } from './records-drawer';

export type OpenFigure = {
  title: string;
  value: number;
  source: Pick<FigureSource, 'indicatorKey' | 'filters' | 'period' | 'orgUnitId'>;
};

/** Where a number came from (indicator, filters, period, unit) and the records it counts. */
export const useFigureText = () => {
  const { i18n } = useTranslation();
  const label = useLabel();
  const defs = useIndicators();
  const tree = useOrgTree();
  const isEn = i18n.language.startsWith('en');
  const unitName = (id: string) => tree.data?.find((n) => n.id === id)?.name ?? id;
  return {
    indicator: (key: string) => {
      const def = defs.data?.find((d) => d.key === key);
      return def ? label({ l: def.label }, 'l') : key;
    },
    unit: (key: string) => {
      const def = defs.data?.find((d) => d.key === key);
      return def ? label({ u: def.unit }, 'u') : '';
    },
    filters: (indicatorKey: string, filters: Record<string, string>) => {
      const def = defs.data?.find((d) => d.key === indicatorKey);
      return Object.entries(filters).map(([k, v]) => {
        if (k === 'orgUnit') return { key: k, name: isEn ? 'Unit' : '单位', value: unitName(v) };
        const dim = def?.dimensions.find((d) => d.key === k);
        return {
          key: k,
          name: dim ? label({ l: dim.label }, 'l') : k,
          value: dim ? label(dim.values, v) : v,
        };
      });
    },
    period: (p: FigureSource['period']) => periodText(p, isEn),
    unitName,
  };
};

export const FigureDetails = ({ figure }: { figure: OpenFigure }) => {
  const { t } = useTranslation();
  const text = useFigureText();
  const { source } = figure;
  const filters = text.filters(source.indicatorKey, source.filters);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 16 }}
      data-testid="figure-source"
      items={[
        {
          key: 'value',
          label: t('reports.figure.value'),
          children: `${figure.value} ${text.unit(source.indicatorKey)}`,
        },
        {
          key: 'indicator',
          label: t('reports.figure.indicator'),
          children: text.indicator(source.indicatorKey),
        },
        {
          key: 'filters',
          label: t('reports.figure.filters'),
          children: filters.length
            ? filters.map((f) => `${f.name}：${f.value}`).join('；')
            : t('reports.figure.noFilter'),
        },
        { key: 'period', label: t('reports.figure.period'), children: text.period(source.period) },
        { key: 'unit', label: t('reports.figure.unit'), children: text.unitName(source.orgUnitId) },
      ]}
    />
  );
};

/** The records drawer for one figure of the dashboard, a report or a summary, with its provenance on top. */
export const FigureDrawer = ({
  figure,
  onClose,
  extra,
}: {
  figure: OpenFigure;
  onClose: () => void;
  /** Shown above the provenance (the summary editor: how this number reads). */
  extra?: ReactNode;
}) => (
  <RecordsDrawer
    indicatorKey={figure.source.indicatorKey}
    params={recordsParamsOf(figure.source)}
    title={figure.title}
    onClose={onClose}
    header={
      <>
        {extra}
        <FigureDetails figure={figure} />
      </>
    }
  />
);
