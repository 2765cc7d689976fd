import { Form, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgScope } from '../lib/org-scope';
import { useOrgTree } from '../lib/org-tree';
import { useIsPhone } from '../lib/use-is-phone';
import { EmptyState, PageError } from './page-states';
import { RecordCards, type RecordCardsProps } from './record-cards';

/** Every ledger lists its live records, or its deleted ones to restore. */
export type LedgerStatus = 'active' | 'deleted';

/**
 * A ledger page's title, its hint and the scope it shows (当前范围：…及其下级; by default only where there is
 * no hint) and its toolbar.
 */
export const LedgerPageHeader = ({
  title,
  hint,
  isScopeShown = !hint,
  toolbar,
}: {
  title: ReactNode;
  hint?: ReactNode;
  isScopeShown?: boolean;
  toolbar?: ReactNode;
}) => {
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const scopeName = isScopeShown ? (tree.data?.find((n) => n.id === scopeId)?.name ?? '') : '';
  const scopeNote = scopeName && t('common.scopeNote', { name: scopeName });
  return (
    <div className="bbt-page-header">
      <div>
        <h1>{title}</h1>
        {(hint || scopeNote) && (
          <Typography.Text type="secondary">
            {hint}
            {hint && scopeNote && ' · '}
            {scopeNote}
          </Typography.Text>
        )}
      </div>
      {toolbar && <div className="bbt-ledger-toolbar">{toolbar}</div>}
    </div>
  );
};

/** The 状态 filter: 在用 or 已删除. */
export const LedgerStatusFilter = ({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: LedgerStatus;
  onChange: (status: LedgerStatus) => void;
}) => {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('people.field.status')} htmlFor={`${idPrefix}-filter-status`}>
      <Select
        id={`${idPrefix}-filter-status`}
        style={{ minWidth: 100 }}
        value={value}
        onChange={onChange}
        options={[
          { value: 'active', label: t('ledger.status.active') },
          { value: 'deleted', label: t('people.status.deleted') },
        ]}
        data-testid={`${idPrefix}-status`}
      />
    </Form.Item>
  );
};

/**
 * What an empty list says: nothing deleted, nothing matches the filters, or the ledger's own empty text (a
 * ledger without 已删除 leaves out `status`).
 */
export const LedgerEmpty = ({
  status,
  isFiltered,
  text,
}: {
  status?: LedgerStatus;
  isFiltered: boolean;
  text: string;
}) => {
  const { t } = useTranslation();
  return (
    <EmptyState
      description={
        status === 'deleted' ? t('ledger.emptyDeleted') : isFiltered ? t('ledger.emptyFiltered') : text
      }
    />
  );
};

type PagedQuery<T> = {
  data?: { items: T[]; total: number };
  isFetching: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
};

/**
 * A ledger's records: the error with 重试, cards on a phone (paged with the list's own state), the
 * table elsewhere.
 */
export const LedgerResults = <T extends { id: string }>({
  query,
  list,
  empty,
  onOpen,
  cards,
  table,
}: {
  query: PagedQuery<T>;
  list: { page: number; pageSize: number; setPage: (page: number, pageSize: number) => void };
  empty: ReactNode;
  onOpen: (item: T) => void;
  cards: Pick<RecordCardsProps<T>, 'title' | 'extra' | 'fields' | 'testId'>;
  table: ReactNode;
}) => {
  const isPhone = useIsPhone();
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  if (!isPhone) return table;
  return (
    <RecordCards<T>
      {...cards}
      items={query.data?.items}
      isLoading={query.isFetching}
      page={list.page}
      pageSize={list.pageSize}
      total={query.data?.total ?? 0}
      onPageChange={list.setPage}
      onOpen={onOpen}
      empty={empty}
    />
  );
};
