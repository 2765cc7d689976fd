import { Alert, App, Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseOutcome,
  caseOutcomeLabels,
  caseOutcomes,
  caseSourceLabels,
  disputeTypeLabels,
  type MediationCase,
  type Party,
} from '../../../../contracts/care';
import { DateField } from '../../../components/date-field';
import { DetailHeading, LedgerRecordDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { RecordHistory } from '../../../components/record-history';
import { toApiDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { revealCase, useCase, useCaseStep, useDeleteCase, useRestoreCase } from '../api/care-api';

type Step = 'sessions' | 'close' | 'reopen' | 'follow-up';
type StepValues = {
  heldOn?: Dayjs;
  attendees?: string;
  notes?: string;
  outcome?: CaseOutcome;
  closedOn?: Dayjs;
  referralNote?: string;
  reason?: string;
  followedUpOn?: Dayjs;
};

/** One step of a case (调解记录, 结案, 重新打开, 回访) as a small form. */
const StepModal = ({ c, step, onClose }: { c: MediationCase; step: Step; onClose: () => void }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<StepValues>();
  const save = useCaseStep();
  const outcome = Form.useWatch('outcome', form);
  const titles: Record<Step, string> = {
    sessions: t('care.sessions.add'),
    close: t('care.caseClose'),
    reopen: t('care.reopen'),
    'follow-up': t('care.followUp'),
  };
  const submit = async () => {
    const v = await form.validateFields();
    const base = { id: c.id, version: c.version };
    const input =
      step === 'sessions'
        ? {
            ...base,
            step,
            heldOn: toApiDate(v.heldOn) as string,
            attendees: (v.attendees ?? '').trim(),
            notes: v.notes?.trim() || undefined,
          }
        : step === 'close'
          ? {
              ...base,
              step,
              outcome: v.outcome as CaseOutcome,
              closedOn: toApiDate(v.closedOn) as string,
              referralNote: v.referralNote?.trim() || undefined,
            }
          : step === 'reopen'
            ? { ...base, step, reason: (v.reason ?? '').trim() }
            : { ...base, step, followedUpOn: toApiDate(v.followedUpOn) as string };
    save.mutate(input, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (e) => onError(e, form),
    });
  };
  const today = dayjs();
  return (
    <Modal
      open
      title={titles[step]}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': `case-${step}-ok` } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ heldOn: today, closedOn: today, followedUpOn: today }}
      >
        {step === 'sessions' && (
          <>
            <Form.Item name="heldOn" label={t('care.sessions.heldOn')} rules={[{ required: true }]}>
              <DateField notFuture />
            </Form.Item>
            <Form.Item
              name="attendees"
              label={t('care.sessions.attendees')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={500} data-testid="case-session-attendees" />
            </Form.Item>
            <Form.Item name="notes" label={t('care.sessions.notes')}>
              <Input.TextArea maxLength={4000} autoSize={{ minRows: 3 }} data-testid="case-session-notes" />
            </Form.Item>
          </>
        )}
        {step === 'close' && (
          <>
            <Form.Item name="outcome" label={t('care.field.outcome')} rules={[{ required: true }]}>
              <Select
                options={caseOutcomes.map((o) => ({ value: o, label: label(caseOutcomeLabels, o) }))}
                data-testid="case-close-outcome"
              />
            </Form.Item>
            <Form.Item name="closedOn" label={t('care.field.closedOn')} rules={[{ required: true }]}>
              <DateField notFuture />
            </Form.Item>
            {outcome === 'noAgreement' && (
              <Form.Item
                name="referralNote"
                label={t('care.referralNote')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
              </Form.Item>
            )}
          </>
        )}
        {step === 'reopen' && (
          <Form.Item
            name="reason"
            label={t('care.reopen.reason')}
            rules={[{ required: true, whitespace: true, min: 2 }]}
          >
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="case-reopen-reason" />
          </Form.Item>
        )}
        {step === 'follow-up' && (
          <Form.Item name="followedUpOn" label={t('care.field.followedUpOn')} rules={[{ required: true }]}>
            <DateField notFuture />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};

/** 查看完整姓名: asks why (the reason goes to the access log), then shows the parties. */
const Reveal = ({ c, onShown }: { c: MediationCase; onShown: (p: Party[]) => void }) => {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [isBusy, setBusy] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="case-reveal">
        {t('care.reveal')}
      </Button>
      <Modal
        open={isOpen}
        title={t('care.reveal')}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: isBusy }}
        onCancel={() => setOpen(false)}
        onOk={() => {
          setBusy(true);
          revealCase(c.id, reason.trim())
            .then(
              (r) => {
                onShown(r.parties);
                setOpen(false);
              },
              (e: unknown) => onError(e),
            )
            .finally(() => setBusy(false));
        }}
      >
        <Input.TextArea
          placeholder={t('care.reveal.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={1000}
          data-testid="case-reveal-reason"
        />
      </Modal>
    </>
  );
};

const CaseBody = ({ c, actions }: { c: MediationCase; actions: ReactNode }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const [step, setStep] = useState<Step | null>(null);
  const [revealed, setRevealed] = useState<Party[] | null>(null);
  const parties = revealed ?? c.parties;
  const canWrite = access.can('care.write') && !c.deletedAt;
  const isClosed = c.status === 'closed';
  return (
    <>
      <DetailHeading
        name={`${c.receivedOn} ${label(disputeTypeLabels, c.disputeType)}`}
        isDeleted={c.deletedAt !== null}
        testId="case-detail-title"
      >
        <Tag color={isClosed ? 'default' : 'blue'} data-testid="case-status">
          {t(`care.caseStatus.${c.status}`)}
        </Tag>
      </DetailHeading>
      {c.isMasked && !revealed && (
        <Alert
          type="info"
          showIcon
          message={t('care.masked')}
          action={<Reveal c={c} onShown={setRevealed} />}
          style={{ marginBottom: 12 }}
        />
      )}
      <RecordFields
        items={[
          { key: 'unit', label: t('ledger.field.orgUnit'), children: c.orgUnitName },
          { key: 'source', label: t('care.field.source'), children: label(caseSourceLabels, c.source) },
          ...(c.ticketNo
            ? [
                { key: 'ticket', label: t('care.field.ticketNo'), children: c.ticketNo },
                { key: 'replyDue', label: t('care.field.replyDueOn'), children: c.replyDueOn ?? '—' },
                { key: 'replied', label: t('care.field.repliedOn'), children: c.repliedOn ?? '—' },
              ]
            : []),
          {
            key: 'parties',
            label: t('care.field.parties'),
            children: <span data-testid="case-parties">{parties.map((p) => p.name).join('、')}</span>,
          },
          { key: 'summary', label: t('care.field.summary'), children: c.summary ?? '—' },
          { key: 'assigned', label: t('care.field.assigned'), children: c.assignedUserName ?? '—' },
          { key: 'mediator', label: t('care.field.mediator'), children: c.mediatorName ?? '—' },
          { key: 'due', label: t('care.field.dueOn'), children: c.dueOn },
          ...(isClosed
            ? [
                {
                  key: 'outcome',
                  label: t('care.field.outcome'),
                  children: label(caseOutcomeLabels, c.outcome),
                },
                { key: 'closed', label: t('care.field.closedOn'), children: c.closedOn },
                { key: 'followDue', label: t('care.field.followUpDueOn'), children: c.followUpDueOn ?? '—' },
                { key: 'followed', label: t('care.field.followedUpOn'), children: c.followedUpOn ?? '—' },
              ]
            : []),
          ...(c.reopenReason
            ? [{ key: 'reopen', label: t('care.field.reopenReason'), children: c.reopenReason }]
            : []),
        ]}
        updatedAt={c.updatedAt}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('care.sessions')}
      </Typography.Title>
      <List
        size="small"
        dataSource={c.sessions}
        locale={{ emptyText: t('care.sessions.none') }}
        renderItem={(s) => (
          <List.Item data-testid="case-session">
            <List.Item.Meta title={`${s.heldOn} · ${s.attendees}`} description={s.notes} />
          </List.Item>
        )}
      />
      {canWrite && (
        <Space wrap style={{ marginTop: 12 }}>
          {!isClosed && (
            <>
              <Button onClick={() => setStep('sessions')} data-testid="case-add-session">
                {t('care.sessions.add')}
              </Button>
              <Button type="primary" onClick={() => setStep('close')} data-testid="case-close">
                {t('care.caseClose')}
              </Button>
            </>
          )}
          {isClosed && c.followUpDueOn && !c.followedUpOn && (
            <Button onClick={() => setStep('follow-up')} data-testid="case-follow-up">
              {t('care.followUp')}
            </Button>
          )}
          {isClosed && (
            <Button onClick={() => setStep('reopen')} data-testid="case-reopen">
              {t('care.reopen')}
            </Button>
          )}
        </Space>
      )}
      {actions}
      <RecordHistory entityType="mediationCase" entityId={c.id} />
      {step && <StepModal c={c} step={step} onClose={() => setStep(null)} />}
    </>
  );
};

/** 调解案件: its fields (parties masked unless assigned), sessions, 结案 / 重新打开 / 回访, history. */
export const CaseDetailDrawer = ({
  caseId,
  onClose,
  onEdit,
}: {
  caseId: string;
  onClose: () => void;
  onEdit: (c: MediationCase) => void;
}) => {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <LedgerRecordDrawer
      query={useCase(caseId)}
      title={t('care.cases.detail')}
      testId="case-detail"
      width={600}
      onClose={onClose}
      actions={{
        permission: 'care.write',
        name: (c) => `${c.receivedOn} ${label(disputeTypeLabels, c.disputeType)}`,
        remove: useDeleteCase(),
        restore: useRestoreCase(),
        onEdit,
        testIdPrefix: 'case',
      }}
    >
      {(c, actions) => <CaseBody c={c} actions={actions} />}
    </LedgerRecordDrawer>
  );
};
