import { Alert, Button, Descriptions, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  type Disbursement,
  type DisbursementAction,
  type Donation,
  disbursementActionLabels,
  disbursementFlow,
  disbursementStatusLabels,
  donationKindLabels,
  drivePurposeLabels,
  paymentMethodLabels,
} from '../../../../contracts/donations';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { DeleteConfirm } from '../../../components/ledger-actions';
import { LedgerEmpty, LedgerResults } from '../../../components/ledger-page';
import { PageError, PageLoading } from '../../../components/page-states';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useListParams } from '../../../lib/use-list-params';
import {
  donationKeys,
  useDeleteDonation,
  useDisbursements,
  useDonations,
  useDrive,
  usePublicity,
  useReconciliation,
  useStepDisbursement,
} from '../api/donations-api';
import { DisbursementFormDrawer } from '../components/disbursement-form-drawer';
import { DonationFormDrawer } from '../components/donation-form-drawer';
import { DriveFormDrawer } from '../components/drive-form-drawer';
import { yuanText } from '../components/money';
import { ReceiptModal } from '../components/receipt-modal';
import { StepModal } from '../components/step-modal';

const statusColor: Record<Disbursement['status'], string> = {
  submitted: 'blue',
  townApproved: 'cyan',
  ownerApproved: 'gold',
  paid: 'green',
  rejected: 'default',
};

