import { Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Beneficiary, beneficiaryKindLabels } from '../../../../contracts/donations';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { CreateButton } from '../../../components/ledger-toolbar';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useBeneficiaries } from '../api/donations-api';
import { BeneficiaryFormDrawer } from '../components/beneficiary-form-drawer';
import '../../../components/ledger.css';
import { useLabel } from '../../../lib/labels';

/** 受助对象: students and other recipients of the scope; minors' names masked in the list. */
export const BeneficiariesPage = () => {
  const label = useLabel();
  const { t } = useTranslation();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<Beneficiary>();
  const query = useBeneficiaries({ orgUnitId: scopeId, page: list.page, pageSize: list.pageSize });
  const [isCreating, setCreating] = useState(false);
  return (
    <div>
      <LedgerPageHeader
        title={t('menu.donations.beneficiaries')}
        hint={t('donations.beneficiaries.hint')}
        isScopeShown
        toolbar={
          access.can('donations.write') && (
            <CreateButton
              label={t('donations.beneficiary.create')}
              onCreate={() => setCreating(true)}
              testId="beneficiary-create"
            />
          )
        }
      />
      <LedgerResults<Beneficiary>
        query={query}
        list={list}
        empty={<LedgerEmpty status="active" isFiltered={false} text={t('donations.beneficiaries.empty')} />}
        cards={{
          title: (b) => b.name,
          extra: (b) => <Tag>{label(beneficiaryKindLabels, b.kind)}</Tag>,
          fields: (b) => [
            { key: 'unit', label: t('ledger.field.orgUnit'), children: b.orgUnitName },
            {
              key: 'school',
              label: t('donations.field.school'),
              children: b.school ? `${b.school} ${b.grade ?? ''}` : '—',
            },
          ],
          testId: 'beneficiary-card',
        }}
        rowTestId="beneficiary-row"
        columns={[
          { title: t('donations.field.name'), dataIndex: 'name' },
          {
            title: t('donations.field.beneficiaryKind'),
            dataIndex: 'kind',
            render: (k: Beneficiary['kind']) => label(beneficiaryKindLabels, k),
          },
          { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
          { title: t('donations.field.school'), dataIndex: 'school', render: (v: string | null) => v ?? '—' },
          { title: t('donations.field.grade'), dataIndex: 'grade', render: (v: string | null) => v ?? '—' },
          {
            title: t('donations.field.familySituation'),
            dataIndex: 'familySituation',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
      {isCreating && <BeneficiaryFormDrawer onClose={() => setCreating(false)} />}
    </div>
  );
};
