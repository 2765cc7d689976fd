import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionGroup } from '../../../../contracts/courtyards';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { PersonSelect } from '../../../components/person-select';
import { useCreateGroup, useUpdateGroup } from '../api/save-group';

type Props = {
  group: InspectionGroup | null;
  townId: string | undefined;
  towns: { id: string; name: string }[];
  onClose: () => void;
};

type Values = { orgUnitId: string; name: string; memberIds: string[]; note?: string };

/** 新建 / 编辑验收小组: a name and the village chairs in it (from any village of the town). */
export const GroupFormDrawer = ({ group, townId, towns, onClose }: Props) => {
  const { t } = useTranslation();
  const ledger = useLedgerForm({
    onClose,
    isCreate: !group,
    record: group ?? undefined,
    create: useCreateGroup(),
    update: useUpdateGroup(),
    toCreate: (v: Values) => ({
      orgUnitId: v.orgUnitId,
      name: v.name,
      memberIds: v.memberIds,
      note: v.note?.trim() || undefined,
    }),
    toUpdate: (v, g) => ({
      id: g.id,
      version: g.version,
      name: v.name,
      memberIds: v.memberIds,
      note: v.note?.trim() || null,
    }),
  });
  const unit = Form.useWatch('orgUnitId', ledger.form) ?? group?.orgUnitId ?? townId;

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={group ? t('courtyards.group.edit') : t('courtyards.group.create')}
      testId="group"
      submitTestId="group-save"
      width={520}
      initialValues={{
        orgUnitId: group?.orgUnitId ?? townId,
        name: group?.name ?? '',
        memberIds: group?.memberIds ?? [],
        note: group?.note ?? '',
      }}
    >
      <Form.Item
        name="orgUnitId"
        label={t('courtyards.field.town')}
        rules={[{ required: true, message: t('courtyards.rule.town') }]}
      >
        <Select disabled={Boolean(group)} options={towns.map((x) => ({ value: x.id, label: x.name }))} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('courtyards.group.name')}
        rules={[{ required: true, whitespace: true, message: t('courtyards.rule.groupName') }, { max: 40 }]}
      >
        <Input maxLength={40} placeholder={t('courtyards.group.namePlaceholder')} data-testid="group-name" />
      </Form.Item>
      <Form.Item
        name="memberIds"
        label={t('courtyards.group.members')}
        extra={t('courtyards.group.membersHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('courtyards.rule.members') }]}
      >
        <PersonSelect
          orgUnitId={unit}
          requireUnit
          isMultiple
          known={(group?.memberIds ?? []).map((id, n) => ({
            value: id,
            label: group?.memberNames[n] ?? id,
          }))}
          data-testid="group-members"
        />
      </Form.Item>
      <Form.Item name="note" label={t('courtyards.field.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
