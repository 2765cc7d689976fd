import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageError, PageLoading } from '../../../components/page-states';
import { useCreditRedemption } from '../api/credits-api';

/** 兑换小票: printable and shareable; the household shown masked (王*英（12号）). */
export const CreditReceiptPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redemptionId = '' } = useParams();
  const r = useCreditRedemption(redemptionId);
  if (r.isPending) return <PageLoading rows={4} />;
  if (r.isError) return <PageError error={r.error} onRetry={() => void r.refetch()} />;
  const d = r.data;
  return (
    <Card
      title={t('credits.receipt.title')}
      style={{ maxWidth: 480, margin: '0 auto' }}
      data-testid="credit-receipt"
      extra={
        <Space className="bbt-no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('credits.receipt.print')}
          </Button>
          <Button
            type="primary"
            onClick={() => navigate('/credits/counter')}
            data-testid="credit-receipt-back"
          >
            {t('credits.receipt.back')}
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('credits.counter.store')}>{d.storeName}</Descriptions.Item>
        <Descriptions.Item label={t('credits.field.household')}>
          <span data-testid="credit-receipt-household">{d.householdLabel}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('credits.receipt.time')}>
          {new Date(d.redeemedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}
        </Descriptions.Item>
        <Descriptions.Item label={t('credits.receipt.no')}>{d.id.slice(-8).toUpperCase()}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="goodId"
        pagination={false}
        dataSource={d.lines}
        columns={[
          { title: t('credits.goods.name'), dataIndex: 'name' },
          { title: t('credits.stockIn.quantity'), render: (_v, l) => `${l.quantity}${l.unit}` },
          { title: t('credits.field.points'), dataIndex: 'points' },
        ]}
      />
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('credits.counter.total')}>
          <strong data-testid="credit-receipt-total">{d.totalPoints}</strong>分
        </Descriptions.Item>
        <Descriptions.Item label={t('credits.counter.after')}>{d.balanceAfter}分</Descriptions.Item>
        <Descriptions.Item label={t('credits.field.operator')}>{d.operatorName ?? '—'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
};
