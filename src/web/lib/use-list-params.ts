import type { TablePaginationConfig, TableProps } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

type ListState = { page: number; pageSize: number; sort?: string };

/**
 * Paging and sorting state for an API list (`page`, `pageSize`, `sort` as `field`/`-field`), wired to an antd
 * Table: hand `onTableChange` and `pagination(total)` to the table, and call `resetPage` when a filter changes.
 */
export const useListParams = <T>(initial: Partial<ListState> = {}) => {
  const { t } = useTranslation();
  const [state, setState] = useState<ListState>({ page: 1, pageSize: 20, ...initial });

  const onTableChange = useCallback<NonNullable<TableProps<T>['onChange']>>(
    (pg, _filters, sorter) => {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = typeof s?.field === 'string' ? s.field : undefined;
      const sort = field && s?.order ? `${s.order === 'descend' ? '-' : ''}${field}` : initial.sort;
      setState({ page: pg.current ?? 1, pageSize: pg.pageSize ?? 20, sort });
    },
    [initial.sort],
  );

  const resetPage = useCallback(() => setState((s) => ({ ...s, page: 1 })), []);
  const setPage = useCallback((page: number, pageSize?: number) => {
    setState((s) => ({ ...s, page, pageSize: pageSize ?? s.pageSize }));
  }, []);

  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100, 200],
    showTotal: (n) => t('common.total', { total: n }),
  });

  return { ...state, onTableChange, resetPage, setPage, pagination };
};
