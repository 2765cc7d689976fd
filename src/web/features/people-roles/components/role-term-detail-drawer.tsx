import { App, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { personRoleLabels, type RoleTerm } from '../../../../contracts/people-roles';
import { LedgerActions } from '../../../components/ledger-actions';
import { PageError, PageLoading } from '../../../components/page-states';
import { RecordHistory } from '../../../components/record-history';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { today } from '../../../lib/this-year';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useDeleteRoleTerm } from '../api/delete-role-term';
import { useRoleTerm } from '../api/get-role-term';
import { useRestoreRoleTerm } from '../api/restore-role-term';

type Props = { roleTermId: string; onClose: () => void; onEdit: (id: string) => void };

export const isServing = (r: Pick<RoleTerm, 'startedOn' | 'endedOn'>) => {
  const d = today();
  return r.startedOn <= d && (r.endedOn === null || r.endedOn >= d);
};

/** 任职详情 with 编辑, 删除 and 恢复. */
export const RoleTermDetailDrawer = ({ roleTermId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const label = useLabel();
  const { message } = App.useApp();
  const { access } = useSession();
  const term = useRoleTerm(roleTermId);
  const remove = useDeleteRoleTerm();
  const restore = useRestoreRoleTerm();
  const onError = useApiErrorHandler();
  const r = term.data;
  const name = r ? `${r.personName} · ${label(personRoleLabels, r.role)}` : '';

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('roles.detail')}
      size={isMobile ? '100%' : 560}
      data-testid="role-term-detail"
    >
      {term.isPending && <PageLoading />}
      {term.isError && <PageError error={term.error} onRetry={() => void term.refetch()} />}
      {r && (
        <>
          <Space wrap style={{ marginBottom: 12 }} align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {r.personName}
            </Typography.Title>
            <Tag color="magenta">{label(personRoleLabels, r.role)}</Tag>
            {isServing(r) ? <Tag color="green">{t('roles.serving')}</Tag> : <Tag>{t('roles.ended')}</Tag>}
            {r.deletedAt && <Tag color="red">{t('people.status.deleted')}</Tag>}
          </Space>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'unit', label: t('roles.field.orgUnit'), children: r.orgUnitName },
              { key: 'started', label: t('roles.field.startedOn'), children: formatDate(r.startedOn) },
              { key: 'ended', label: t('roles.field.endedOn'), children: formatDate(r.endedOn) || '—' },
              ...(r.role === 'entrepreneur'
                ? [
                    { key: 'company', label: t('roles.field.company'), children: r.company ?? '—' },
                    { key: 'position', label: t('roles.field.position'), children: r.position ?? '—' },
                  ]
                : []),
              {
                key: 'election',
                label: t('roles.field.source'),
                children: r.electionId ? t('roles.source.election') : t('roles.source.manual'),
              },
              { key: 'note', label: t('ledger.field.note'), children: r.note ?? '—' },
              { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(r.updatedAt) },
            ]}
          />
          {access.can('people.write') && (
            <LedgerActions
              name={name}
              isDeleted={r.deletedAt !== null}
              onEdit={() => onEdit(r.id)}
              onDelete={() =>
                remove.mutateAsync({ id: r.id, version: r.version }).then(
                  () => {
                    void message.success(t('common.deleted'));
                    onClose();
                  },
                  (e: unknown) => onError(e),
                )
              }
              onRestore={() =>
                restore.mutateAsync({ id: r.id, version: r.version }).then(
                  () => void message.success(t('common.restored')),
                  (e: unknown) => onError(e),
                )
              }
              isDeleting={remove.isPending}
              isRestoring={restore.isPending}
              testIdPrefix="role-term"
            />
          )}
        </>
      )}
      <RecordHistory entityType="roleTerm" entityId={roleTermId} />
    </Drawer>
  );
};
