import { Table, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgScope } from '../lib/org-scope';
import { useOrgTree } from '../lib/org-tree';
import { useIsPhone } from '../lib/use-is-phone';
import type { useListParams } from '../lib/use-list-params';
import { EmptyState, PageError } from './page-states';
import { RecordCards, type RecordCardsProps } from './record-cards';
import './ledger.css';

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

/**
 * What an empty list says: nothing deleted (or the ledger's own `deletedText`), nothing matches the filters,
 * or the ledger's own empty text (a ledger without 已删除 leaves out `status`); `children` go under it.
 */
export const LedgerEmpty = ({
  status,
  isFiltered,
  text,
  deletedText,
  children,
}: {
  status?: LedgerStatus;
  isFiltered: boolean;
  text: string;
  deletedText?: string;
  children?: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <EmptyState
      description={
        status === 'deleted'
          ? (deletedText ?? t('ledger.emptyDeleted'))
          : isFiltered
            ? t('ledger.emptyFiltered')
            : text
      }
    >
      {children}
    </EmptyState>
  );
};

type ListParams<T> = ReturnType<typeof useListParams<T>>;

type PagedQuery<T> = {
  data?: { items: T[]; total: number };
  isFetching: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
};

/**
 * A ledger's records: the error with 重试, cards on a phone (paged with the list's own state), elsewhere
 * `table`, or the plain ledger table of `columns` (a click on a row opens it).
 */
export const LedgerResults = <T extends { id: string }>({
  query,
  list,
  empty,
  onOpen,
  cards,
  table,
  columns,
  rowTestId,
  tableTestId,
}: {
  query: PagedQuery<T>;
  list: Pick<ListParams<T>, 'page' | 'pageSize' | 'setPage' | 'pagination' | 'onTableChange'>;
  empty: ReactNode;
  onOpen?: (item: T) => void;
  cards: Pick<RecordCardsProps<T>, 'title' | 'extra' | 'fields' | 'testId'>;
} & (
  | { table: ReactNode; columns?: never; rowTestId?: never; tableTestId?: never }
  | { table?: never; columns: TableColumnsType<T>; rowTestId?: string; tableTestId?: string }
)) => {
  const isPhone = useIsPhone();
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  if (!isPhone) {
    if (!columns) return table;
    return (
      <Table<T>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items}
        pagination={list.pagination(query.data?.total)}
        onChange={list.onTableChange}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: empty }}
        rowClassName={onOpen && (() => 'bbt-ledger-row')}
        onRow={(item) =>
          ({
            onClick: onOpen && (() => onOpen(item)),
            'data-testid': rowTestId,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={columns}
        data-testid={tableTestId}
      />
    );
  }
  return (
    <RecordCards<T>
      {...cards}
      items={query.data?.items}
      isLoading={query.isFetching}
      page={list.page}
      pageSize={list.pageSize}
      total={query.data?.total ?? 0}
      onPageChange={list.setPage}
      onOpen={onOpen ?? (() => undefined)}
      empty={empty}
    />
  );
};
