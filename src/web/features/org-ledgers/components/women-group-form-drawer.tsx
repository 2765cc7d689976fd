import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { createWomenGroupInputSchema } from '../../../../contracts/org-ledgers';
import type { LedgerFormProps } from '../../../components/ledger-form-drawer';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { NameFormItem, NoteFormItem } from '../../../components/ledger-form-items';
import { PersonSelect } from '../../../components/person-select';
import { trimmed } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { useCreateWomenGroup } from '../api/create-women-group';
import { useWomenGroup } from '../api/get-women-group';
import { useGrids } from '../api/list-grids';
import { useVillagePersons } from '../api/list-village-persons';
import { useUpdateWomenGroup } from '../api/update-women-group';

type FormValues = {
  gridId: string;
  name: string;
  leaderPersonId?: string;
  memberIds?: string[];
  note?: string;
};

/** 新增妇女小组 / 编辑妇女小组: a group belongs to a grid; leader and members are persons of its village. */
export const WomenGroupFormDrawer = ({ mode, onClose }: LedgerFormProps) => {
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const ledger = useLedgerForm({
    onClose,
    mode,
    useRecord: useWomenGroup,
    create: useCreateWomenGroup(),
    update: useUpdateWomenGroup(),
    toCreate: (v: FormValues) => ({
      gridId: v.gridId,
      name: v.name.trim(),
      leaderPersonId: v.leaderPersonId,
      memberIds: v.memberIds ?? [],
      note: trimmed(v.note),
    }),
    toUpdate: (v, rec) => ({
      id: rec.id,
      version: rec.version,
      name: v.name.trim(),
      leaderPersonId: v.leaderPersonId ?? null,
      memberIds: v.memberIds ?? [],
      note: trimmed(v.note) ?? null,
    }),
  });
  const { form, isCreate, record: w } = ledger;
  const grids = useGrids({ orgUnitId: scopeId, status: 'active', pageSize: 200, sort: 'name' });
  const gridId = Form.useWatch('gridId', form) ?? w?.gridId;
  const villageId = w?.orgUnitId ?? grids.data?.items.find((g) => g.id === gridId)?.orgUnitId;
  const persons = useVillagePersons(villageId);
  const known = (persons.data ?? []).map((p) => ({ value: p.id, label: p.name }));

  const initialValues: Partial<FormValues> = w
    ? {
        gridId: w.gridId,
        name: w.name,
        leaderPersonId: w.leaderPersonId ?? undefined,
        memberIds: w.memberIds,
        note: w.note ?? undefined,
      }
    : { memberIds: [] };

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={isCreate ? t('womenGroups.create') : t('womenGroups.edit')}
      width={520}
      testId="women-group"
      initialValues={initialValues}
      onValuesChange={(changed: Partial<FormValues>) => {
        if ('gridId' in changed) form.setFieldsValue({ leaderPersonId: undefined, memberIds: [] });
      }}
    >
      {isCreate ? (
        <Form.Item
          label={t('womenGroups.field.grid')}
          name="gridId"
          rules={[{ required: true, message: t('womenGroups.rule.grid') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={grids.isPending}
            options={(grids.data?.items ?? []).map((g) => ({
              value: g.id,
              label: `${g.orgUnitName} · ${g.name}`,
            }))}
            data-testid="women-group-form-grid"
          />
        </Form.Item>
      ) : (
        <Form.Item label={t('womenGroups.field.grid')}>
          <Input value={w?.gridName} disabled />
        </Form.Item>
      )}
      <NameFormItem
        label={t('womenGroups.field.name')}
        message={t('womenGroups.rule.name')}
        schema={createWomenGroupInputSchema.shape.name}
        maxLength={60}
        testId="women-group-form-name"
      />
      <Form.Item label={t('womenGroups.field.leader')} name="leaderPersonId">
        <PersonSelect orgUnitId={villageId} requireUnit known={known} data-testid="women-group-form-leader" />
      </Form.Item>
      <Form.Item label={t('womenGroups.field.members')} name="memberIds">
        <PersonSelect
          orgUnitId={villageId}
          requireUnit
          isMultiple
          known={known}
          data-testid="women-group-form-members"
        />
      </Form.Item>
      <NoteFormItem />
    </LedgerFormDrawer>
  );
};
