import { Checkbox, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  keyPersonCategoryLabels,
  type VisitFrequency,
  visitFrequencies,
  visitFrequencyLabels,
} from '../../../../contracts/care';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { PersonSelect } from '../../../components/person-select';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useCreatePairing, useKeyPeople } from '../api/care-api';

type Values = {
  keyPersonId?: string;
  isMe?: boolean;
  volunteerIds?: string[];
  frequency?: VisitFrequency;
  startedOn?: Dayjs;
};

/** 建立结对: a key person of the scope, her helpers (the signed-in worker and/or volunteers), the rhythm. */
export const PairingFormDrawer = ({ scopeId, onClose }: { scopeId?: string; onClose: () => void }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { user } = useSession();
  const keyPeople = useKeyPeople({ orgUnitId: scopeId, status: 'active', pageSize: 200 });
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    create: useCreatePairing(),
    toCreate: (v: Values) => ({
      keyPersonId: v.keyPersonId as string,
      helpers: [
        ...(v.isMe && user ? [{ userId: user.id }] : []),
        ...(v.volunteerIds ?? []).map((personId) => ({ personId })),
      ],
      frequency: v.frequency as VisitFrequency,
      startedOn: (v.startedOn as Dayjs).format(DATE_FORMAT),
    }),
  });
  const keyPersonId = Form.useWatch('keyPersonId', ledger.form);
  const unitId = keyPeople.data?.items.find((k) => k.id === keyPersonId)?.orgUnitId ?? scopeId;
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('care.pairings.create')}
      testId="pairing"
      width={480}
      formSize="large"
      initialValues={{ isMe: true, frequency: 'monthly', startedOn: dayjs() }}
    >
      <Form.Item name="keyPersonId" label={t('care.field.person')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={keyPeople.isPending}
          options={(keyPeople.data?.items ?? []).map((k) => ({
            value: k.id,
            label: `${k.personName} · ${k.orgUnitName} · ${label(keyPersonCategoryLabels, k.category)}`,
          }))}
          data-testid="pairing-form-person"
        />
      </Form.Item>
      <Form.Item name="isMe" valuePropName="checked">
        <Checkbox data-testid="pairing-form-me">{t('care.pairings.me')}</Checkbox>
      </Form.Item>
      <Form.Item name="volunteerIds" label={t('care.pairings.volunteers')}>
        <PersonSelect orgUnitId={unitId} isMultiple data-testid="pairing-form-volunteers" />
      </Form.Item>
      <Form.Item name="frequency" label={t('care.pairings.frequency')} rules={[{ required: true }]}>
        <Select
          options={visitFrequencies.map((f) => ({ value: f, label: label(visitFrequencyLabels, f) }))}
          data-testid="pairing-form-frequency"
        />
      </Form.Item>
      <Form.Item name="startedOn" label={t('care.pairings.startedOn')} rules={[{ required: true }]}>
        <DateField notFuture data-testid="pairing-form-date" />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
