import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  honourLevelLabels,
  type Nomination,
  type NominationStatus,
  nominationStatuses,
  nominationStatusLabels,
  nomineeKindLabels,
} from '../../../../contracts/honours';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { DeleteConfirm } from '../../../components/ledger-actions';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { CreateButton } from '../../../components/ledger-toolbar';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { honoursKeys, useDeleteNomination, useHonourTitles, useNominations } from '../api/honours-api';
import { NominationFormDrawer } from '../components/nomination-form-drawer';
import { NominationStepModal } from '../components/nomination-step-modal';
import '../../../components/ledger.css';

type Filters = { year?: string; titleCode?: string; status?: NominationStatus };
const statusColor: Record<NominationStatus, string> = {
  nominated: 'blue',
  publicizing: 'orange',
  awarded: 'green',
  notAwarded: 'default',
};

/** 选树典型: nominations of the scope with their steps (公示, 授予/未授予); import of past lists, export. */
export const NominationsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<Nomination>();
  const filters = useLedgerFilters<Filters>({}, { list });
  const nominations = useNominations({
    ...filters.query,
    year: filters.values.year ? Number(filters.values.year) : undefined,
  });
  const titles = useHonourTitles();
  const remove = useDeleteNomination();
  const [isCreating, setCreating] = useState(false);
  const [step, setStep] = useState<{ n: Nomination; step: 'publicize' | 'decide' } | null>(null);
  const canWrite = access.can('honours.write');
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

  const statusTag = (s: NominationStatus) => (
    <Tag color={statusColor[s]}>{label(nominationStatusLabels, s)}</Tag>
  );
  const actions = (n: Nomination) =>
    canWrite && (
      <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
        {(n.status === 'nominated' || n.status === 'publicizing') && (
          <Button
            size="small"
            onClick={() => setStep({ n, step: 'publicize' })}
            data-testid="nomination-publicize"
          >
            {t('honours.step.publicize')}
          </Button>
        )}
        {(n.status === 'nominated' || n.status === 'publicizing') && (
          <Button
            size="small"
            type="primary"
            onClick={() => setStep({ n, step: 'decide' })}
            data-testid="nomination-decide"
          >
            {t('honours.step.decideTitle')}
          </Button>
        )}
        <DeleteConfirm
          name={`${n.titleName} ${n.nomineeName}`}
          onConfirm={() => remove.mutateAsync({ id: n.id, version: n.version })}
        >
          <Button size="small" danger data-testid="nomination-delete">
            {t('common.delete')}
          </Button>
        </DeleteConfirm>
      </Space>
    );
  const notice = (n: Nomination) => (n.noticeFrom ? `${n.noticeFrom} ~ ${n.noticeTo}` : '—');

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.honours.nominations')}
        hint={t('honours.title')}
        isScopeShown
        toolbar={
          <>
            <LedgerIoButtons
              ledgerBase="/api/v1/honours/nominations"
              ledgerName={t('honours.ledgerName')}
              invalidate={[honoursKeys.all, ['indicators']]}
              canImport={access.can('honours.import')}
              canExport={access.can('honours.export')}
              exportQuery={{
                orgUnitId: scopeId,
                year: filters.values.year,
                titleCode: filters.values.titleCode,
                status: filters.values.status,
              }}
              testIdPrefix="nominations"
            />
            {canWrite && (
              <CreateButton
                label={t('honours.create')}
                onCreate={() => setCreating(true)}
                testId="nomination-create"
              />
            )}
          </>
        }
      />
      <LedgerFilters<Filters>
        idPrefix="nominations"
        filters={filters}
        isFoldedOnPhone
        fields={[
          {
            kind: 'select',
            key: 'year',
            label: t('honours.field.year'),
            testId: 'nominations-year',
            options: years.map((y) => ({ value: y, label: y })),
          },
          {
            kind: 'select',
            key: 'titleCode',
            label: t('honours.field.title'),
            testId: 'nominations-title',
            width: 160,
            options: (titles.data?.titles ?? []).map((x) => ({
              value: x.code,
              label: label({ [x.code]: x.label }, x.code),
            })),
          },
          {
            kind: 'select',
            key: 'status',
            label: t('honours.field.status'),
            testId: 'nominations-status',
            options: nominationStatuses.map((s) => ({ value: s, label: label(nominationStatusLabels, s) })),
          },
        ]}
      />
      <LedgerResults<Nomination>
        query={nominations}
        list={list}
        empty={<LedgerEmpty status="active" isFiltered={filters.isFiltered} text={t('honours.empty')} />}
        cards={{
          title: (n) => `${n.titleName} · ${n.nomineeName}`,
          extra: (n) => statusTag(n.status),
          fields: (n) => [
            { key: 'year', label: t('honours.field.year'), children: n.year },
            {
              key: 'level',
              label: t('honours.field.level'),
              children: `${label(honourLevelLabels, n.level)} · ${n.awardingBody}`,
            },
            { key: 'unit', label: t('honours.field.unit'), children: n.orgUnitName },
            { key: 'notice', label: t('honours.field.notice'), children: notice(n) },
            { key: 'awarded', label: t('honours.field.awardedOn'), children: n.awardedOn ?? '—' },
            { key: 'actions', label: '', children: actions(n) },
          ],
          testId: 'nomination-card',
        }}
        rowTestId="nomination-row"
        columns={[
          { title: t('honours.field.year'), dataIndex: 'year', width: 70 },
          { title: t('honours.field.title'), dataIndex: 'titleName' },
          {
            title: t('honours.field.level'),
            dataIndex: 'level',
            render: (v: string) => label(honourLevelLabels, v),
          },
          {
            title: t('honours.field.kind'),
            dataIndex: 'nomineeKind',
            render: (v: string) => label(nomineeKindLabels, v),
          },
          { title: t('honours.field.nominee'), dataIndex: 'nomineeName' },
          { title: t('honours.noticeName'), dataIndex: 'noticeName' },
          { title: t('honours.field.unit'), dataIndex: 'orgUnitName' },
          {
            title: t('honours.field.status'),
            dataIndex: 'status',
            render: (v: NominationStatus) => statusTag(v),
          },
          {
            title: t('honours.field.notice'),
            key: 'notice',
            render: (_: unknown, n: Nomination) => notice(n),
          },
          {
            title: t('honours.field.awardedOn'),
            dataIndex: 'awardedOn',
            render: (v: string | null) => v ?? '—',
          },
          { title: '', key: 'actions', render: (_: unknown, n: Nomination) => actions(n) },
        ]}
      />
      {isCreating && <NominationFormDrawer defaultOrgUnitId={scopeId} onClose={() => setCreating(false)} />}
      {step && <NominationStepModal nomination={step.n} step={step.step} onClose={() => setStep(null)} />}
    </div>
  );
};
