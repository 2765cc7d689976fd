import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CreditHousehold } from '../../../../contracts/credits';
import { LedgerPageHeader } from '../../../components/ledger-page';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { errorText } from '../../../lib/api-client';
import { useOrgScope } from '../../../lib/org-scope';
import { useDebounced } from '../../../lib/use-debounced';
import { uuidV7 } from '../../../lib/uuid-v7';
import { useCreditGoods, useCreditHouseholds, useCreditStores, useRedeem } from '../api/credits-api';
import '../../../components/ledger.css';

/**
 * 超市兑换 at the counter (a phone or a tablet): find the household, fill the basket, confirm. The
 * basket's id is made once, so a retry after a lost answer returns the same redemption.
 */
export const CreditCounterPage = () => {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { scopeId } = useOrgScope();
  const stores = useCreditStores(scopeId);
  const [storeId, setStoreId] = useState<string | undefined>();
  const store = storeId ?? stores.data?.items[0]?.id;
  const [q, setQ] = useState('');
  const query = useDebounced(q, 300);
  const households = useCreditHouseholds(query, scopeId);
  const [household, setHousehold] = useState<CreditHousehold | null>(null);
  const goods = useCreditGoods({ storeId: store, pageSize: 200 }, !!store);
  const [basket, setBasket] = useState(new Map<string, number>());
  const [basketId, setBasketId] = useState(() => uuidV7());
  const redeem = useRedeem();

  const add = (goodId: string, delta: number, max: number) =>
    setBasket((b) => {
      const next = new Map(b);
      const n = Math.max(0, Math.min(max, (next.get(goodId) ?? 0) + delta));
      if (n === 0) next.delete(goodId);
      else next.set(goodId, n);
      return next;
    });
  const items = goods.data?.items ?? [];
  const total = items.reduce((s, g) => s + (basket.get(g.id) ?? 0) * g.pointsPrice, 0);
  const balance = household?.balance ?? 0;
  const isShort = total > balance;
  const name = household
    ? `${household.headName ?? household.address}${household.houseNumber ? `（${household.houseNumber}）` : ''}`
    : '';

  const submit = () =>
    modal.confirm({
      title: t('credits.counter.confirm', { name, total }),
      okButtonProps: { 'data-testid': 'credit-counter-ok' } as Record<string, string>,
      onOk: () =>
        new Promise<void>((resolve) =>
          redeem.mutate(
            {
              id: basketId,
              storeId: store as string,
              householdId: household?.householdId as string,
              lines: [...basket.entries()].map(([goodId, quantity]) => ({ goodId, quantity })),
            },
            {
              onSuccess: (r) => {
                setBasket(new Map());
                setBasketId(uuidV7());
                resolve();
                navigate(`/credits/receipt/${r.id}`);
              },
              onError: (e) => {
                void message.error(errorText(e, i18n.language.startsWith('en')));
                resolve();
              },
            },
          ),
        ),
    });

  if (stores.isPending) return <PageLoading rows={4} />;
  if (stores.isError) return <PageError error={stores.error} onRetry={() => void stores.refetch()} />;
  return (
    <div>
      <LedgerPageHeader title={t('menu.credits.counter')} hint={t('credits.counter.hint')} />
      {stores.data.items.length === 0 ? (
        <Alert type="info" showIcon title={t('credits.counter.noStore')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {stores.data.items.length > 1 && (
            <Select
              value={store}
              onChange={setStoreId}
              style={{ width: '100%' }}
              options={stores.data.items.map((s) => ({ value: s.id, label: s.name }))}
              data-testid="credit-counter-store"
            />
          )}
          <Card size="small" title={t('credits.counter.find')}>
            {household ? (
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <span data-testid="credit-counter-household">
                  {name} · {household.address}
                </span>
                <Tag color="gold" data-testid="credit-counter-balance">
                  {household.balance}分
                </Tag>
                <Button size="small" onClick={() => setHousehold(null)}>
                  ×
                </Button>
              </Space>
            ) : (
              <>
                <Input.Search
                  size="large"
                  allowClear
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                  placeholder={t('credits.accounts.search')}
                  data-testid="credit-counter-search"
                />
                <List
                  size="small"
                  dataSource={query ? (households.data?.items ?? []) : []}
                  renderItem={(h) => (
                    <List.Item
                      onClick={() => setHousehold(h)}
                      style={{ cursor: 'pointer' }}
                      data-testid="credit-counter-hit"
                      extra={<Tag>{h.balance}分</Tag>}
                    >
                      {h.headName ?? h.address}
                      {h.houseNumber ? ` · ${h.houseNumber}` : ''} · {h.address}
                    </List.Item>
                  )}
                />
              </>
            )}
          </Card>
          <Card size="small" title={t('credits.counter.basket')}>
            {items.length === 0 && !goods.isFetching && (
              <EmptyState description={t('credits.counter.noGoods')} />
            )}
            <List
              dataSource={items}
              loading={goods.isFetching}
              renderItem={(g) => (
                <List.Item
                  data-testid="credit-counter-good"
                  extra={
                    <Space>
                      <Button
                        icon={<MinusOutlined />}
                        onClick={() => add(g.id, -1, g.stock)}
                        disabled={!basket.get(g.id)}
                        aria-label="-"
                      />
                      <Typography.Text
                        strong
                        style={{ minWidth: 20, display: 'inline-block', textAlign: 'center' }}
                      >
                        {basket.get(g.id) ?? 0}
                      </Typography.Text>
                      <Button
                        icon={<PlusOutlined />}
                        onClick={() => add(g.id, 1, g.stock)}
                        disabled={(basket.get(g.id) ?? 0) >= g.stock}
                        aria-label="+"
                        data-testid="credit-counter-add"
                      />
                    </Space>
                  }
                >
                  <List.Item.Meta
                    title={t('credits.counter.goodTitle', {
                      name: g.name,
                      points: g.pointsPrice,
                      unit: g.unit,
                    })}
                    description={t('credits.counter.stock', { count: g.stock })}
                  />
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <span data-testid="credit-counter-total">
                {t('credits.counter.total')}：<Typography.Text strong>{total}</Typography.Text>分
                {household && ` · ${t('credits.counter.after')}：${balance - total}分`}
              </span>
              {household && isShort && <Alert type="error" showIcon title={t('credits.counter.short')} />}
              <Button
                type="primary"
                size="large"
                block
                disabled={!household || total === 0 || isShort}
                loading={redeem.isPending}
                onClick={submit}
                data-testid="credit-counter-redeem"
              >
                {t('credits.counter.redeem')}
              </Button>
            </Space>
          </Card>
        </Space>
      )}
    </div>
  );
};
