import { Descriptions, Drawer, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type CreditAccount,
  creditCategoryLabels,
  creditTxKindLabels,
  creditTxStatusLabels,
} from '../../../../contracts/credits';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { useLabel } from '../../../lib/labels';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useCreditTransactions } from '../api/credits-api';
import { EntryActions } from './entry-actions';

/** One household's credit history: every entry, newest first, with its balance after. */
export const HistoryDrawer = ({ account, onClose }: { account: CreditAccount; onClose: () => void }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const isMobile = useIsMobile();
  const history = useCreditTransactions({ householdId: account.householdId, pageSize: 200 });
  return (
    <Drawer open onClose={onClose} title={t('credits.history.title')} size={isMobile ? '100%' : 560}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('credits.field.household')}>
          {account.headName ?? '—'} · {account.address}
          {account.houseNumber ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('credits.field.balance')}>
          <Typography.Text strong data-testid="credit-history-balance">
            {account.balance}
          </Typography.Text>
          {account.pendingPoints !== 0 && ` （${t('credits.field.pending')} ${account.pendingPoints}）`}
        </Descriptions.Item>
      </Descriptions>
      {history.isPending && <PageLoading rows={4} />}
      {history.isError && <PageError error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.items.length === 0 && (
        <EmptyState description={t('credits.history.empty')} />
      )}
      {history.data && history.data.items.length > 0 && (
        <List
          dataSource={history.data.items}
          renderItem={(e) => (
            <List.Item key={e.id} extra={<EntryActions entry={e} />} data-testid="credit-history-entry">
              <List.Item.Meta
                title={
                  <span>
                    <Typography.Text type={e.points < 0 ? 'danger' : 'success'} strong>
                      {e.points > 0 ? '+' : ''}
                      {e.points}
                    </Typography.Text>{' '}
                    {e.ruleItem ?? e.reason ?? label(creditTxKindLabels, e.kind)}
                  </span>
                }
                description={
                  <span>
                    {e.occurredOn} · {label(creditTxKindLabels, e.kind)}
                    {e.category && ` · ${label(creditCategoryLabels, e.category)}`}
                    {e.operatorName && ` · ${e.operatorName}`}
                    {e.reason && e.ruleItem && ` · ${e.reason}`}
                    {e.balanceAfter !== null && ` · ${t('credits.field.balance')} ${e.balanceAfter}`}{' '}
                    {e.status !== 'confirmed' && (
                      <Tag color={e.status === 'pending' ? 'orange' : 'default'}>
                        {label(creditTxStatusLabels, e.status)}
                      </Tag>
                    )}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
};
