import { Descriptions, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, auditActionLabels, auditModuleLabels } from '../../../../contracts/audit';
import { AuditDiff } from '../../../components/audit-diff';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useIsMobile } from '../../../lib/use-is-mobile';

/** 日志详情 of an entry the list already holds: nothing to load, nothing to change (so no LedgerDetailDrawer). */
export const AuditDetailDrawer = ({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const isMobile = useIsMobile();
  return (
    <Drawer open={entry !== null} onClose={onClose} title={t('audit.detail')} size={isMobile ? '100%' : 640}>
      {entry && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            style={{ marginBottom: 16 }}
            items={[
              { key: 'at', label: t('audit.field.at'), children: formatDateTime(entry.at) },
              { key: 'actor', label: t('audit.field.actor'), children: entry.actorName ?? '—' },
              { key: 'ip', label: t('audit.field.ip'), children: entry.ip ?? '—' },
              {
                key: 'module',
                label: t('audit.field.module'),
                children: label(auditModuleLabels, entry.module),
              },
              {
                key: 'action',
                label: t('audit.field.action'),
                children: label(auditActionLabels, entry.action),
              },
              { key: 'entity', label: t('audit.field.entity'), children: entry.entityLabel ?? '—' },
              { key: 'entityId', label: t('audit.field.entityId'), children: entry.entityId ?? '—' },
            ]}
          />
          {(entry.before != null || entry.after != null) && (
            <AuditDiff before={entry.before} after={entry.after} />
          )}
        </>
      )}
    </Drawer>
  );
};
