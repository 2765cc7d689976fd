import { App, Button, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type KeyPerson,
  type KeyPersonCategory,
  keyPersonCategories,
  keyPersonCategoryLabels,
  keyPersonStatusLabels,
  type RiskLevel,
  referralStatusLabels,
  referralTargetLabels,
  riskLevelLabels,
  riskLevels,
  visitModeLabels,
} from '../../../../contracts/care';
import { DetailHeading, LedgerRecordDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { CreateButton } from '../../../components/ledger-toolbar';
import { RecordHistory } from '../../../components/record-history';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useListParams } from '../../../lib/use-list-params';
import {
  useDecideClose,
  useDeleteKeyPerson,
  useKeyPeople,
  useKeyPerson,
  useRequestClose,
  useRestoreKeyPerson,
  useScreenings,
  useVisits,
} from '../api/care-api';
import { CaseFormDrawer, type ReferredFrom } from '../components/case-form-drawer';
import { KeyPersonFormDrawer } from '../components/key-person-form-drawer';
import { RiskTag } from '../components/risk-tag';
import '../../../components/ledger.css';

type Filters = {
  category?: KeyPersonCategory;
  risk?: RiskLevel;
  status: 'active' | 'closing' | 'closed' | 'deleted';
};

/** 申请销号 (with a reason) and, above the village, 批准 / 退回. */
const ClosingButtons = ({ k }: { k: KeyPerson }) => {
  const { t } = useTranslation();
  const { access } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const request = useRequestClose();
  const decide = useDecideClose();
  const [reason, setReason] = useState('');
  const [isAsking, setAsking] = useState(false);
  const done = () => void message.success(t('common.saved'));
  if (k.deletedAt) return null;
  return (
    <Space wrap style={{ marginTop: 12 }}>
      {k.status === 'active' && access.can('care.write') && (
        <Button onClick={() => setAsking(true)} data-testid="key-person-close-request">
          {t('care.close.request')}
        </Button>
      )}
      {k.status === 'closing' && access.can('care.officer') && (
        <>
          <Button
            type="primary"
            loading={decide.isPending}
            onClick={() =>
              decide.mutate(
                { id: k.id, approve: true, version: k.version },
                { onSuccess: done, onError: (e) => onError(e) },
              )
            }
            data-testid="key-person-close-approve"
          >
            {t('care.close.approve')}
          </Button>
          <Button
            onClick={() =>
              decide.mutate(
                { id: k.id, approve: false, version: k.version },
                { onSuccess: done, onError: (e) => onError(e) },
              )
            }
          >
            {t('care.close.reject')}
          </Button>
        </>
      )}
      <Modal
        open={isAsking}
        title={t('care.close.request')}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: request.isPending }}
        onCancel={() => setAsking(false)}
        onOk={() =>
          request.mutate(
            { id: k.id, reason: reason.trim(), version: k.version },
            {
              onSuccess: () => {
                setAsking(false);
                done();
              },
              onError: (e) => onError(e),
            },
          )
        }
      >
        <Input.TextArea
          placeholder={t('care.close.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={1000}
          data-testid="key-person-close-reason"
        />
      </Modal>
    </Space>
  );
};

/** The colour month by month: the screenings are the level's history (newest first). */
const ScreeningHistory = ({ keyPersonId }: { keyPersonId: string }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const screenings = useScreenings({ keyPersonId, pageSize: 24, sort: '-month' });
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('care.screening.history')}
      </Typography.Title>
      <List
        size="small"
        loading={screenings.isPending}
        dataSource={screenings.data?.items ?? []}
        locale={{ emptyText: t('care.screening.none') }}
        renderItem={(s) => (
          <List.Item data-testid="key-person-screening">
            <Space wrap>
              <span>{s.month}</span>
              <RiskTag risk={s.risk} />
              {s.reason && <Typography.Text type="secondary">{s.reason}</Typography.Text>}
              {s.referralTo && (
                <Tag>
                  {label(referralTargetLabels, s.referralTo)} ·{' '}
                  {label(referralStatusLabels, s.referralStatus)}
                </Tag>
              )}
            </Space>
          </List.Item>
        )}
      />
    </>
  );
};

/** Her 走访: every visit of her pairings (newest first); what was found only for those in the tier. */
const VisitHistory = ({ keyPersonId }: { keyPersonId: string }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const visits = useVisits({ keyPersonId, pageSize: 24 });
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('care.visits.history')}
      </Typography.Title>
      <List
        size="small"
        loading={visits.isPending}
        dataSource={visits.data?.items ?? []}
        locale={{ emptyText: t('care.visits.none') }}
        renderItem={(v) => (
          <List.Item data-testid="key-person-visit">
            <Space wrap>
              <span>{v.visitedOn}</span>
              <Tag>{label(visitModeLabels, v.mode)}</Tag>
              <Typography.Text type="secondary">{v.findings ?? t('care.visits.hidden')}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </>
  );
};

