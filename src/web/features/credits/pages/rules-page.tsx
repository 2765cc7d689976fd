import { Checkbox, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreditRule, creditCategoryLabels } from '../../../../contracts/credits';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { CreateButton } from '../../../components/ledger-toolbar';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useCreditRules } from '../api/credits-api';
import { RuleFormDrawer } from '../components/rule-form-drawer';
import '../../../components/ledger.css';

/** 积分细则: the catalogue a county or town keeps (its villages see the rules handed down to them). */
export const CreditRulesPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<CreditRule>();
  const [isInForce, setInForce] = useState(true);
  const rules = useCreditRules({
    orgUnitId: scopeId,
    inForceOn: isInForce ? dayjs().format(DATE_FORMAT) : undefined,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const [form, setForm] = useState<{ rule?: CreditRule } | null>(null);
  const canManage = access.can('credits.manage');
  const pts = (r: CreditRule) => (
    <Tag color={r.points < 0 ? 'red' : 'green'}>
      {r.points > 0 ? '+' : ''}
      {r.points}
    </Tag>
  );
  const valid = (r: CreditRule) => `${r.validFrom} ~ ${r.validTo ?? t('credits.rules.forever')}`;
  return (
    <div>
      <LedgerPageHeader
        title={t('menu.credits.rules')}
        hint={t('credits.rules.hint')}
        isScopeShown
        toolbar={
          canManage && (
            <CreateButton
              label={t('credits.rules.create')}
              onCreate={() => setForm({})}
              testId="credit-rule-create"
            />
          )
        }
      />
      <Checkbox
        checked={isInForce}
        onChange={(e) => setInForce(e.target.checked)}
        style={{ marginBottom: 12 }}
      >
        {t('credits.rules.inForce')}
      </Checkbox>
      <LedgerResults<CreditRule>
        query={rules}
        list={list}
        empty={<LedgerEmpty isFiltered={isInForce} text={t('credits.rules.empty')} />}
        onOpen={canManage ? (r) => setForm({ rule: r }) : undefined}
        cards={{
          title: (r) => r.item,
          extra: pts,
          fields: (r) => [
            {
              key: 'cat',
              label: t('credits.field.category'),
              children: label(creditCategoryLabels, r.category),
            },
            { key: 'unit', label: t('ledger.field.orgUnit'), children: r.orgUnitName },
            { key: 'valid', label: t('credits.field.validFrom'), children: valid(r) },
          ],
          testId: 'credit-rule-card',
        }}
        rowTestId="credit-rule-row"
        columns={[
          {
            title: t('credits.field.category'),
            dataIndex: 'category',
            render: (v: string) => label(creditCategoryLabels, v),
          },
          { title: t('credits.field.item'), dataIndex: 'item' },
          { title: t('credits.field.points'), dataIndex: 'points', sorter: true, render: (_v, r) => pts(r) },
          {
            title: t('credits.field.cap'),
            render: (_v, r) => (r.capPoints ? `${r.capPoints}` : '—'),
          },
          {
            title: '',
            render: (_v, r) => (
              <>
                {r.isEvidenceRequired && <Tag>{t('credits.field.isEvidenceRequired')}</Tag>}
                {r.needsReview && <Tag color="blue">{t('credits.field.needsReview')}</Tag>}
              </>
            ),
          },
          { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
          {
            title: t('credits.field.validFrom'),
            dataIndex: 'validFrom',
            sorter: true,
            render: (_v, r) => valid(r),
          },
        ]}
      />
      {form && <RuleFormDrawer rule={form.rule} defaultOrgUnitId={scopeId} onClose={() => setForm(null)} />}
    </div>
  );
};
