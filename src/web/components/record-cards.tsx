import { Card, Descriptions, List, Pagination } from 'antd';
import type { ReactNode } from 'react';

export type CardField = { key: string; label: ReactNode; children: ReactNode };

export type RecordCardsProps<T> = {
  items: T[] | undefined;
  isLoading: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (item: T) => void;
  empty: ReactNode;
  title: (item: T) => ReactNode;
  extra?: (item: T) => ReactNode;
  fields: (item: T) => CardField[];
  testId: string;
};

/** The simple pager under a phone's cards, once there is more than a page. */
export const CardsPager = ({
  page,
  pageSize,
  total,
  onPageChange,
}: Pick<RecordCardsProps<unknown>, 'page' | 'pageSize' | 'total' | 'onPageChange'>) =>
  total > pageSize ? (
    <Pagination
      simple
      current={page}
      pageSize={pageSize}
      total={total}
      onChange={onPageChange}
      style={{ marginTop: 12, textAlign: 'center' }}
    />
  ) : null;

/** Phones (≤ 576px): one tappable card per ledger record instead of a table row. */
export const RecordCards = <T extends { id: string }>({
  items,
  isLoading,
  page,
  pageSize,
  total,
  onPageChange,
  onOpen,
  empty,
  title,
  extra,
  fields,
  testId,
}: RecordCardsProps<T>) => (
  <>
    <List<T>
      loading={isLoading}
      dataSource={items}
      rowKey="id"
      locale={{ emptyText: empty }}
      renderItem={(item) => (
        <List.Item style={{ padding: '6px 0', border: 'none' }}>
          <Card
            size="small"
            className="bbt-record-card"
            title={title(item)}
            extra={extra?.(item)}
            onClick={() => onOpen(item)}
            role="button"
            tabIndex={0}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') onOpen(item);
            }}
            data-testid={testId}
          >
            <Descriptions size="small" column={1} items={fields(item)} />
          </Card>
        </List.Item>
      )}
    />
    <CardsPager page={page} pageSize={pageSize} total={total} onPageChange={onPageChange} />
  </>
);
