import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Patrol } from '../../../../contracts/activities';
import { DetailHeading, LedgerRecordDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { RecordHistory } from '../../../components/record-history';
import { RecordPhotos } from '../../../components/record-photos';
import { useSession } from '../../../lib/session';
import { useDeletePatrol } from '../api/delete-patrol';
import { usePatrol } from '../api/get-patrol';
import { patrolKeys } from '../api/keys';
import { useRestorePatrol } from '../api/restore-patrol';

type Props = { patrolId: string; onClose: () => void; onEdit: (p: Patrol) => void };

/** 巡查详情: fields, 变更记录; 编辑 / 删除 / 恢复. */
export const PatrolDetailDrawer = ({ patrolId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const { access } = useSession();

  return (
    <LedgerRecordDrawer
      query={usePatrol(patrolId)}
      title={t('patrols.detail')}
      testId="patrol-detail"
      onClose={onClose}
      actions={{
        permission: 'activities.write',
        name: (p) => `${p.occurredOn} ${p.area}`,
        remove: useDeletePatrol(),
        restore: useRestorePatrol(),
        onEdit: (p) => onEdit(p),
        testIdPrefix: 'patrol',
      }}
    >
      {(p, actions) => (
        <>
          <DetailHeading
            name={`${p.occurredOn} ${p.area}`}
            isDeleted={p.deletedAt !== null}
            testId="patrol-detail-title"
          >
            {p.hazardsFound > 0 && (
              <Tag color="orange">
                {t('patrols.field.hazards')} {t('patrols.hazardsCount', { count: p.hazardsFound })}
              </Tag>
            )}
          </DetailHeading>
          <RecordFields
            items={[
              { key: 'unit', label: t('ledger.field.orgUnit'), children: p.orgUnitName },
              { key: 'date', label: t('patrols.field.occurredOn'), children: p.occurredOn },
              { key: 'area', label: t('patrols.field.area'), children: p.area },
              { key: 'chiefs', label: t('patrols.field.chiefs'), children: p.chiefNames.join('、') || '—' },
              { key: 'team', label: t('patrols.field.team'), children: p.teamName ?? '—' },
              {
                key: 'duration',
                label: t('patrols.field.durationShort'),
                children: p.durationMinutes ? t('patrols.minutes', { count: p.durationMinutes }) : '—',
              },
              { key: 'hazards', label: t('patrols.field.hazards'), children: p.hazardsFound },
              { key: 'note', label: t('patrols.field.hazardNote'), children: p.hazardNote ?? '—' },
              { key: 'action', label: t('patrols.field.actionTaken'), children: p.actionTaken ?? '—' },
            ]}
            updatedAt={p.updatedAt}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('patrols.field.photos')}（{p.photoIds.length}/9）
          </Typography.Title>
          <RecordPhotos
            url={`/api/v1/activities/patrols/${encodeURIComponent(p.id)}/photos`}
            photoIds={p.photoIds}
            alt={`${p.occurredOn} ${p.area}`}
            isEditable={access.can('activities.write') && !p.deletedAt}
            invalidate={patrolKeys.all}
            testId="patrol"
          />
          {actions}
          <RecordHistory entityType="patrol" entityId={p.id} />
        </>
      )}
    </LedgerRecordDrawer>
  );
};
