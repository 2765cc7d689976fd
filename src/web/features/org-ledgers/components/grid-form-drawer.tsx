import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { levelOf } from '../../../../contracts/org';
import { createGridInputSchema } from '../../../../contracts/org-ledgers';
import type { LedgerFormProps } from '../../../components/ledger-form-drawer';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { NoteFormItem } from '../../../components/ledger-form-items';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { PersonSelect } from '../../../components/person-select';
import { zodRule } from '../../../lib/form-rules';
import { trimmed } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useCreateGrid } from '../api/create-grid';
import { useGrid } from '../api/get-grid';
import { useUpdateGrid } from '../api/update-grid';

type FormValues = { orgUnitId: string; name: string; memberPersonId?: string; note?: string };

/** 新增网格 / 编辑网格: a grid divides one village; an executive member of it covers the grid. */
export const GridFormDrawer = ({ mode, onClose }: LedgerFormProps) => {
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  // A grid divides a village: the picker starts on the scope only when the scope is a village.
  const scopeKind = tree.data?.find((n) => n.id === scopeId)?.kind;
  const scopeIsVillage = scopeKind !== undefined && levelOf(scopeKind) === 'village';
  const ledger = useLedgerForm({
    onClose,
    mode,
    useRecord: useGrid,
    create: useCreateGrid(),
    update: useUpdateGrid(),
    toCreate: (v: FormValues) => ({
      orgUnitId: v.orgUnitId,
      name: v.name.trim(),
      memberPersonId: v.memberPersonId,
      note: trimmed(v.note),
    }),
    toUpdate: (v, rec) => ({
      id: rec.id,
      version: rec.version,
      name: v.name.trim(),
      memberPersonId: v.memberPersonId ?? null,
      note: trimmed(v.note) ?? null,
    }),
  });
  const { form, isCreate, record: g } = ledger;
  const orgUnitId = Form.useWatch('orgUnitId', form) ?? g?.orgUnitId;

  const initialValues: Partial<FormValues> = g
    ? {
        orgUnitId: g.orgUnitId,
        name: g.name,
        memberPersonId: g.memberPersonId ?? undefined,
        note: g.note ?? undefined,
      }
    : { orgUnitId: scopeIsVillage ? scopeId : undefined };

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={isCreate ? t('grids.create') : t('grids.edit')}
      testId="grid"
      initialValues={initialValues}
    >
      {isCreate ? (
        <Form.Item
          label={t('grids.field.village')}
          name="orgUnitId"
          extra={t('grids.village.hint')}
          rules={[{ required: true, message: t('grids.rule.village') }]}
        >
          <OrgTreeSelect isDisabled={(n) => levelOf(n.kind) !== 'village'} data-testid="grid-form-org" />
        </Form.Item>
      ) : (
        <Form.Item label={t('grids.field.village')}>
          <Input value={g?.orgUnitName} disabled />
        </Form.Item>
      )}
      <Form.Item
        label={t('grids.field.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('grids.rule.name') },
          zodRule(createGridInputSchema.shape.name, t('grids.rule.name')),
        ]}
      >
        <Input maxLength={60} placeholder={t('grids.placeholder.name')} data-testid="grid-form-name" />
      </Form.Item>
      <Form.Item label={t('grids.field.member')} name="memberPersonId" extra={t('grids.member.hint')}>
        <PersonSelect
          orgUnitId={orgUnitId}
          requireUnit
          known={g?.memberPersonId && g.memberName ? [{ value: g.memberPersonId, label: g.memberName }] : []}
          data-testid="grid-form-member"
        />
      </Form.Item>
      <NoteFormItem />
    </LedgerFormDrawer>
  );
};
