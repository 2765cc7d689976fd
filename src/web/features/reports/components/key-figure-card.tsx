import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FigureValue, KeyFigure } from '../../../../contracts/reports';
import { useLabel } from '../../../lib/labels';
import { changeOf } from '../lib/figure-source';

type Props = {
  figure: KeyFigure;
  onOpen: (title: string, f: FigureValue) => void;
};

const Change = ({ current, lastYear }: { current: number; lastYear: number }) => {
  const { t } = useTranslation();
  const { delta, ratio } = changeOf(current, lastYear);
  if (delta === 0) return <span className="bbt-change">{t('reports.dashboard.same')}</span>;
  const up = delta > 0;
  const text = ratio === null ? `${up ? '+' : ''}${delta}` : `${Math.round(Math.abs(ratio) * 100)}%`;
  return (
    <span className={up ? 'bbt-change is-up' : 'bbt-change is-down'}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {text}
    </span>
  );
};

/** One key figure: the year and the month, each against the same period last year; every number opens its records. */
export const KeyFigureCard = ({ figure, onOpen }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const name = label({ l: figure.label }, 'l');
  const unit = label({ u: figure.unit }, 'u');
  const num = (f: FigureValue, what: string, big = false) => (
    <Button
      type="link"
      className={big ? 'bbt-figure-big' : 'bbt-figure-small'}
      onClick={() => onOpen(`${name} · ${what}`, f)}
      aria-label={`${name} ${what} ${f.value}${unit}`}
      data-testid="key-figure-value"
    >
      {f.value}
    </Button>
  );
  const yearWord = figure.isStock ? t('reports.dashboard.yearEnd') : t('reports.dashboard.year');
  return (
    <Card size="small" className="bbt-key-figure" data-testid="key-figure" data-figure={figure.id}>
      <div className="bbt-key-figure-head">
        <Typography.Text strong>{name}</Typography.Text>
        <Typography.Text type="secondary">{unit}</Typography.Text>
      </div>
      <div className="bbt-key-figure-main">
        {num(figure.year.current, yearWord, true)}
        <Tooltip title={t('reports.dashboard.lastYearValue', { value: figure.year.lastYear.value })}>
          <span>
            <Change current={figure.year.current.value} lastYear={figure.year.lastYear.value} />
          </span>
        </Tooltip>
      </div>
      <div className="bbt-key-figure-sub">
        <span>
          {t('reports.dashboard.month')} {num(figure.month.current, t('reports.dashboard.month'))}
        </span>
        <span>
          {t('reports.dashboard.lastYearMonth')}{' '}
          {num(figure.month.lastYear, t('reports.dashboard.lastYearMonth'))}
        </span>
        <span>
          {t('reports.dashboard.lastYear')} {num(figure.year.lastYear, t('reports.dashboard.lastYear'))}
        </span>
      </div>
    </Card>
  );
};
