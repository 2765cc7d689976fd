import { Alert, Button, Form, Input, Radio, Select } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIdNumber } from '../../../../contracts/common/id-number';
import {
  createPersonInputSchema,
  genderLabels,
  genders,
  type Person,
  phoneInputSchema,
  relationLabels,
  relationsToHead,
} from '../../../../contracts/people';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { isApiError } from '../../../lib/api-client';
import { zodRule } from '../../../lib/form-rules';
import { fromApiDate, toApiDate, trimmed } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useCreatePerson } from '../api/create-person';
import { usePerson } from '../api/get-person';
import { usePersonTagOptions } from '../api/get-tag-options';
import { useUpdatePerson } from '../api/update-person';
import { HouseholdSelect } from './household-select';
import { IdNumberHint, idNumberRules } from './id-number-hint';

type Gender = (typeof genders)[number];
type Relation = (typeof relationsToHead)[number];

type FormValues = {
  orgUnitId: string;
  name: string;
  idNumber?: string;
  gender?: Gender;
  birthDate?: dayjs.Dayjs;
  phone?: string;
  householdId?: string;
  relationToHead?: Relation;
  tags: string[];
  note?: string;
};

export type PersonFormMode =
  | { type: 'create'; orgUnitId?: string; householdId?: string; householdLabel?: string }
  | { type: 'edit'; personId: string };

type Props = {
  mode: PersonFormMode | null;
  onClose: () => void;
  /** Opens an already registered person (the answer to a duplicate ID number). */
  onOpenPerson: (personId: string) => void;
};

/** 新增人员 / 编辑人员 in a drawer. */
export const PersonFormDrawer = ({ mode, onClose, onOpenPerson }: Props) =>
  mode ? <PersonFormDialog mode={mode} onClose={onClose} onOpenPerson={onOpenPerson} /> : null;

const commonFields = (v: FormValues) => ({
  name: v.name.trim(),
  idNumber: trimmed(v.idNumber),
  phone: trimmed(v.phone),
  tags: v.tags ?? [],
});

