import { App, Form, InputNumber, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { NoteFormItem } from '../../../components/ledger-form-items';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { PersonSelect } from '../../../components/person-select';
import { toApiDate } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useRecordElection } from '../api/record-election';

type FormValues = {
  orgUnitId: string;
  heldOn: dayjs.Dayjs;
  seats?: number;
  termYears: number;
  chairId: string;
  viceChairIds?: string[];
  executiveMemberIds?: string[];
  note?: string;
};

type Props = { onClose: () => void };

/** 登记换届: the elected chair, vice-chairs and executive members replace the unit's open terms. */
export const ElectionFormDrawer = ({ onClose }: Props) => {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    create: useRecordElection(),
    toCreate: (v: FormValues) => ({
      orgUnitId: v.orgUnitId,
      heldOn: toApiDate(v.heldOn) as string,
      seats: v.seats ?? undefined,
      termYears: v.termYears,
      chairId: v.chairId,
      viceChairIds: v.viceChairIds ?? [],
      executiveMemberIds: v.executiveMemberIds ?? [],
      note: v.note?.trim() || undefined,
    }),
    createdMessage: (e) => t('elections.recorded', { count: e.endedTerms }),
    closeOnError: 'never',
    // Whose open terms end the day before: said, and confirmed, before the save.
    confirm: (v, save) => {
      const unitName = tree.data?.find((n) => n.id === v.orgUnitId)?.name ?? '';
      const dayBefore = v.heldOn.subtract(1, 'day').format('YYYY-MM-DD');
      modal.confirm({
        title: t('elections.confirmTitle', { unit: unitName }),
        content: (
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('elections.confirmBody', {
              date: dayBefore,
              count: 1 + (v.viceChairIds?.length ?? 0) + (v.executiveMemberIds?.length ?? 0),
            })}
          </Typography.Paragraph>
        ),
        okText: t('elections.confirmOk'),
        cancelText: t('common.cancel'),
        onOk: save,
      });
    },
  });
  const { form } = ledger;
  const orgUnitId = Form.useWatch('orgUnitId', form);

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('elections.create')}
      testId="election"
      width={520}
      saveLabel={t('elections.submit')}
      extra={<Typography.Paragraph type="secondary">{t('elections.formHint')}</Typography.Paragraph>}
      initialValues={{ orgUnitId: scopeId, termYears: 5, heldOn: dayjs() }}
      onValuesChange={(changed) => {
        // Picks belong to one unit: changing the unit clears them.
        if ('orgUnitId' in changed)
          form.setFieldsValue({ chairId: undefined, viceChairIds: [], executiveMemberIds: [] });
      }}
    >
      <Form.Item
        label={t('elections.field.orgUnit')}
        name="orgUnitId"
        rules={[{ required: true, message: t('ledger.rule.orgUnit') }]}
      >
        <OrgTreeSelect data-testid="election-form-org" />
      </Form.Item>
      <Space wrap>
        <Form.Item
          label={t('elections.field.heldOn')}
          name="heldOn"
          rules={[{ required: true, message: t('elections.rule.heldOn') }]}
        >
          <DateField data-testid="election-form-held" />
        </Form.Item>
        <Form.Item
          label={t('elections.field.termYears')}
          name="termYears"
          rules={[{ required: true, message: t('elections.rule.termYears') }]}
        >
          <InputNumber min={1} max={10} />
        </Form.Item>
        <Form.Item label={t('elections.field.seats')} name="seats">
          <InputNumber min={1} max={200} />
        </Form.Item>
      </Space>
      <Form.Item
        label={t('elections.field.chair')}
        name="chairId"
        rules={[{ required: true, message: t('elections.rule.chair') }]}
      >
        <PersonSelect orgUnitId={orgUnitId} requireUnit data-testid="election-form-chair" />
      </Form.Item>
      <Form.Item label={t('elections.field.viceChairs')} name="viceChairIds">
        <PersonSelect orgUnitId={orgUnitId} requireUnit isMultiple data-testid="election-form-vice" />
      </Form.Item>
      <Form.Item label={t('elections.field.executiveMembers')} name="executiveMemberIds">
        <PersonSelect orgUnitId={orgUnitId} requireUnit isMultiple data-testid="election-form-members" />
      </Form.Item>
      <NoteFormItem />
    </LedgerFormDrawer>
  );
};
