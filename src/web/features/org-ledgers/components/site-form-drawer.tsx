import { Form, Input, Select } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createSiteInputSchema, type SiteKind } from '../../../../contracts/org-ledgers';
import { DateField } from '../../../components/date-field';
import type { LedgerFormProps } from '../../../components/ledger-form-drawer';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { NoteFormItem, OrgUnitFormItem } from '../../../components/ledger-form-items';
import { PersonSelect } from '../../../components/person-select';
import { zodRule } from '../../../lib/form-rules';
import { fromApiDate, toApiDate, trimmed } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { useCreateSite } from '../api/create-site';
import { useSite } from '../api/get-site';
import { useSiteKindOptions } from '../api/site-kinds';
import { useUpdateSite } from '../api/update-site';

type FormValues = {
  orgUnitId: string;
  kind: SiteKind;
  name: string;
  address?: string;
  openedOn?: dayjs.Dayjs;
  contactPersonId?: string;
  note?: string;
};

/** 新增阵地 / 编辑阵地. */
export const SiteFormDrawer = ({ mode, onClose }: LedgerFormProps) => {
  const { t } = useTranslation();
  const kindOptions = useSiteKindOptions();
  const { scopeId } = useOrgScope();
  const ledger = useLedgerForm({
    onClose,
    mode,
    useRecord: useSite,
    create: useCreateSite(),
    update: useUpdateSite(),
    toCreate: (v: FormValues) => ({
      orgUnitId: v.orgUnitId,
      kind: v.kind,
      name: v.name.trim(),
      address: trimmed(v.address),
      openedOn: toApiDate(v.openedOn),
      contactPersonId: v.contactPersonId,
      note: trimmed(v.note),
    }),
    toUpdate: (v, s) => ({
      id: s.id,
      version: s.version,
      kind: v.kind,
      name: v.name.trim(),
      address: trimmed(v.address) ?? null,
      openedOn: toApiDate(v.openedOn) ?? null,
      contactPersonId: v.contactPersonId ?? null,
      note: trimmed(v.note) ?? null,
    }),
  });
  const { form, isCreate, record: s } = ledger;
  const orgUnitId = Form.useWatch('orgUnitId', form) ?? s?.orgUnitId;
  const shape = createSiteInputSchema.shape;
  const initialValues: Partial<FormValues> = s
    ? {
        orgUnitId: s.orgUnitId,
        kind: s.kind,
        name: s.name,
        address: s.address ?? undefined,
        openedOn: fromApiDate(s.openedOn),
        contactPersonId: s.contactPersonId ?? undefined,
        note: s.note ?? undefined,
      }
    : { orgUnitId: scopeId };

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={isCreate ? t('sites.create') : t('sites.edit')}
      testId="site"
      initialValues={initialValues}
    >
      <OrgUnitFormItem isCreate={isCreate} orgUnitName={s?.orgUnitName} testId="site-form-org" />
      <Form.Item
        label={t('sites.field.kind')}
        name="kind"
        rules={[{ required: true, message: t('sites.rule.kind') }]}
      >
        <Select
          options={kindOptions}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="site-form-kind"
        />
      </Form.Item>
      <Form.Item
        label={t('sites.field.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('sites.rule.name') },
          zodRule(shape.name, t('sites.rule.name')),
        ]}
      >
        <Input maxLength={60} placeholder={t('sites.placeholder.name')} data-testid="site-form-name" />
      </Form.Item>
      <Form.Item
        label={t('sites.field.address')}
        name="address"
        rules={[{ max: 120, message: t('sites.rule.address') }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item label={t('sites.field.openedOn')} name="openedOn">
        <DateField />
      </Form.Item>
      <Form.Item label={t('sites.field.contact')} name="contactPersonId">
        <PersonSelect
          orgUnitId={orgUnitId}
          known={
            s?.contactPersonId && s.contactName ? [{ value: s.contactPersonId, label: s.contactName }] : []
          }
          data-testid="site-form-contact"
        />
      </Form.Item>
      <NoteFormItem />
    </LedgerFormDrawer>
  );
};
