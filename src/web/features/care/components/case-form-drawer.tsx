import { Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  type CaseSource,
  caseSourceLabels,
  caseSources,
  type DisputeType,
  disputeTypeLabels,
  disputeTypes,
  type MediationCase,
} from '../../../../contracts/care';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgUnitFormItem } from '../../../components/ledger-form-items';
import { PersonSelect } from '../../../components/person-select';
import { fromApiDate, toApiDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useCreateCase, useUpdateCase } from '../api/care-api';

type Values = {
  orgUnitId?: string;
  source?: CaseSource;
  ticketNo?: string;
  replyDueOn?: Dayjs;
  disputeType?: DisputeType;
  parties?: string;
  summary?: string;
  mediatorPersonId?: string;
  receivedOn?: Dayjs;
};

/** Names typed as 张桂兰、刘翠花: the first is the applicant, the others respondents. */
export const partiesOf = (text: string | undefined) =>
  (text ?? '')
    .split(/[、,，;；\s]+/)
    .map((n) => n.trim())
    .filter(Boolean)
    .map((name, n) => ({ name, role: n === 0 ? ('applicant' as const) : ('respondent' as const) }));

/** A key person whose screening is referred to mediation: the case starts from her. */
export type ReferredFrom = { keyPersonId: string; orgUnitId: string; personName: string };

/**
 * 受理案件: source (a 12345 ticket needs its number and reply deadline), type, parties, mediator; from a
 * screening referral, the key person is linked and named the applicant.
 */
export const CaseFormDrawer = ({
  defaultOrgUnitId,
  referredFrom,
  onClose,
}: {
  defaultOrgUnitId: string | undefined;
  referredFrom?: ReferredFrom;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const label = useLabel();
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    create: useCreateCase(),
    toCreate: (v: Values) => ({
      orgUnitId: v.orgUnitId as string,
      source: v.source as CaseSource,
      ticketNo: v.ticketNo?.trim() || undefined,
      replyDueOn: toApiDate(v.replyDueOn),
      disputeType: v.disputeType as DisputeType,
      parties: partiesOf(v.parties),
      summary: v.summary?.trim() || undefined,
      mediatorPersonId: v.mediatorPersonId,
      receivedOn: toApiDate(v.receivedOn) as string,
      keyPersonId: referredFrom?.keyPersonId,
    }),
  });
  const source = Form.useWatch('source', ledger.form);
  const orgUnitId = Form.useWatch('orgUnitId', ledger.form) ?? defaultOrgUnitId;
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('care.cases.create')}
      testId="case"
      width={520}
      formSize="large"
      initialValues={
        referredFrom
          ? {
              orgUnitId: referredFrom.orgUnitId,
              source: 'screening',
              parties: referredFrom.personName,
              receivedOn: dayjs(),
            }
          : { orgUnitId: defaultOrgUnitId, source: 'walkIn', receivedOn: dayjs() }
      }
    >
      <OrgUnitFormItem isCreate orgUnitName={undefined} testId="case-form-unit" />
      <Form.Item name="source" label={t('care.field.source')} rules={[{ required: true }]}>
        <Select
          options={caseSources.map((s) => ({ value: s, label: label(caseSourceLabels, s) }))}
          data-testid="case-form-source"
        />
      </Form.Item>
      {source === 'hotline' && (
        <>
          <Form.Item
            name="ticketNo"
            label={t('care.field.ticketNo')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={40} data-testid="case-form-ticket" />
          </Form.Item>
          <Form.Item name="replyDueOn" label={t('care.field.replyDueOn')} rules={[{ required: true }]}>
            <DateField data-testid="case-form-reply-due" />
          </Form.Item>
        </>
      )}
      <Form.Item name="disputeType" label={t('care.field.disputeType')} rules={[{ required: true }]}>
        <Select
          options={disputeTypes.map((d) => ({ value: d, label: label(disputeTypeLabels, d) }))}
          data-testid="case-form-type"
        />
      </Form.Item>
      <Form.Item
        name="parties"
        label={t('care.field.parties')}
        extra={t('care.field.partiesHint')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} data-testid="case-form-parties" />
      </Form.Item>
      <Form.Item name="receivedOn" label={t('care.field.receivedOn')} rules={[{ required: true }]}>
        <DateField notFuture data-testid="case-form-received" />
      </Form.Item>
      <Form.Item name="mediatorPersonId" label={t('care.field.mediator')}>
        <PersonSelect orgUnitId={orgUnitId} data-testid="case-form-mediator" />
      </Form.Item>
      <Form.Item name="summary" label={t('care.field.summary')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} data-testid="case-form-summary" />
      </Form.Item>
    </LedgerFormDrawer>
  );
};

type EditValues = {
  ticketNo?: string;
  replyDueOn?: Dayjs;
  repliedOn?: Dayjs;
  disputeType?: DisputeType;
  parties?: string;
  summary?: string;
  dueOn?: Dayjs;
};

/**
 * 编辑 an open case: type, summary, the 12345 reply, the time limit; the parties only for whoever sees
 * them in full (a masked name is never saved back over the real one — the server refuses it too).
 */
export const CaseEditDrawer = ({ record, onClose }: { record: MediationCase; onClose: () => void }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const ledger = useLedgerForm({
    onClose,
    isCreate: false,
    record,
    update: useUpdateCase(),
    toUpdate: (v: EditValues, c: MediationCase) => ({
      id: c.id,
      version: c.version,
      disputeType: v.disputeType,
      summary: v.summary?.trim() || null,
      dueOn: toApiDate(v.dueOn),
      ...(c.source === 'hotline'
        ? {
            ticketNo: v.ticketNo?.trim() || null,
            replyDueOn: toApiDate(v.replyDueOn) ?? null,
            repliedOn: toApiDate(v.repliedOn) ?? null,
          }
        : {}),
      ...(c.isMasked ? {} : { parties: partiesOf(v.parties) }),
    }),
  });
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('care.cases.edit')}
      testId="case-edit"
      width={520}
      formSize="large"
      initialValues={{
        ticketNo: record.ticketNo ?? undefined,
        replyDueOn: fromApiDate(record.replyDueOn),
        repliedOn: fromApiDate(record.repliedOn),
        disputeType: record.disputeType,
        parties: record.parties.map((p) => p.name).join('、'),
        summary: record.summary ?? undefined,
        dueOn: fromApiDate(record.dueOn),
      }}
    >
      <Form.Item name="disputeType" label={t('care.field.disputeType')} rules={[{ required: true }]}>
        <Select options={disputeTypes.map((d) => ({ value: d, label: label(disputeTypeLabels, d) }))} />
      </Form.Item>
      <Form.Item name="parties" label={t('care.field.parties')} extra={t('care.field.partiesHint')}>
        <Input maxLength={200} disabled={record.isMasked} />
      </Form.Item>
      {record.source === 'hotline' && (
        <>
          <Form.Item name="ticketNo" label={t('care.field.ticketNo')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="replyDueOn" label={t('care.field.replyDueOn')}>
            <DateField />
          </Form.Item>
          <Form.Item name="repliedOn" label={t('care.field.repliedOn')}>
            <DateField notFuture data-testid="case-edit-replied" />
          </Form.Item>
        </>
      )}
      <Form.Item name="dueOn" label={t('care.field.dueOn')} rules={[{ required: true }]}>
        <DateField />
      </Form.Item>
      <Form.Item name="summary" label={t('care.field.summary')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
