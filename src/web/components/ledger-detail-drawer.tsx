import { App, Descriptions, type DescriptionsProps, Drawer, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../contracts/common/permissions';
import { formatDateTime } from '../lib/format';
import { useSession } from '../lib/session';
import { useApiErrorHandler } from '../lib/use-api-error';
import { useIsMobile } from '../lib/use-is-mobile';
import { LedgerActions } from './ledger-actions';
import type { LedgerRecordQuery } from './ledger-form-drawer';
import { PageError, PageLoading } from './page-states';

type Props<R> = {
  /** The feature's `useX(id)`: the drawer shows its loading and error states, then `children(record)`. */
  query: LedgerRecordQuery<R>;
  title: ReactNode;
  /** 560 unless the record needs more room. */
  width?: number;
  /** e.g. `site-detail`. */
  testId: string;
  onClose: () => void;
  children: (record: R) => ReactNode;
  /** After the record (or in place of it while it loads): the record's history, as a rule. */
  footer?: ReactNode;
};

/** 详情 drawer: the record's loading and error states around what the feature shows of it. */
export const LedgerDetailDrawer = <R,>({
  query,
  title,
  width = 560,
  testId,
  onClose,
  children,
  footer,
}: Props<R>) => {
  const isMobile = useIsMobile();
  return (
    <Drawer open onClose={onClose} title={title} size={isMobile ? '100%' : width} data-testid={testId}>
      {query.isPending && <PageLoading />}
      {query.isError && <PageError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data !== undefined && children(query.data)}
      {footer}
    </Drawer>
  );
};

/** The record's name as the drawer's heading, with its tags and 已删除 once deleted. */
export const DetailHeading = ({
  name,
  isDeleted,
  testId,
  children,
}: {
  name: ReactNode;
  isDeleted: boolean;
  testId?: string;
  children?: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 12 }} align="center">
      <Typography.Title level={4} style={{ margin: 0 }} data-testid={testId}>
        {name}
      </Typography.Title>
      {children}
      {isDeleted && <Tag color="red">{t('people.status.deleted')}</Tag>}
    </Space>
  );
};

/**
 * A record's facts, one to a row in a bordered column; 备注 (`note`, — when empty) and 更新时间
 * (`updatedAt`) close the list when given.
 */
export const RecordFields = ({
  items,
  note,
  updatedAt,
  testId,
}: {
  items: NonNullable<DescriptionsProps['items']>;
  note?: string | null;
  updatedAt?: string;
  testId?: string;
}) => {
  const { t } = useTranslation();
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      data-testid={testId}
      items={[
        ...items,
        ...(note === undefined
          ? []
          : [{ key: 'note', label: t('ledger.field.note'), children: note ?? '—' }]),
        ...(updatedAt === undefined
          ? []
          : [{ key: 'updated', label: t('common.updatedAt'), children: formatDateTime(updatedAt) }]),
      ]}
    />
  );
};

type Versioned = { id: string; version: number; deletedAt: string | null };
type VersionMutation = {
  mutateAsync: (input: { id: string; version: number }) => Promise<unknown>;
  isPending: boolean;
};

/**
 * 编辑 / 删除 / 恢复 of a detail drawer with the ledger's usual messages: 已删除 closes the drawer,
 * 已恢复 keeps it open, a failure shows the API's error.
 */
export const RecordActions = ({
  record,
  name,
  remove,
  restore,
  onEdit,
  onClose,
  testIdPrefix,
  children,
}: {
  record: Versioned;
  name: string;
  remove: VersionMutation;
  restore: VersionMutation;
  onEdit: (id: string) => void;
  onClose: () => void;
  testIdPrefix: string;
  children?: ReactNode;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const key = { id: record.id, version: record.version };
  return (
    <LedgerActions
      name={name}
      isDeleted={record.deletedAt !== null}
      onEdit={() => onEdit(record.id)}
      onDelete={() =>
        remove.mutateAsync(key).then(
          () => {
            void message.success(t('common.deleted'));
            onClose();
          },
          (e: unknown) => onError(e),
        )
      }
      onRestore={() =>
        restore.mutateAsync(key).then(
          () => void message.success(t('common.restored')),
          (e: unknown) => onError(e),
        )
      }
      isDeleting={remove.isPending}
      isRestoring={restore.isPending}
      testIdPrefix={testIdPrefix}
    >
      {children}
    </LedgerActions>
  );
};

type RecordDrawerProps<R extends Versioned> = Omit<Props<R>, 'children'> & {
  /** 编辑 / 删除 / 恢复 for those with `permission`: the record's name in the delete confirmation. */
  actions: {
    permission: Permission;
    name: (record: R) => string;
    remove: VersionMutation;
    restore: VersionMutation;
    onEdit: (record: R) => void;
    testIdPrefix: string;
  };
  /** What the feature shows of the record; `actions` (the buttons, or nothing) go where it puts them. */
  children: (record: R, actions: ReactNode) => ReactNode;
};

/** A ledger record's 详情 drawer with its 编辑 / 删除 / 恢复 buttons. */
export const LedgerRecordDrawer = <R extends Versioned>({
  actions,
  children,
  ...drawer
}: RecordDrawerProps<R>) => {
  const { access } = useSession();
  const { permission, name, onEdit, ...mutations } = actions;
  return (
    <LedgerDetailDrawer {...drawer}>
      {(record) =>
        children(
          record,
          access.can(permission) ? (
            <RecordActions
              record={record}
              name={name(record)}
              onEdit={() => onEdit(record)}
              onClose={drawer.onClose}
              {...mutations}
            />
          ) : null,
        )
      }
    </LedgerDetailDrawer>
  );
};
