import { Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export type CountItem = { key: string; label: string; value: number };

type Props = {
  title: string;
  total: number | undefined;
  items: CountItem[] | undefined;
  isLoading: boolean;
  isError: boolean;
  /** The item whose list filter is on; clicking it again clears the filter. */
  active?: string;
  onPick: (key: string | undefined) => void;
  testId: string;
};

/** A row of counts (from an indicator); tapping one filters the list below by it. */
export const CountStrip = ({ title, total, items, isLoading, isError, active, onPick, testId }: Props) => {
  const { t } = useTranslation();
  if (isError) return null;
  return (
    <div className="bbt-count-strip" title={t('ledger.countFilterHint')} data-testid={testId}>
      {isLoading ? (
        <Skeleton.Button active block style={{ height: 64 }} />
      ) : (
        <>
          <Card
            size="small"
            className={`bbt-count-card${active === undefined ? ' is-active' : ''}`}
            onClick={() => onPick(undefined)}
            role="button"
            tabIndex={0}
            aria-pressed={active === undefined}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') onPick(undefined);
            }}
          >
            <Typography.Text type="secondary">{title}</Typography.Text>
            <div className="bbt-count-value">{total ?? 0}</div>
          </Card>
          {(items ?? []).map((item) => (
            <Card
              key={item.key}
              size="small"
              className={`bbt-count-card${active === item.key ? ' is-active' : ''}`}
              onClick={() => onPick(active === item.key ? undefined : item.key)}
              role="button"
              tabIndex={0}
              aria-pressed={active === item.key}
              aria-label={`${item.label} ${item.value}`}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') onPick(active === item.key ? undefined : item.key);
              }}
              data-testid={`${testId}-${item.key}`}
            >
              <Typography.Text type="secondary">{item.label}</Typography.Text>
              <div className="bbt-count-value">{item.value}</div>
            </Card>
          ))}
        </>
      )}
    </div>
  );
};
