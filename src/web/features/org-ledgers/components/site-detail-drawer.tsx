import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DetailHeading, LedgerRecordDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { RecordHistory } from '../../../components/record-history';
import { formatDate } from '../../../lib/format';
import { useDeleteSite } from '../api/delete-site';
import { useSite } from '../api/get-site';
import { useRestoreSite } from '../api/restore-site';
import { useSiteKindLabel } from '../api/site-kinds';

type Props = { siteId: string; onClose: () => void; onEdit: (siteId: string) => void };

/** 阵地详情 with 编辑, 删除 and 恢复. */
export const SiteDetailDrawer = ({ siteId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const kindLabel = useSiteKindLabel();

  return (
    <LedgerRecordDrawer
      query={useSite(siteId)}
      title={t('sites.detail')}
      testId="site-detail"
      onClose={onClose}
      actions={{
        permission: 'org.write',
        name: (s) => s.name,
        remove: useDeleteSite(),
        restore: useRestoreSite(),
        onEdit: (s) => onEdit(s.id),
        testIdPrefix: 'site',
      }}
      footer={<RecordHistory entityType="site" entityId={siteId} />}
    >
      {(s, actions) => (
        <>
          <DetailHeading name={s.name} isDeleted={s.deletedAt !== null}>
            <Tag color="magenta">{kindLabel(s.kind)}</Tag>
          </DetailHeading>
          <RecordFields
            items={[
              { key: 'unit', label: t('ledger.field.orgUnit'), children: s.orgUnitName },
              { key: 'address', label: t('sites.field.address'), children: s.address ?? '—' },
              { key: 'opened', label: t('sites.field.openedOn'), children: formatDate(s.openedOn) || '—' },
              { key: 'contact', label: t('sites.field.contact'), children: s.contactName ?? '—' },
            ]}
            note={s.note}
            updatedAt={s.updatedAt}
          />
          {actions}
        </>
      )}
    </LedgerRecordDrawer>
  );
};