/** Mounted per opening; an edit waits for the freshest copy (and version) of the person. */
const PersonFormDialog = ({
  mode,
  onClose,
  onOpenPerson,
}: { mode: PersonFormMode } & Omit<Props, 'mode'>) => {
  const { t, i18n } = useTranslation();
  const tagOptions = usePersonTagOptions();
  const label = useLabel();
  const { scopeId } = useOrgScope();
  const [duplicate, setDuplicate] = useState<{ message: string; personId?: string } | null>(null);
  const [isAutoFilled, setAutoFilled] = useState(false);
  const ledger = useLedgerForm({
    onClose,
    isCreate: mode.type === 'create',
    existing: usePerson(mode.type === 'edit' ? mode.personId : undefined),
    create: useCreatePerson(),
    update: useUpdatePerson(),
    toCreate: (v: FormValues) => ({
      ...commonFields(v),
      orgUnitId: v.orgUnitId,
      gender: v.gender,
      birthDate: toApiDate(v.birthDate),
      householdId: v.householdId,
      relationToHead: v.relationToHead,
      note: trimmed(v.note),
    }),
    toUpdate: (v, rec) => ({
      ...commonFields(v),
      id: rec.id,
      version: rec.version,
      gender: v.gender ?? null,
      birthDate: toApiDate(v.birthDate) ?? null,
      householdId: v.householdId ?? null,
      relationToHead: v.relationToHead ?? null,
      note: trimmed(v.note) ?? null,
    }),
    onApiError: (e) => {
      if (isApiError(e) && e.code === 'DUPLICATE') {
        const d = e.details.find((x) => x.field === 'idNumber');
        setDuplicate({ message: e.message, personId: d?.value });
      }
    },
  });
  const { form, isCreate, record: p } = ledger;
  const idNumber = Form.useWatch('idNumber', form);
  const orgUnitId =
    Form.useWatch('orgUnitId', form) ?? (mode.type === 'create' ? (mode.orgUnitId ?? scopeId) : p?.orgUnitId);
  const isEn = i18n.language.startsWith('en');

  const onValuesChange = (changed: Partial<FormValues>) => {
    if ('idNumber' in changed) {
      setDuplicate(null);
      const r = changed.idNumber ? parseIdNumber(changed.idNumber) : undefined;
      if (r?.ok) {
        const fill: Partial<FormValues> = {};
        if (!form.getFieldValue('gender')) fill.gender = r.gender;
        if (!form.getFieldValue('birthDate')) fill.birthDate = fromApiDate(r.birthDate);
        if (Object.keys(fill).length > 0) {
          form.setFieldsValue(fill);
          setAutoFilled(true);
        }
        // The hand-typed date and gender are checked against the new number.
        void form.validateFields(['gender', 'birthDate']).catch(() => undefined);
      }
    }
    if ('orgUnitId' in changed) form.setFieldsValue({ householdId: undefined });
  };

  const initialValues: Partial<FormValues> = p
    ? initialFromPerson(p)
    : {
        orgUnitId: (mode.type === 'create' && mode.orgUnitId) || scopeId,
        householdId: mode.type === 'create' ? mode.householdId : undefined,
        tags: [],
      };
  const idRules = idNumberRules((reason) => (isEn ? t('people.rule.idNumber') : reason));
  const idOf = () => {
    const r = parseIdNumber(form.getFieldValue('idNumber') ?? '');
    return r.ok ? r : undefined;
  };

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={isCreate ? t('people.createTitle') : t('people.edit')}
      width={520}
      testId="person"
      loadingRows={6}
      initialValues={initialValues}
      onValuesChange={onValuesChange}
    >
      {isCreate ? (
        <Form.Item
          label={t('people.field.orgUnit')}
          name="orgUnitId"
          rules={[{ required: true, message: t('people.rule.orgUnit') }]}
        >
          <OrgTreeSelect data-testid="person-form-org" />
        </Form.Item>
      ) : (
        <Form.Item label={t('people.field.orgUnit')} extra={t('people.orgUnitLocked')}>
          <Input value={p?.orgUnitName} disabled />
        </Form.Item>
      )}
      <Form.Item
        label={t('people.field.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('people.rule.nameRequired') },
          zodRule(createPersonInputSchema.shape.name, t('people.rule.name')),
        ]}
      >
        <Input maxLength={30} autoComplete="off" data-testid="person-form-name" />
      </Form.Item>
      <Form.Item
        label={t('people.field.idNumber')}
        name="idNumber"
        validateTrigger={['onChange', 'onBlur']}
        rules={idRules}
        extra={idNumber ? <IdNumberHint value={idNumber} /> : undefined}
      >
        <Input
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          placeholder={p?.idNumberMasked ? t('people.idHint.keep', { masked: p.idNumberMasked }) : undefined}
          data-testid="person-form-id"
        />
      </Form.Item>
      {duplicate && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={duplicate.message}
          action={
            duplicate.personId ? (
              <Button
                size="small"
                onClick={() => onOpenPerson(duplicate.personId as string)}
                data-testid="person-duplicate-open"
              >
                {t('people.duplicate.view')}
              </Button>
            ) : undefined
          }
          data-testid="person-duplicate"
        />
      )}
      <Form.Item
        label={t('people.field.gender')}
        name="gender"
        dependencies={['idNumber']}
        rules={[
          {
            validator: async (_r, value?: Gender) => {
              const id = idOf();
              if (value && id && value !== id.gender)
                throw new Error(t('people.rule.genderMismatch', { gender: label(genderLabels, id.gender) }));
            },
          },
        ]}
      >
        <Radio.Group
          optionType="button"
          options={genders.map((g) => ({ value: g, label: label(genderLabels, g) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('people.field.birthDate')}
        name="birthDate"
        dependencies={['idNumber']}
        extra={isAutoFilled ? t('people.autoFilled') : undefined}
        rules={[
          {
            validator: async (_r, value?: dayjs.Dayjs) => {
              const id = idOf();
              if (value && id && toApiDate(value) !== id.birthDate)
                throw new Error(t('people.rule.birthDateMismatch', { birthDate: id.birthDate }));
            },
          },
        ]}
      >
        <DateField />
      </Form.Item>
      <Form.Item
        label={t('people.field.phone')}
        name="phone"
        rules={[zodRule(phoneInputSchema, t('people.rule.phone'))]}
      >
        <Input
          inputMode="tel"
          maxLength={20}
          autoComplete="off"
          placeholder={p?.phoneMasked ? t('people.phoneHint.keep', { masked: p.phoneMasked }) : undefined}
        />
      </Form.Item>
      <Form.Item label={t('people.field.household')} name="householdId">
        <HouseholdSelect
          orgUnitId={orgUnitId}
          currentLabel={p?.householdLabel ?? (mode.type === 'create' ? mode.householdLabel : undefined)}
          data-testid="person-form-household"
        />
      </Form.Item>
      <Form.Item label={t('people.field.relationToHead')} name="relationToHead">
        <Select
          allowClear
          placeholder={t('common.pleaseSelect')}
          options={relationsToHead.map((r) => ({ value: r, label: label(relationLabels, r) }))}
        />
      </Form.Item>
      <Form.Item label={t('people.field.tags')} name="tags">
        <Select
          mode="multiple"
          allowClear
          placeholder={t('common.pleaseSelect')}
          options={tagOptions}
          data-testid="person-form-tags"
        />
      </Form.Item>
      <Form.Item
        label={t('people.field.note')}
        name="note"
        rules={[{ max: 500, message: t('people.rule.note') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </LedgerFormDrawer>
  );
};

const initialFromPerson = (p: Person): Partial<FormValues> => ({
  orgUnitId: p.orgUnitId,
  name: p.name,
  gender: p.gender ?? undefined,
  birthDate: fromApiDate(p.birthDate),
  householdId: p.householdId ?? undefined,
  relationToHead: p.relationToHead ?? undefined,
  tags: p.tags,
  note: p.note ?? undefined,
});
