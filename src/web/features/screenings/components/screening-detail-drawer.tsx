import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type Screening,
  screeningCategoryLabels,
  screeningResultLabels,
} from '../../../../contracts/screenings';
import { DetailHeading, LedgerRecordDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { RecordHistory } from '../../../components/record-history';
import { useLabel } from '../../../lib/labels';
import { useDeleteScreening, useRestoreScreening, useScreening } from '../api/screenings';
import { ResultTag } from './result-tag';

type Props = { screeningId: string; onClose: () => void; onEdit: (s: Screening) => void };

/** 筛查详情 (her whole name: opening it is recorded in the audit log), 变更记录; 编辑 / 删除 / 恢复. */
export const ScreeningDetailDrawer = ({ screeningId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const dash = (v: string | number | null) => v ?? '—';
  return (
    <LedgerRecordDrawer
      query={useScreening(screeningId)}
      title={t('screenings.detail')}
      testId="screening-detail"
      onClose={onClose}
      actions={{
        permission: 'screenings.write',
        name: (s) => `${s.personName} ${s.programmeYear}`,
        remove: useDeleteScreening(),
        restore: useRestoreScreening(),
        onEdit: (s) => onEdit(s),
        testIdPrefix: 'screening',
      }}
    >
      {(s, actions) => (
        <>
          <DetailHeading
            name={`${s.personName} · ${t('screenings.yearOf', { year: s.programmeYear })}`}
            isDeleted={s.deletedAt !== null}
            testId="screening-detail-title"
          >
            <ResultTag screening={s} />
            {s.result === 'followUp' && !s.followUpDoneOn && (
              <Tag color="red">{t('screenings.followUpDue')}</Tag>
            )}
          </DetailHeading>
          <RecordFields
            items={[
              { key: 'unit', label: t('ledger.field.orgUnit'), children: s.orgUnitName },
              { key: 'id', label: t('screenings.field.idNumber'), children: dash(s.idNumberMasked) },
              { key: 'age', label: t('screenings.field.age'), children: dash(s.age) },
              {
                key: 'category',
                label: t('screenings.field.category'),
                children: label(screeningCategoryLabels, s.category),
              },
              { key: 'mobilised', label: t('screenings.field.mobilisedOn'), children: s.mobilisedOn },
              {
                key: 'consent',
                label: t('screenings.field.consentSignedOn'),
                children: dash(s.consentSignedOn),
              },
              { key: 'screened', label: t('screenings.field.screenedOn'), children: dash(s.screenedOn) },
              { key: 'site', label: t('screenings.field.site'), children: dash(s.site) },
              {
                key: 'result',
                label: t('screenings.field.result'),
                children: s.result ? label(screeningResultLabels, s.result) : '—',
              },
              { key: 'note', label: t('screenings.field.followUpNote'), children: dash(s.followUpNote) },
              { key: 'done', label: t('screenings.field.followUpDoneOn'), children: dash(s.followUpDoneOn) },
            ]}
            updatedAt={s.updatedAt}
          />
          {actions}
          <RecordHistory entityType="cancerScreening" entityId={s.id} />
        </>
      )}
    </LedgerRecordDrawer>
  );
};
