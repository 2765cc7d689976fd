import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { personRoleLabels, type RoleTerm } from '../../../../contracts/people-roles';
import { DetailHeading, LedgerRecordDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { RecordHistory } from '../../../components/record-history';
import { formatDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { today } from '../../../lib/this-year';
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
  const label = useLabel();

  return (
    <LedgerRecordDrawer
      query={useRoleTerm(roleTermId)}
      title={t('roles.detail')}
      testId="role-term-detail"
      onClose={onClose}
      actions={{
        permission: 'people.write',
        name: (r) => `${r.personName} · ${label(personRoleLabels, r.role)}`,
        remove: useDeleteRoleTerm(),
        restore: useRestoreRoleTerm(),
        onEdit: (r) => onEdit(r.id),
        testIdPrefix: 'role-term',
      }}
      footer={<RecordHistory entityType="roleTerm" entityId={roleTermId} />}
    >
      {(r, actions) => (
        <>
          <DetailHeading name={r.personName} isDeleted={r.deletedAt !== null}>
            <Tag color="magenta">{label(personRoleLabels, r.role)}</Tag>
            {isServing(r) ? <Tag color="green">{t('roles.serving')}</Tag> : <Tag>{t('roles.ended')}</Tag>}
          </DetailHeading>
          <RecordFields
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
            ]}
            note={r.note}
            updatedAt={r.updatedAt}
          />
          {actions}
        </>
      )}
    </LedgerRecordDrawer>
  );
};
