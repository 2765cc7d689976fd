import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditGood } from '../../../../contracts/credits';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { CreateButton } from '../../../components/ledger-toolbar';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useCreditGoods, useCreditStores } from '../api/credits-api';
import { GoodFormDrawer } from '../components/good-form-drawer';
import { StockInDrawer, StocktakeDrawer } from '../components/stock-drawers';
import '../../../components/ledger.css';

const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2));

/** 物品与库存: a store's goods with their stock, 入库 and 盘点. */
export const CreditGoodsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const stores = useCreditStores(scopeId);
  const [storeId, setStoreId] = useState<string | undefined>();
  const store = storeId ?? stores.data?.items[0]?.id;
  const list = useListParams<CreditGood>();
  const goods = useCreditGoods(
    { storeId: store, orgUnitId: scopeId, page: list.page, pageSize: list.pageSize },
    !!store,
  );
  const [isNew, setNew] = useState(false);
  const [stockFor, setStockFor] = useState<CreditGood | null>(null);
  const [isCounting, setCounting] = useState(false);
  const canStore = access.can('credits.store');
  const current = stores.data?.items.find((s) => s.id === store);
  return (
    <div>
      <LedgerPageHeader
        title={t('menu.credits.goods')}
        hint={`${t('credits.goods.hint')}${current?.lastStocktakeOn ? ` · ${t('credits.goods.stocktake')} ${current.lastStocktakeOn}` : ''}`}
        isScopeShown
        toolbar={
          <Space>
            <LedgerIoButtons
              ledgerBase="/api/v1/credits/goods"
              ledgerName={t('credits.io.goods')}
              invalidate={[['credits']]}
              canImport={access.can('credits.import') && canStore}
              canExport={access.can('credits.export')}
              exportQuery={{ orgUnitId: scopeId, storeId: store }}
              testIdPrefix="credit-goods"
            />
            {canStore && store && (
              <Button
                onClick={() => setCounting(true)}
                disabled={!goods.data?.items.length}
                data-testid="credit-stocktake-open"
              >
                {t('credits.goods.stocktake')}
              </Button>
            )}
            {canStore && store && (
              <CreateButton
                label={t('credits.goods.create')}
                onCreate={() => setNew(true)}
                testId="credit-good-create"
              />
            )}
          </Space>
        }
      />
      {(stores.data?.items.length ?? 0) > 1 && (
        <Select
          value={store}
          onChange={setStoreId}
          style={{ minWidth: 240, marginBottom: 12 }}
          options={stores.data?.items.map((s) => ({ value: s.id, label: `${s.orgUnitName} · ${s.name}` }))}
          data-testid="credit-goods-store"
        />
      )}
      <LedgerResults<CreditGood>
        query={goods}
        list={list}
        empty={
          <LedgerEmpty
            isFiltered={false}
            text={store ? t('credits.goods.empty') : t('credits.counter.noStore')}
          />
        }
        onOpen={canStore ? setStockFor : undefined}
        cards={{
          title: (g) => g.name,
          extra: (g) => `${g.pointsPrice}分/${g.unit}`,
          fields: (g) => [
            { key: 'stock', label: t('credits.goods.stock'), children: `${g.stock}${g.unit}` },
            { key: 'value', label: t('credits.goods.unitValue'), children: yuan(g.unitValueFen) },
          ],
          testId: 'credit-good-card',
        }}
        rowTestId="credit-good-row"
        columns={[
          { title: t('credits.goods.name'), dataIndex: 'name' },
          { title: t('credits.goods.unit'), dataIndex: 'unit' },
          { title: t('credits.goods.price'), dataIndex: 'pointsPrice' },
          { title: t('credits.goods.stock'), dataIndex: 'stock' },
          { title: t('credits.goods.unitValue'), dataIndex: 'unitValueFen', render: yuan },
          {
            title: '',
            render: (_v, g) =>
              canStore && (
                <Button
                  size="small"
                  onClick={(e) => {
                    e.stopPropagation();
                    setStockFor(g);
                  }}
                  data-testid="credit-stockin-open"
                >
                  {t('credits.goods.stockIn')}
                </Button>
              ),
          },
        ]}
      />
      {isNew && store && <GoodFormDrawer storeId={store} onClose={() => setNew(false)} />}
      {stockFor && <StockInDrawer good={stockFor} onClose={() => setStockFor(null)} />}
      {isCounting && store && (
        <StocktakeDrawer storeId={store} goods={goods.data?.items ?? []} onClose={() => setCounting(false)} />
      )}
    </div>
  );
};
