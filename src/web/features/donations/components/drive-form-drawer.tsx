import { Form, Input, Select, Space } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type Drive, drivePurposeLabels, drivePurposes, formatYuan } from '../../../../contracts/donations';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgUnitFormItem } from '../../../components/ledger-form-items';
import { fromApiDate, toApiDate, trimmed } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useCreateDrive, useUpdateDrive } from '../api/donations-api';
import { fenOf, yuanRule } from './money';

type Values = {
  orgUnitId: string;
  name: string;
  purpose: Drive['purpose'];
  description?: string;
  startsOn: dayjs.Dayjs;
  endsOn: dayjs.Dayjs;
  target?: string;
};

/** 新建募捐活动 / 编辑: name, purpose, owner unit, period and target (yuan typed, fen sent). */
export const DriveFormDrawer = ({ drive, onClose }: { drive?: Drive; onClose: () => void }) => {
  const label = useLabel();
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const ledger = useLedgerForm({
    onClose,
    isCreate: !drive,
    record: drive,
    create: useCreateDrive(),
    update: useUpdateDrive(),
    toCreate: (v: Values) => ({
      orgUnitId: v.orgUnitId,
      name: v.name.trim(),
      purpose: v.purpose,
      description: trimmed(v.description),
      startsOn: toApiDate(v.startsOn) as string,
      endsOn: toApiDate(v.endsOn) as string,
      targetFen: fenOf(v.target),
    }),
    toUpdate: (v, rec: Drive) => ({
      id: rec.id,
      version: rec.version,
      name: v.name.trim(),
      purpose: v.purpose,
      description: trimmed(v.description) ?? null,
      startsOn: toApiDate(v.startsOn),
      endsOn: toApiDate(v.endsOn),
      targetFen: fenOf(v.target) ?? null,
    }),
  });
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={drive ? t('donations.drive.edit') : t('donations.drive.create')}
      testId="drive"
      initialValues={
        drive
          ? {
              orgUnitId: drive.orgUnitId,
              name: drive.name,
              purpose: drive.purpose,
              description: drive.description ?? undefined,
              startsOn: fromApiDate(drive.startsOn),
              endsOn: fromApiDate(drive.endsOn),
              target: drive.targetFen ? formatYuan(drive.targetFen).replaceAll(',', '') : undefined,
            }
          : { orgUnitId: scopeId, purpose: 'studentAid' }
      }
    >
      <OrgUnitFormItem
        isCreate={!drive}
        orgUnitName={drive?.orgUnitName}
        label={t('donations.field.owner')}
        testId="drive-form-org"
      />
      <Form.Item
        label={t('donations.field.driveName')}
        name="name"
        rules={[{ required: true, message: t('donations.rule.driveName') }]}
      >
        <Input maxLength={80} data-testid="drive-form-name" />
      </Form.Item>
      <Form.Item label={t('donations.field.purpose')} name="purpose" rules={[{ required: true }]}>
        <Select
          data-testid="drive-form-purpose"
          options={drivePurposes.map((p) => ({ value: p, label: label(drivePurposeLabels, p) }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item
          label={t('donations.field.startsOn')}
          name="startsOn"
          rules={[{ required: true, message: t('donations.rule.date') }]}
        >
          <DateField data-testid="drive-form-starts" />
        </Form.Item>
        <Form.Item
          label={t('donations.field.endsOn')}
          name="endsOn"
          rules={[{ required: true, message: t('donations.rule.date') }]}
        >
          <DateField data-testid="drive-form-ends" />
        </Form.Item>
      </Space>
      <Form.Item label={t('donations.field.target')} name="target" rules={[yuanRule(false)]}>
        <Input inputMode="decimal" suffix="元" data-testid="drive-form-target" />
      </Form.Item>
      <Form.Item label={t('donations.field.description')} name="description">
        <Input.TextArea maxLength={1000} rows={3} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
