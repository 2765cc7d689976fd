import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FigureRun } from '../../../../contracts/reports';
import { useFigureText } from './figure-drawer';

type Props = { run: FigureRun; onOpen: (run: FigureRun) => void };

/**
 * A number in the text: it cannot be typed over; hovering or focusing says where it came from,
 * a click (or Enter) opens its records. A regeneration's change is flagged.
 */
export const FigureChip = ({ run, onOpen }: Props) => {
  const { t } = useTranslation();
  const text = useFigureText();
  const filters = text.filters(run.indicatorKey, run.filters).map((f) => `${f.name}：${f.value}`);
  const source = [
    text.indicator(run.indicatorKey),
    ...filters,
    text.period(run.period),
    text.unitName(run.orgUnitId),
  ].join(' · ');
  const change = run.changed
    ? run.changed.isUpdated
      ? t('reports.summary.figureUpdated', { previous: run.changed.previousValue })
      : t('reports.summary.figureStale', { current: run.changed.currentValue })
    : null;
  const cls = [
    'bbt-figure-chip',
    run.changed ? (run.changed.isUpdated ? 'is-updated' : 'is-stale') : '',
  ].join(' ');
  return (
    <Tooltip
      title={
        <span>
          {source}
          {change && (
            <>
              <br />
              {change}
            </>
          )}
          <br />
          {t('reports.summary.figureHint')}
        </span>
      }
    >
      {/* biome-ignore lint/a11y/useSemanticElements: a chip inside editable text must stay an inline span (a button breaks the caret) */}
      <span
        className={cls}
        contentEditable={false}
        data-figure-id={run.id}
        role="button"
        tabIndex={0}
        aria-label={t('reports.summary.figureAria', { value: run.display, source })}
        data-testid="figure-chip"
        onClick={(e) => {
          e.preventDefault();
          onOpen(run);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            e.stopPropagation();
            onOpen(run);
          }
        }}
      >
        {run.display}
      </span>
    </Tooltip>
  );
};
