import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../../contracts/people';
import { EmptyState, PageError } from '../../../components/page-states';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useSession } from '../../../lib/session';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useListParams } from '../../../lib/use-list-params';
import { useHouseholds } from '../api/list-households';
import { HouseholdCards } from '../components/household-cards';
import { HouseholdDetailDrawer } from '../components/household-detail-drawer';
import { HouseholdFormDrawer, type HouseholdFormMode } from '../components/household-form-drawer';
import { HouseholdsTable } from '../components/households-table';
import { PersonDetailDrawer } from '../components/person-detail-drawer';
import { PersonFormDrawer, type PersonFormMode } from '../components/person-form-drawer';
import { householdLabel } from '../lib/person-format';
import '../lib/people.css';

type Status = 'active' | 'deleted';

/** 家庭户: households of the chosen scope; a household opens with its members, who open in turn. */
export const HouseholdsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const isPhone = useIsPhone();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const list = useListParams<Household>();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<HouseholdFormMode | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [personForm, setPersonForm] = useState<PersonFormMode | null>(null);

  const households = useHouseholds({
    q: q || undefined,
    status,
    orgUnitId: scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const scopeName = tree.data?.find((n) => n.id === scopeId)?.name ?? '';
  const open = (h: Household) => setDetailId(h.id);
  const empty = (
    <EmptyState
      description={
        status === 'deleted' ? t('households.emptyDeleted') : q ? t('common.empty') : t('households.empty')
      }
    />
  );

  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('menu.people.households')}</h1>
          {scopeName && (
            <Typography.Text type="secondary">{t('common.scopeNote', { name: scopeName })}</Typography.Text>
          )}
        </div>
        {access.can('people.write') && (
          <div className="bbt-people-toolbar">
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormMode({ type: 'create' })}
              data-testid="household-create"
            >
              {t('households.create')}
            </Button>
          </div>
        )}
      </div>
      <Form layout="inline" className="bbt-filters">
        <Form.Item label={t('common.keyword')} htmlFor="households-filter-q">
          <Input.Search
            id="households-filter-q"
            allowClear
            enterButton
            placeholder={t('households.searchPlaceholder')}
            style={{ minWidth: 240 }}
            onSearch={(v) => {
              setQ(v.trim());
              list.resetPage();
            }}
            data-testid="households-q"
          />
        </Form.Item>
        <Form.Item label={t('people.field.status')} htmlFor="households-filter-status">
          <Select
            id="households-filter-status"
            style={{ minWidth: 100 }}
            value={status}
            onChange={(v: Status) => {
              setStatus(v);
              list.resetPage();
            }}
            options={[
              { value: 'active', label: t('people.status.active') },
              { value: 'deleted', label: t('people.status.deleted') },
            ]}
            data-testid="households-status"
          />
        </Form.Item>
      </Form>
      {households.isError ? (
        <PageError error={households.error} onRetry={() => void households.refetch()} />
      ) : isPhone ? (
        <HouseholdCards
          households={households.data?.items}
          isLoading={households.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          total={households.data?.total ?? 0}
          onPageChange={list.setPage}
          onOpen={open}
          empty={empty}
        />
      ) : (
        <HouseholdsTable
          households={households.data?.items}
          isLoading={households.isFetching}
          pagination={list.pagination(households.data?.total)}
          onChange={list.onTableChange}
          onOpen={open}
          empty={empty}
        />
      )}
      {/* Mounted only while open, so the drawer opened last lies on top. */}
      {detailId && (
        <HouseholdDetailDrawer
          householdId={detailId}
          onClose={() => setDetailId(null)}
          onEdit={(id) => setFormMode({ type: 'edit', householdId: id })}
          onOpenPerson={setPersonId}
          onAddMember={(h) =>
            setPersonForm({
              type: 'create',
              orgUnitId: h.orgUnitId,
              householdId: h.id,
              householdLabel: householdLabel(h),
            })
          }
        />
      )}
      {formMode && <HouseholdFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
      {personId && (
        <PersonDetailDrawer
          personId={personId}
          onClose={() => setPersonId(null)}
          onEdit={(id) => setPersonForm({ type: 'edit', personId: id })}
        />
      )}
      {personForm && (
        <PersonFormDrawer
          mode={personForm}
          onClose={() => setPersonForm(null)}
          onOpenPerson={(id) => {
            if (personId) setPersonForm(null);
            setPersonId(id);
          }}
        />
      )}
    </div>
  );
};
