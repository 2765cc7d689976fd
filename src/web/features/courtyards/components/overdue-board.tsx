import { Card, List, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { useRectificationBoard } from '../api/get-rectification-board';

type Props = { orgUnitId: string; onOpen: (id: string) => void };

/** 逾期看板: one card per village, open / overdue / awaiting verification, overdue items listed. */
export const OverdueBoard = ({ orgUnitId, onOpen }: Props) => {
  const { t } = useTranslation();
  const board = useRectificationBoard(orgUnitId);
  if (board.isPending) return <PageLoading />;
  if (board.isError) return <PageError error={board.error} onRetry={() => void board.refetch()} />;
  const villages = [...board.data.villages].sort((a, b) => b.overdue - a.overdue || b.open - a.open);
  if (villages.length === 0) return <EmptyState description={t('courtyards.rectification.boardEmpty')} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('courtyards.rectification.boardAsOf', { date: board.data.today })}
      </Typography.Paragraph>
      <div className="bbt-board" data-testid="overdue-board">
        {villages.map((v) => (
          <Card
            key={v.orgUnitId}
            size="small"
            title={v.orgUnitName}
            className={v.overdue > 0 ? 'is-overdue' : undefined}
            data-testid="overdue-board-village"
          >
            <div style={{ display: 'flex', gap: 16, marginBottom: 8 }}>
              <Statistic title={t('courtyards.rectification.open')} value={v.open} />
              <Statistic
                title={t('courtyards.rectification.overdue')}
                value={v.overdue}
                styles={{ content: { color: v.overdue > 0 ? '#cf1322' : undefined } }}
              />
              <Statistic title={t('courtyards.rectification.awaitingVerify')} value={v.fixed} />
            </div>
            {v.overdueItems.length > 0 && (
              <List
                size="small"
                dataSource={v.overdueItems}
                renderItem={(r) => (
                  <List.Item
                    className="bbt-ledger-row"
                    onClick={() => onOpen(r.id)}
                    style={{ minHeight: 44 }}
                    data-testid="overdue-item"
                  >
                    <span>
                      {r.headName ?? r.householdLabel}：{r.problem}
                    </span>
                    <Typography.Text type="danger">{r.deadline}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        ))}
      </div>
    </>
  );
};
