import { Button, Input, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type CreditAccount,
  type CreditTransaction,
  creditTxKindLabels,
} from '../../../../contracts/credits';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { CreateButton } from '../../../components/ledger-toolbar';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useDebounced } from '../../../lib/use-debounced';
import { useListParams } from '../../../lib/use-list-params';
import { useCreditAccounts, useCreditTransactions } from '../api/credits-api';
import { AutoAwardModal } from '../components/auto-award-modal';
import { AwardFormDrawer } from '../components/award-form-drawer';
import { EntryActions } from '../components/entry-actions';
import { HistoryDrawer } from '../components/history-drawer';
import '../../../components/ledger.css';

/** 积分账户: each household's balance; a row opens its history; 积分登记 (`?award=1`) opens the award form. */
export const CreditAccountsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const [search, setSearch] = useSearchParams();
  const [view, setView] = useState<'accounts' | 'pending'>('accounts');
  const [q, setQ] = useState('');
  const query = useDebounced(q, 300);
  const list = useListParams<CreditAccount>({ sort: undefined });
  const pendingList = useListParams<CreditTransaction>();
  const accounts = useCreditAccounts({
    orgUnitId: scopeId,
    q: query || undefined,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const pending = useCreditTransactions(
    { orgUnitId: scopeId, status: 'pending', page: pendingList.page, pageSize: pendingList.pageSize },
    view === 'pending',
  );
  const [open, setOpen] = useState<CreditAccount | null>(null);
  const [isAutoOpen, setAutoOpen] = useState(false);
  const isAwardOpen = search.get('award') === '1' && access.can('credits.write');
  const setAward = (on: boolean) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (on) next.set('award', '1');
      else next.delete('award');
      return next;
    });

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.credits.accounts')}
        hint={t('credits.accounts.hint')}
        isScopeShown
        toolbar={
          <>
            <LedgerIoButtons
              ledgerBase="/api/v1/credits/transactions"
              ledgerName={t('credits.io.transactions')}
              invalidate={[['credits'], ['indicators']]}
              canImport={access.can('credits.import')}
              canExport={access.can('credits.export')}
              exportQuery={{ orgUnitId: scopeId }}
              testIdPrefix="credit-transactions"
            />
            {access.can('credits.write') && (
              <Button onClick={() => setAutoOpen(true)} data-testid="credit-auto-open">
                {t('credits.auto.title')}
              </Button>
            )}
            {access.can('credits.write') && (
              <CreateButton
                label={t('credits.award.title')}
                onCreate={() => setAward(true)}
                testId="credit-award-open"
              />
            )}
          </>
        }
      />
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'accounts' | 'pending')}
          options={[
            { value: 'accounts', label: t('credits.view.accounts') },
            { value: 'pending', label: t('credits.view.pending') },
          ]}
          data-testid="credit-view"
        />
        {view === 'accounts' && (
          <Input.Search
            allowClear
            placeholder={t('credits.accounts.search')}
            style={{ maxWidth: 320 }}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              list.resetPage();
            }}
            data-testid="credit-accounts-search"
          />
        )}
      </div>
      {view === 'accounts' ? (
        <LedgerResults<CreditAccount>
          query={accounts}
          list={list}
          empty={<LedgerEmpty isFiltered={!!query} text={t('credits.accounts.empty')} />}
          onOpen={setOpen}
          cards={{
            title: (a) => `${a.headName ?? a.address}${a.houseNumber ? ` · ${a.houseNumber}` : ''}`,
            extra: (a) => <Tag color="gold">{a.balance}分</Tag>,
            fields: (a) => [
              { key: 'address', label: t('credits.field.address'), children: a.address },
              { key: 'unit', label: t('ledger.field.orgUnit'), children: a.orgUnitName },
              ...(a.pendingPoints
                ? [{ key: 'pending', label: t('credits.field.pending'), children: a.pendingPoints }]
                : []),
            ],
            testId: 'credit-account-card',
          }}
          rowTestId="credit-account-row"
          columns={[
            { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
            { title: t('credits.field.head'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
            { title: t('credits.field.address'), dataIndex: 'address', sorter: true },
            {
              title: t('credits.field.houseNumber'),
              dataIndex: 'houseNumber',
              render: (v: string | null) => v ?? '—',
            },
            { title: t('credits.field.balance'), dataIndex: 'balance', sorter: true },
            {
              title: t('credits.field.pending'),
              dataIndex: 'pendingPoints',
              render: (v: number) => v || '—',
            },
          ]}
        />
      ) : (
        <LedgerResults<CreditTransaction>
          query={pending}
          list={pendingList}
          empty={<LedgerEmpty isFiltered={false} text={t('credits.pending.empty')} />}
          cards={{
            title: (e) => `${e.address}${e.houseNumber ?? ''} ${e.points > 0 ? '+' : ''}${e.points}`,
            extra: (e) => <EntryActions entry={e} />,
            fields: (e) => [
              { key: 'rule', label: t('credits.field.rule'), children: e.ruleItem ?? '—' },
              { key: 'date', label: t('credits.field.occurredOn'), children: e.occurredOn },
              { key: 'reason', label: t('credits.field.reason'), children: e.reason ?? '—' },
              { key: 'by', label: t('credits.field.operator'), children: e.operatorName ?? '—' },
            ],
            testId: 'credit-pending-card',
          }}
          rowTestId="credit-pending-row"
          columns={[
            { title: t('credits.field.occurredOn'), dataIndex: 'occurredOn' },
            { title: t('credits.field.address'), render: (_v, e) => `${e.address}${e.houseNumber ?? ''}` },
            {
              title: t('credits.field.kind'),
              dataIndex: 'kind',
              render: (v: string) => label(creditTxKindLabels, v),
            },
            { title: t('credits.field.rule'), dataIndex: 'ruleItem' },
            { title: t('credits.field.points'), dataIndex: 'points' },
            { title: t('credits.field.reason'), dataIndex: 'reason' },
            { title: t('credits.field.operator'), dataIndex: 'operatorName' },
            { title: '', render: (_v, e) => <EntryActions entry={e} /> },
          ]}
        />
      )}
      {open && <HistoryDrawer account={open} onClose={() => setOpen(null)} />}
      {isAutoOpen && <AutoAwardModal scopeId={scopeId} onClose={() => setAutoOpen(false)} />}
      {isAwardOpen && <AwardFormDrawer scopeId={scopeId} onClose={() => setAward(false)} />}
    </div>
  );
};
