import { Form, Input, Space } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../contracts/activities';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { NoteFormItem, OrgUnitFormItem } from '../../../components/ledger-form-items';
import { fromApiDate, toApiDate, trimmed } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { useCreateCampaign, useUpdateCampaign } from '../api/save-campaign';

type FormValues = {
  orgUnitId: string;
  name: string;
  startsOn?: dayjs.Dayjs;
  endsOn?: dayjs.Dayjs;
  note?: string;
};

type Props = { campaign: Campaign | null; onClose: () => void };

/** 新建专项行动 / 编辑 (`campaign` null creates). */
export const CampaignFormDrawer = ({ campaign: c, onClose }: Props) => {
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const ledger = useLedgerForm({
    onClose,
    isCreate: !c,
    record: c ?? undefined,
    create: useCreateCampaign(),
    update: useUpdateCampaign(),
    toCreate: (v: FormValues) => ({
      orgUnitId: v.orgUnitId,
      name: v.name.trim(),
      startsOn: toApiDate(v.startsOn),
      endsOn: toApiDate(v.endsOn),
      note: trimmed(v.note),
    }),
    toUpdate: (v, rec: Campaign) => ({
      id: rec.id,
      version: rec.version,
      name: v.name.trim(),
      startsOn: toApiDate(v.startsOn) ?? null,
      endsOn: toApiDate(v.endsOn) ?? null,
      note: trimmed(v.note) ?? null,
    }),
  });

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={c ? t('activities.campaigns.edit') : t('activities.campaigns.create')}
      testId="campaign"
      initialValues={
        c
          ? {
              orgUnitId: c.orgUnitId,
              name: c.name,
              startsOn: fromApiDate(c.startsOn),
              endsOn: fromApiDate(c.endsOn),
              note: c.note ?? undefined,
            }
          : { orgUnitId: scopeId }
      }
    >
      <OrgUnitFormItem
        isCreate={!c}
        orgUnitName={c?.orgUnitName}
        label={t('activities.campaigns.field.orgUnit')}
        testId="campaign-form-org"
      />
      <Form.Item
        label={t('activities.campaigns.field.name')}
        name="name"
        rules={[
          { required: true, message: t('activities.campaigns.rule.name') },
          { min: 2, max: 60, message: t('activities.campaigns.rule.nameLength') },
        ]}
      >
        <Input maxLength={60} data-testid="campaign-form-name" />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('activities.campaigns.field.startsOn')} name="startsOn">
          <DateField />
        </Form.Item>
        <Form.Item label={t('activities.campaigns.field.endsOn')} name="endsOn">
          <DateField />
        </Form.Item>
      </Space>
      <NoteFormItem showCount={false} />
    </LedgerFormDrawer>
  );
};
