import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  aidFundLabels,
  type CancerAid,
  type CancerAidAction,
  cancerAidActionLabels,
  cancerAidFlow,
  cancerAidStatusLabels,
  cancerTypeLabels,
} from '../../../../contracts/donations';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { CreateButton } from '../../../components/ledger-toolbar';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useListParams } from '../../../lib/use-list-params';
import { useCancerAid, useStepCancerAid, useUploadAidDocument } from '../api/donations-api';
import { AidFormDrawer } from '../components/aid-form-drawer';
import { yuanText } from '../components/money';
import { StepModal } from '../components/step-modal';
import '../../../components/ledger.css';
import { useLabel } from '../../../lib/labels';

const color: Record<CancerAid['status'], string> = {
  draft: 'default',
  submitted: 'blue',
  townReviewed: 'cyan',
  countyReviewed: 'purple',
  granted: 'gold',
  refused: 'red',
  paid: 'green',
};

/** 两癌救助: applications of the scope (names masked), each with the steps it may take next. */
export const AidPage = () => {
  const label = useLabel();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access, csrfToken } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<CancerAid>();
  const [waitingOnMe, setWaiting] = useState(false);
  const query = useCancerAid({
    orgUnitId: scopeId,
    page: list.page,
    pageSize: list.pageSize,
    waitingOnMe: waitingOnMe ? '1' : undefined,
  });
  const [isCreating, setCreating] = useState(false);
  const [step, setStep] = useState<{ a: CancerAid; action: CancerAidAction } | null>(null);
  const stepping = useStepCancerAid();
  const upload = useUploadAidDocument();
  const onError = useApiErrorHandler();
  const canAct = (action: CancerAidAction) =>
    access.can(action === 'submit' ? 'cancerAid.write' : 'cancerAid.review');
  const actions = (a: CancerAid) => (
    <Space wrap onClick={(e) => e.stopPropagation()}>
      {['draft', 'submitted'].includes(a.status) && access.can('cancerAid.write') && (
        <Upload
          accept="image/jpeg,image/png,image/webp,application/pdf"
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(
              { aidId: a.id, file, csrfToken },
              {
                onSuccess: () => void message.success(t('donations.aid.uploaded')),
                onError: (e) => onError(e),
              },
            );
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="aid-upload">
            {a.hasDocument ? t('donations.aid.replaceDocument') : t('donations.aid.uploadDocument')}
          </Button>
        </Upload>
      )}
      {a.hasDocument && (
        <a href={`/api/v1/cancer-aid/${a.id}/document`} target="_blank" rel="noreferrer">
          {t('donations.aid.viewDocument')}
        </a>
      )}
      {(Object.keys(cancerAidFlow) as CancerAidAction[])
        .filter((k) => cancerAidFlow[k].includes(a.status) && canAct(k))
        .map((k) => (
          <Button
            key={k}
            size="small"
            danger={k === 'refuse'}
            type={k === 'refuse' ? 'default' : 'primary'}
            onClick={() => setStep({ a, action: k })}
            data-testid={`aid-${k}`}
          >
            {label(cancerAidActionLabels, k)}
          </Button>
        ))}
    </Space>
  );
  return (
    <div>
      <LedgerPageHeader
        title={t('menu.donations.aid')}
        hint={t('donations.aid.hint')}
        isScopeShown
        toolbar={
          <Space>
            <Button
              type={waitingOnMe ? 'primary' : 'default'}
              onClick={() => setWaiting((w) => !w)}
              data-testid="aid-waiting"
            >
              {t('donations.waitingOnMe')}
            </Button>
            {access.can('cancerAid.write') && (
              <CreateButton
                label={t('donations.aid.create')}
                onCreate={() => setCreating(true)}
                testId="aid-create"
              />
            )}
          </Space>
        }
      />
      <LedgerResults<CancerAid>
        query={query}
        list={list}
        empty={<LedgerEmpty status="active" isFiltered={waitingOnMe} text={t('donations.aid.empty')} />}
        cards={{
          title: (a) => t('donations.aid.nameAge', { name: a.personName, age: a.ageAtApplication ?? '—' }),
          extra: (a) => <Tag color={color[a.status]}>{label(cancerAidStatusLabels, a.status)}</Tag>,
          fields: (a) => [
            { key: 'unit', label: t('ledger.field.orgUnit'), children: a.orgUnitName },
            {
              key: 'type',
              label: t('donations.field.cancerType'),
              children: label(cancerTypeLabels, a.cancerType),
            },
            { key: 'applied', label: t('donations.field.appliedOn'), children: a.appliedOn },
            { key: 'actions', label: '', children: actions(a) },
          ],
          testId: 'aid-card',
        }}
        rowTestId="aid-row"
        columns={[
          { title: t('donations.field.appliedOn'), dataIndex: 'appliedOn', width: 110 },
          { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
          { title: t('donations.field.applicant'), dataIndex: 'personName' },
          { title: t('donations.field.age'), dataIndex: 'ageAtApplication' },
          {
            title: t('donations.field.cancerType'),
            dataIndex: 'cancerType',
            render: (c: CancerAid['cancerType']) => label(cancerTypeLabels, c),
          },
          {
            title: t('donations.field.status'),
            dataIndex: 'status',
            render: (s: CancerAid['status']) => <Tag color={color[s]}>{label(cancerAidStatusLabels, s)}</Tag>,
          },
          {
            title: t('donations.field.aidAmount'),
            key: 'amount',
            render: (_, a) =>
              a.amountFen
                ? [yuanText(a.amountFen), a.fund ? label(aidFundLabels, a.fund) : '']
                    .filter(Boolean)
                    .join(' · ')
                : '—',
          },
          { title: '', key: 'actions', render: (_, a) => actions(a) },
        ]}
      />
      {isCreating && <AidFormDrawer onClose={() => setCreating(false)} />}
      {step && (
        <StepModal
          title={`${label(cancerAidActionLabels, step.action)}：${step.a.personName}`}
          needsNote={['townReview', 'countyReview', 'grant', 'refuse'].includes(step.action)}
          isGrant={step.action === 'grant'}
          minDate={step.a.steps.at(-1)?.on ?? step.a.appliedOn}
          saving={stepping.isPending}
          onClose={() => setStep(null)}
          onSave={(v, done, failed) =>
            stepping.mutate(
              {
                id: step.a.id,
                action: step.action,
                version: step.a.version,
                on: v.on,
                note: v.note,
                amountFen: v.amountFen,
                fund: v.fund,
              },
              { onSuccess: done, onError: failed },
            )
          }
        />
      )}
    </div>
  );
};
