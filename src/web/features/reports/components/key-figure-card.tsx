import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FigureValue, KeyFigure } from '../../../../contracts/reports';
import { useLabel } from '../../../lib/labels';
import { changeText } from '../lib/figure-source';

/** The dashboard's month: which one, and whether it is still running (its figures run to today). */
export type FigureMonth = { month: number; isRunning: boolean };

type Props = {
  figure: KeyFigure;
  period: FigureMonth;
  onOpen: (title: string, f: FigureValue) => void;
};

/**
 * 比去年同期: a percentage only on a meaningful base (see changeText), else the difference. A rise is
 * the brand colour, a fall orange: never green, which would call a fall good.
 */
const Change = ({ current, lastYear }: { current: number; lastYear: number }) => {
  const { t } = useTranslation();
  const c = changeText(current, lastYear);
  if (c.direction === 'same')
    return (
      <span className="bbt-change" data-testid="key-figure-change">
        {t('reports.dashboard.same')}
      </span>
    );
  const up = c.direction === 'up';
  return (
    <span className={up ? 'bbt-change is-up' : 'bbt-change is-down'} data-testid="key-figure-change">
      {t('reports.dashboard.vsLastYear')} {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {c.text}
    </span>
  );
};

/**
 * One key figure. A flow (场次, 人次) reads as 本年累计 with 本月 (截至今日 while the month runs) below; a
 * stock (阵地数, 户数, 人数) as a count 截至今日 (or at the month's end), with no 本月 row. Each is set
 * against the same days last year, and every number opens its records.
 */
export const KeyFigureCard = ({ figure, period, onOpen }: Props) => {
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
  const monthWord = period.isRunning
    ? t('reports.dashboard.monthRunning')
    : t('reports.dashboard.monthN', { n: period.month });
  const bigWord = figure.isStock
    ? period.isRunning
      ? t('reports.dashboard.asOfToday')
      : t('reports.dashboard.asOfMonthEnd', { n: period.month })
    : t('reports.dashboard.year');
  return (
    <Card
      size="small"
      className="bbt-key-figure"
      data-testid="key-figure"
      data-figure={figure.id}
      data-stock={figure.isStock ? '1' : undefined}
    >
      <div className="bbt-key-figure-head">
        <Typography.Text strong>{name}</Typography.Text>
        <Typography.Text type="secondary">{unit}</Typography.Text>
      </div>
      <div className="bbt-key-figure-period" data-testid="key-figure-period">
        {bigWord}
      </div>
      <div className="bbt-key-figure-main">
        {num(figure.year.current, bigWord, true)}
        <Tooltip title={t('reports.dashboard.lastYearValue', { value: figure.year.lastYear.value })}>
          <span>
            <Change current={figure.year.current.value} lastYear={figure.year.lastYear.value} />
          </span>
        </Tooltip>
      </div>
      <div className="bbt-key-figure-sub">
        {!figure.isStock && (
          <span data-testid="key-figure-month">
            {monthWord} {num(figure.month.current, monthWord)}
          </span>
        )}
        {!figure.isStock && (
          <span>
            {t('reports.dashboard.lastYearMonth')}{' '}
            {num(figure.month.lastYear, t('reports.dashboard.lastYearMonth'))}
          </span>
        )}
        <span>
          {t('reports.dashboard.lastYear')} {num(figure.year.lastYear, t('reports.dashboard.lastYear'))}
        </span>
      </div>
    </Card>
  );
};
