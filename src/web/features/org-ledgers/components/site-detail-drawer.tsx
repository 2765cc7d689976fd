import { App, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { siteKindLabels } from '../../../../contracts/org-ledgers';
import { LedgerActions } from '../../../components/ledger-actions';
import { PageError, PageLoading } from '../../../components/page-states';
import { RecordHistory } from '../../../components/record-history';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useDeleteSite } from '../api/delete-site';
import { useSite } from '../api/get-site';
import { useRestoreSite } from '../api/restore-site';

type Props = { siteId: string; onClose: () => void; onEdit: (siteId: string) => void };

/** 阵地详情 with 编辑, 删除 and 恢复. */
export const SiteDetailDrawer = ({ siteId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const label = useLabel();
  const { message } = App.useApp();
  const { access } = useSession();
  const site = useSite(siteId);
  const remove = useDeleteSite();
  const restore = useRestoreSite();
  const onError = useApiErrorHandler();
  const s = site.data;

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('sites.detail')}
      size={isMobile ? '100%' : 560}
      data-testid="site-detail"
    >
      {site.isPending && <PageLoading />}
      {site.isError && <PageError error={site.error} onRetry={() => void site.refetch()} />}
      {s && (
        <>
          <Space wrap style={{ marginBottom: 12 }} align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {s.name}
            </Typography.Title>
            <Tag color="magenta">{label(siteKindLabels, s.kind)}</Tag>
            {s.deletedAt && <Tag color="red">{t('people.status.deleted')}</Tag>}
          </Space>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'unit', label: t('ledger.field.orgUnit'), children: s.orgUnitName },
              { key: 'address', label: t('sites.field.address'), children: s.address ?? '—' },
              { key: 'opened', label: t('sites.field.openedOn'), children: formatDate(s.openedOn) || '—' },
              { key: 'contact', label: t('sites.field.contact'), children: s.contactName ?? '—' },
              { key: 'note', label: t('ledger.field.note'), children: s.note ?? '—' },
              { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(s.updatedAt) },
            ]}
          />
          {access.can('org.write') && (
            <LedgerActions
              name={s.name}
              isDeleted={s.deletedAt !== null}
              onEdit={() => onEdit(s.id)}
              onDelete={() =>
                remove.mutateAsync({ id: s.id, version: s.version }).then(
                  () => {
                    void message.success(t('common.deleted'));
                    onClose();
                  },
                  (e: unknown) => onError(e),
                )
              }
              onRestore={() =>
                restore.mutateAsync({ id: s.id, version: s.version }).then(
                  () => void message.success(t('common.restored')),
                  (e: unknown) => onError(e),
                )
              }
              isDeleting={remove.isPending}
              isRestoring={restore.isPending}
              testIdPrefix="site"
            />
          )}
        </>
      )}
      <RecordHistory entityType="site" entityId={siteId} />
    </Drawer>
  );
};