/** 重点人员详情: the full name (this read is logged), the latest colour, 销号; 删除 / 恢复; 变更记录. */
const KeyPersonDrawer = ({
  id,
  onClose,
  onEdit,
}: {
  id: string;
  onClose: () => void;
  onEdit: (k: KeyPerson) => void;
}) => {
  const { t } = useTranslation();
  const { access } = useSession();
  const [referral, setReferral] = useState<ReferredFrom | null>(null);
  const label = useLabel();
  return (
    <LedgerRecordDrawer
      query={useKeyPerson(id)}
      title={t('care.keyPeople.detail')}
      testId="key-person-detail"
      onClose={onClose}
      actions={{
        permission: 'care.write',
        name: (k) => k.personName,
        remove: useDeleteKeyPerson(),
        restore: useRestoreKeyPerson(),
        onEdit,
        testIdPrefix: 'key-person',
      }}
    >
      {(k, actions) => (
        <>
          <DetailHeading
            name={k.personName}
            isDeleted={k.deletedAt !== null}
            testId="key-person-detail-title"
          >
            <Tag>{label(keyPersonStatusLabels, k.status)}</Tag>
          </DetailHeading>
          <RecordFields
            items={[
              { key: 'unit', label: t('ledger.field.orgUnit'), children: k.orgUnitName },
              {
                key: 'category',
                label: t('care.field.category'),
                children: label(keyPersonCategoryLabels, k.category),
              },
              {
                key: 'risk',
                label: t('care.field.latestRisk'),
                children: (
                  <>
                    <RiskTag risk={k.latestRisk} /> {k.latestMonth}
                  </>
                ),
              },
              { key: 'note', label: t('care.field.note'), children: k.note ?? '—' },
              { key: 'close', label: t('care.field.closeReason'), children: k.closeReason ?? '—' },
            ]}
            updatedAt={k.updatedAt}
          />
          <ClosingButtons k={k} />
          {access.can('care.write') &&
            !k.deletedAt &&
            (k.latestRisk === 'red' || k.latestRisk === 'orange') && (
              <Button
                style={{ marginTop: 12 }}
                onClick={() =>
                  setReferral({ keyPersonId: k.id, orgUnitId: k.orgUnitId, personName: k.personName })
                }
                data-testid="key-person-to-case"
              >
                {t('care.toCase')}
              </Button>
            )}
          <ScreeningHistory keyPersonId={k.id} />
          <VisitHistory keyPersonId={k.id} />
          {referral && (
            <CaseFormDrawer
              defaultOrgUnitId={referral.orgUnitId}
              referredFrom={referral}
              onClose={() => setReferral(null)}
            />
          )}
          {actions}
          <RecordHistory entityType="keyPerson" entityId={k.id} />
        </>
      )}
    </LedgerRecordDrawer>
  );
};

/** 重点人群名册: masked names; `?keyPersonId=` opens one (a logged read). */
export const KeyPeoplePage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const [search, setSearch] = useSearchParams();
  const list = useListParams<KeyPerson>();
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  const people = useKeyPeople(filters.query);
  const [form, setForm] = useState<{ record?: KeyPerson } | null>(null);
  const detailId = search.get('keyPersonId');
  const open = (id: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (id) next.set('keyPersonId', id);
      else next.delete('keyPersonId');
      return next;
    });
  return (
    <div>
      <LedgerPageHeader
        title={t('menu.care.keyPeople')}
        hint={t('care.privacy')}
        isScopeShown
        toolbar={
          access.can('care.write') && (
            <CreateButton
              label={t('care.keyPeople.create')}
              onCreate={() => setForm({})}
              testId="key-person-create"
            />
          )
        }
      />
      <LedgerFilters<Filters>
        idPrefix="key-people"
        filters={filters}
        isFoldedOnPhone
        fields={[
          {
            kind: 'select',
            key: 'category',
            label: t('care.field.category'),
            options: keyPersonCategories.map((c) => ({ value: c, label: label(keyPersonCategoryLabels, c) })),
          },
          {
            kind: 'select',
            key: 'risk',
            label: t('care.field.latestRisk'),
            options: riskLevels.map((r) => ({ value: r, label: label(riskLevelLabels, r) })),
          },
          {
            kind: 'select',
            key: 'status',
            label: t('care.field.status'),
            options: [
              ...(['active', 'closing', 'closed'] as const).map((v) => ({
                value: v,
                label: label(keyPersonStatusLabels, v),
              })),
              { value: 'deleted' as const, label: t('common.deleted') },
            ],
          },
        ]}
      />
      <LedgerResults<KeyPerson>
        query={people}
        list={list}
        empty={<LedgerEmpty isFiltered={filters.isFiltered} text={t('care.keyPeople.empty')} />}
        onOpen={(k) => open(k.id)}
        cards={{
          title: (k) => k.personName,
          extra: (k) => <RiskTag risk={k.latestRisk} />,
          fields: (k) => [
            { key: 'unit', label: t('ledger.field.orgUnit'), children: k.orgUnitName },
            {
              key: 'category',
              label: t('care.field.category'),
              children: label(keyPersonCategoryLabels, k.category),
            },
          ],
          testId: 'key-person-card',
        }}
        rowTestId="key-person-row"
        columns={[
          { title: t('care.field.person'), dataIndex: 'personName' },
          { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
          {
            title: t('care.field.category'),
            dataIndex: 'category',
            render: (v: string) => label(keyPersonCategoryLabels, v),
          },
          {
            title: t('care.field.latestRisk'),
            dataIndex: 'latestRisk',
            render: (v: RiskLevel | null, k) => (
              <>
                <RiskTag risk={v} /> {k.latestMonth}
              </>
            ),
          },
          {
            title: t('care.field.status'),
            dataIndex: 'status',
            render: (v: string) => label(keyPersonStatusLabels, v),
          },
        ]}
      />
      {detailId && (
        <KeyPersonDrawer id={detailId} onClose={() => open(null)} onEdit={(k) => setForm({ record: k })} />
      )}
      {form && (
        <KeyPersonFormDrawer record={form.record} defaultOrgUnitId={scopeId} onClose={() => setForm(null)} />
      )}
    </div>
  );
};