/** 募捐活动详情: its donations (receipts), disbursements (approval steps), reconciliation and 公示. */
export const DrivePage = () => {
  const label = useLabel();
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const driveId = search.get('driveId') ?? '';
  const { access } = useSession();
  const drive = useDrive(driveId);
  const [tab, setTab] = useState('donations');
  const [form, setForm] = useState<'donation' | 'disbursement' | 'edit' | null>(null);
  const [receiptOf, setReceiptOf] = useState<string | null>(null);
  const [step, setStep] = useState<{ d: Disbursement; action: DisbursementAction } | null>(null);
  const donationList = useListParams<Donation>();
  const disbursementList = useListParams<Disbursement>();
  const donations = useDonations({ driveId, page: donationList.page, pageSize: donationList.pageSize });
  const disbursements = useDisbursements({
    driveId,
    page: disbursementList.page,
    pageSize: disbursementList.pageSize,
  });
  const reconciliation = useReconciliation(driveId);
  const publicity = usePublicity(driveId);
  const removeDonation = useDeleteDonation();
  const stepping = useStepDisbursement();
  const onError = useApiErrorHandler();
  if (drive.isPending) return <PageLoading />;
  if (drive.isError) return <PageError error={drive.error} onRetry={() => void drive.refetch()} />;
  const d = drive.data;
  const canWrite = access.can('donations.write');
  const canApprove = access.can('donations.approve');

  const donationColumns = [
    { title: t('donations.field.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    { title: t('donations.field.receiptNo'), dataIndex: 'receiptNo' },
    {
      title: t('donations.field.donorName'),
      key: 'donor',
      render: (_: unknown, x: Donation) => (
        <span>
          {x.donorName} {x.isAnonymous && <Tag>{t('donations.field.anonymous')}</Tag>}
        </span>
      ),
    },
    {
      title: t('donations.field.kind'),
      dataIndex: 'kind',
      render: (k: Donation['kind']) => label(donationKindLabels, k),
    },
    {
      title: t('donations.field.amount'),
      key: 'amount',
      align: 'right' as const,
      render: (_: unknown, x: Donation) => yuanText(x.amountFen ?? x.estimatedValueFen),
    },
    {
      title: t('donations.field.method'),
      dataIndex: 'method',
      render: (m: Donation['method']) => (m ? label(paymentMethodLabels, m) : '—'),
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, x: Donation) => donationActions(x),
    },
  ];
  function donationActions(x: Donation) {
    return (
      <Space onClick={(e) => e.stopPropagation()}>
        <Button size="small" onClick={() => setReceiptOf(x.id)} data-testid="donation-receipt">
          {t('donations.receipt.open')}
        </Button>
        {canWrite && (
          <DeleteConfirm
            name={`${x.receiptNo} ${x.donorName}`}
            onConfirm={() =>
              removeDonation.mutate({ id: x.id, version: x.version }, { onError: (e) => onError(e) })
            }
          >
            <Button size="small" danger>
              {t('common.delete')}
            </Button>
          </DeleteConfirm>
        )}
      </Space>
    );
  }

  const actionsOf = (x: Disbursement) =>
    (Object.keys(disbursementFlow) as DisbursementAction[]).filter((a) =>
      disbursementFlow[a].includes(x.status),
    );

  const disbursementColumns = [
    { title: t('donations.field.submittedOn'), dataIndex: 'submittedOn', width: 110 },
    { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
    { title: t('donations.field.beneficiary'), dataIndex: 'beneficiaryName' },
    { title: t('donations.field.amount'), dataIndex: 'amountFen', align: 'right' as const, render: yuanText },
    {
      title: t('donations.field.status'),
      dataIndex: 'status',
      render: (s: Disbursement['status']) => (
        <Tag color={statusColor[s]}>{label(disbursementStatusLabels, s)}</Tag>
      ),
    },
    { title: t('donations.field.paidOn'), dataIndex: 'paidOn', render: (v: string | null) => v ?? '—' },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, x: Disbursement) => disbursementActions(x),
    },
  ];
  function disbursementActions(x: Disbursement) {
    return (
      canApprove && (
        <Space wrap onClick={(e) => e.stopPropagation()}>
          {actionsOf(x).map((a) => (
            <Button
              key={a}
              size="small"
              danger={a === 'reject'}
              type={a === 'reject' ? 'default' : 'primary'}
              onClick={() => setStep({ d: x, action: a })}
              data-testid={`disbursement-${a}`}
            >
              {label(disbursementActionLabels, a)}
            </Button>
          ))}
        </Space>
      )
    );
  }

  const r = reconciliation.data;
  const p = publicity.data;
  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1 data-testid="drive-title">{d.name}</h1>
          <span className="bbt-muted">
            {label(drivePurposeLabels, d.purpose)} · {d.orgUnitName} · {d.startsOn} ~ {d.endsOn}
          </span>
        </div>
        <Space wrap>
          <Button onClick={() => navigate('/donations')}>{t('donations.back')}</Button>
          {canWrite && <Button onClick={() => setForm('edit')}>{t('common.edit')}</Button>}
          {canWrite && (
            <Button onClick={() => setForm('donation')} data-testid="donation-create">
              {t('donations.donation.create')}
            </Button>
          )}
          {canWrite && (
            <Button type="primary" onClick={() => setForm('disbursement')} data-testid="disbursement-create">
              {t('donations.disbursement.create')}
            </Button>
          )}
        </Space>
      </div>
      <Descriptions size="small" column={{ xs: 2, sm: 3, md: 5 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('donations.field.raised')}>{yuanText(d.raisedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('donations.field.committed')}>
          {yuanText(d.committedFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('donations.field.paid')}>{yuanText(d.paidFen)}</Descriptions.Item>
        <Descriptions.Item label={t('donations.field.balance')}>
          <strong data-testid="drive-balance">{yuanText(d.balanceFen)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('donations.field.inKind')}>{yuanText(d.inKindFen)}</Descriptions.Item>
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'donations',
            label: t('donations.tab.donations'),
            children: (
              <>
                <LedgerIoButtons
                  ledgerBase="/api/v1/donations/donations"
                  ledgerName={t('donations.ledgerName')}
                  invalidate={[donationKeys.all, ['indicators']]}
                  canImport={access.can('donations.import')}
                  canExport={access.can('donations.export')}
                  exportQuery={{ driveId }}
                  testIdPrefix="donations"
                />
                <LedgerResults<Donation>
                  query={donations}
                  list={donationList}
                  empty={
                    <LedgerEmpty status="active" isFiltered={false} text={t('donations.donations.empty')} />
                  }
                  cards={{
                    title: (x) => (
                      <span>
                        {x.donorName} {x.isAnonymous && <Tag>{t('donations.field.anonymous')}</Tag>}
                      </span>
                    ),
                    extra: (x) => yuanText(x.amountFen ?? x.estimatedValueFen),
                    fields: (x) => [
                      { key: 'on', label: t('donations.field.receivedOn'), children: x.receivedOn },
                      { key: 'no', label: t('donations.field.receiptNo'), children: x.receiptNo },
                      {
                        key: 'kind',
                        label: t('donations.field.kind'),
                        children: x.method
                          ? label(paymentMethodLabels, x.method)
                          : label(donationKindLabels, x.kind),
                      },
                      { key: 'actions', label: '', children: donationActions(x) },
                    ],
                    testId: 'donation-row',
                  }}
                  rowTestId="donation-row"
                  columns={donationColumns}
                />
              </>
            ),
          },
          {
            key: 'disbursements',
            label: t('donations.tab.disbursements'),
            children: (
              <>
                {access.can('donations.export') && (
                  <Button
                    href={`/api/v1/donations/disbursements/export?driveId=${encodeURIComponent(driveId)}`}
                    data-testid="disbursements-export"
                    style={{ marginBottom: 8 }}
                  >
                    {t('donations.reconciliation.export')}
                  </Button>
                )}
                <LedgerResults<Disbursement>
                  query={disbursements}
                  list={disbursementList}
                  empty={
                    <LedgerEmpty
                      status="active"
                      isFiltered={false}
                      text={t('donations.disbursements.empty')}
                    />
                  }
                  cards={{
                    title: (x) => `${x.beneficiaryName}（${x.orgUnitName}）`,
                    extra: (x) => (
                      <Tag color={statusColor[x.status]}>{label(disbursementStatusLabels, x.status)}</Tag>
                    ),
                    fields: (x) => [
                      { key: 'amount', label: t('donations.field.amount'), children: yuanText(x.amountFen) },
                      { key: 'on', label: t('donations.field.submittedOn'), children: x.submittedOn },
                      { key: 'paid', label: t('donations.field.paidOn'), children: x.paidOn ?? '—' },
                      ...(canApprove && actionsOf(x).length
                        ? [{ key: 'actions', label: '', children: disbursementActions(x) }]
                        : []),
                    ],
                    testId: 'disbursement-row',
                  }}
                  rowTestId="disbursement-row"
                  columns={disbursementColumns}
                />
              </>
            ),
          },
          {
            key: 'reconciliation',
            label: t('donations.tab.reconciliation'),
            children: r ? (
              <div className="bbt-print-area" data-testid="reconciliation">
                {!r.isBalanced && (
                  <Alert type="error" showIcon message={t('donations.reconciliation.unbalanced')} />
                )}
                <Table
                  rowKey="month"
                  size="small"
                  pagination={false}
                  dataSource={r.months}
                  columns={[
                    { title: t('donations.field.month'), dataIndex: 'month' },
                    {
                      title: t('donations.field.received'),
                      dataIndex: 'receivedFen',
                      align: 'right',
                      render: yuanText,
                    },
                    { title: t('donations.field.donationCount'), dataIndex: 'donationCount', align: 'right' },
                    {
                      title: t('donations.field.paid'),
                      dataIndex: 'paidFen',
                      align: 'right',
                      render: yuanText,
                    },
                    { title: t('donations.field.paidCount'), dataIndex: 'paidCount', align: 'right' },
                    {
                      title: t('donations.field.cash'),
                      dataIndex: 'cashFen',
                      align: 'right',
                      render: yuanText,
                    },
                  ]}
                />
                <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
                  <Descriptions.Item label={t('donations.field.received')}>
                    {yuanText(r.receivedFen)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('donations.field.paid')}>
                    {yuanText(r.paidFen)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('donations.field.pending')}>
                    {yuanText(r.pendingFen)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('donations.field.balance')}>
                    {yuanText(r.computedBalanceFen)}{' '}
                    {r.isBalanced ? <Tag color="green">{t('donations.reconciliation.ok')}</Tag> : null}
                  </Descriptions.Item>
                </Descriptions>
                <Space>
                  <Button onClick={() => window.print()}>{t('donations.print')}</Button>
                  {access.can('donations.export') && (
                    <Button
                      href={`/api/v1/donations/drives/${encodeURIComponent(driveId)}/reconciliation/export`}
                      data-testid="reconciliation-export"
                    >
                      {t('donations.reconciliation.export')}
                    </Button>
                  )}
                </Space>
              </div>
            ) : (
              <PageLoading rows={3} />
            ),
          },
          {
            key: 'publicity',
            label: t('donations.tab.publicity'),
            children: p ? (
              <div className="bbt-print-area" data-testid="publicity">
                <h2 style={{ textAlign: 'center' }}>
                  {p.orgUnitName}“{p.driveName}”{t('donations.publicity.heading')}
                </h2>
                <p>
                  {t('donations.publicity.intro', {
                    from: p.startsOn,
                    to: p.endsOn,
                    received: yuanText(p.receivedFen),
                    paid: yuanText(p.paidFen),
                    balance: yuanText(p.balanceFen),
                  })}
                </p>
                <h3>{t('donations.publicity.donations')}</h3>
                <Table
                  rowKey={(_, i) => String(i)}
                  size="small"
                  pagination={false}
                  dataSource={p.donations}
                  columns={[
                    { title: t('donations.field.receivedOn'), dataIndex: 'receivedOn' },
                    { title: t('donations.field.donorName'), dataIndex: 'donor' },
                    {
                      title: t('donations.field.amount'),
                      dataIndex: 'amountFen',
                      align: 'right',
                      render: yuanText,
                    },
                    {
                      title: t('donations.field.items'),
                      dataIndex: 'items',
                      render: (v: string | null) => v ?? '',
                    },
                  ]}
                />
                <h3>{t('donations.publicity.disbursements')}</h3>
                <Table
                  rowKey={(_, i) => String(i)}
                  size="small"
                  pagination={false}
                  dataSource={p.disbursements}
                  columns={[
                    { title: t('donations.field.paidOn'), dataIndex: 'paidOn' },
                    { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
                    { title: t('donations.field.beneficiary'), dataIndex: 'beneficiary' },
                    {
                      title: t('donations.field.amount'),
                      dataIndex: 'amountFen',
                      align: 'right',
                      render: yuanText,
                    },
                  ]}
                />
                <p className="bbt-muted">{t('donations.publicity.privacy')}</p>
                <Button onClick={() => window.print()}>{t('donations.print')}</Button>
              </div>
            ) : (
              <PageLoading rows={3} />
            ),
          },
        ]}
      />
      {form === 'edit' && <DriveFormDrawer drive={d} onClose={() => setForm(null)} />}
      {form === 'donation' && <DonationFormDrawer drive={d} onClose={() => setForm(null)} />}
      {form === 'disbursement' && <DisbursementFormDrawer drive={d} onClose={() => setForm(null)} />}
      {receiptOf && <ReceiptModal donationId={receiptOf} onClose={() => setReceiptOf(null)} />}
      {step && (
        <StepModal
          title={`${label(disbursementActionLabels, step.action)}：${step.d.beneficiaryName} ${yuanText(step.d.amountFen)}`}
          needsNote={step.action === 'reject'}
          isPayment={step.action === 'pay'}
          minDate={step.d.steps.at(-1)?.on}
          saving={stepping.isPending}
          onClose={() => setStep(null)}
          onSave={(v, done, failed) =>
            stepping.mutate(
              {
                id: step.d.id,
                action: step.action,
                version: step.d.version,
                on: v.on,
                note: v.note,
                paidMethod: v.paidMethod,
                payer: v.payer,
              },
              { onSuccess: done, onError: failed },
            )
          }
        />
      )}
    </div>
  );
};
