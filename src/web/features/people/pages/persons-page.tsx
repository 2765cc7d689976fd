import { DownOutlined, ExportOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../contracts/people';
import { ImportWizard } from '../../../components/import-wizard/import-wizard';
import { EmptyState, PageError } from '../../../components/page-states';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useSession } from '../../../lib/session';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useListParams } from '../../../lib/use-list-params';
import { personsExportUrl } from '../api/export-persons';
import type { PersonListParams } from '../api/keys';
import { householdKeys, personKeys } from '../api/keys';
import { usePersons } from '../api/list-persons';
import { PersonCards } from '../components/person-cards';
import { PersonDetailDrawer } from '../components/person-detail-drawer';
import { PersonFilters, type PersonFilterValues } from '../components/person-filters';
import { PersonFormDrawer, type PersonFormMode } from '../components/person-form-drawer';
import { PersonsTable } from '../components/persons-table';
import '../lib/people.css';

/** Starts a download of `url` without leaving the page (the server answers with an attachment). */
const download = (url: string) => {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
};

/** 人员信息: the people ledger of the chosen scope, with search, import, export and a detail drawer. */
export const PersonsPage = () => {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { access } = useSession();
  const isPhone = useIsPhone();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const list = useListParams<Person>();
  const [filters, setFilters] = useState<PersonFilterValues>({ status: 'active' });
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<PersonFormMode | null>(null);
  const [isImportOpen, setImportOpen] = useState(false);

  const params: PersonListParams = {
    ...filters,
    orgUnitId: scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  };
  const persons = usePersons(params);
  const scopeName = tree.data?.find((n) => n.id === scopeId)?.name ?? '';
  const hasFilters = Boolean(filters.q || filters.tag || filters.gender);

  const onFilters = (next: PersonFilterValues) => {
    setFilters(next);
    list.resetPage();
  };
  const open = (p: Person) => setDetailId(p.id);
  const exportFull = () =>
    modal.confirm({
      title: t('people.exportFullConfirm.title'),
      content: t('people.exportFullConfirm.content'),
      okText: t('people.exportFull'),
      cancelText: t('common.cancel'),
      onOk: () => download(personsExportUrl(params, true)),
    });

  const empty = (
    <EmptyState
      description={
        filters.status === 'deleted'
          ? t('people.emptyDeleted')
          : hasFilters
            ? t('common.empty')
            : t('people.empty')
      }
    >
      {!hasFilters && filters.status === 'active' && access.can('people.write') && (
        <Typography.Text type="secondary">{t('people.emptyHint')}</Typography.Text>
      )}
    </EmptyState>
  );

  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('menu.people.persons')}</h1>
          {scopeName && (
            <Typography.Text type="secondary">{t('common.scopeNote', { name: scopeName })}</Typography.Text>
          )}
        </div>
        <div className="bbt-people-toolbar">
          {access.can('people.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormMode({ type: 'create' })}
              data-testid="person-create"
            >
              {t('people.create')}
            </Button>
          )}
          {access.can('people.import') && (
            <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="person-import">
              {t('people.import')}
            </Button>
          )}
          {access.can('people.export') &&
            (access.can('people.viewSensitive') ? (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'masked', label: t('people.exportMasked') },
                    { key: 'full', label: t('people.exportFull'), danger: true },
                  ],
                  onClick: ({ key }) => (key === 'full' ? exportFull() : download(personsExportUrl(params))),
                }}
              >
                <Button icon={<ExportOutlined />} data-testid="person-export">
                  {t('people.export')} <DownOutlined />
                </Button>
              </Dropdown>
            ) : (
              <Button
                icon={<ExportOutlined />}
                href={personsExportUrl(params)}
                download
                data-testid="person-export"
              >
                {t('people.export')}
              </Button>
            ))}
        </div>
      </div>
      <PersonFilters value={filters} onChange={onFilters} />
      {persons.isError ? (
        <PageError error={persons.error} onRetry={() => void persons.refetch()} />
      ) : isPhone ? (
        <PersonCards
          persons={persons.data?.items}
          isLoading={persons.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          total={persons.data?.total ?? 0}
          onPageChange={list.setPage}
          onOpen={open}
          empty={empty}
        />
      ) : (
        <PersonsTable
          persons={persons.data?.items}
          isLoading={persons.isFetching}
          pagination={list.pagination(persons.data?.total)}
          onChange={list.onTableChange}
          onOpen={open}
          empty={empty}
        />
      )}
      {/* Mounted only while open, so the one opened last lies on top (a duplicate's link over the form). */}
      {detailId && (
        <PersonDetailDrawer
          personId={detailId}
          onClose={() => setDetailId(null)}
          onEdit={(id) => setFormMode({ type: 'edit', personId: id })}
        />
      )}
      {formMode && (
        <PersonFormDrawer
          mode={formMode}
          onClose={() => setFormMode(null)}
          onOpenPerson={(id) => {
            // An open detail drawer lies under the form: close the form so the person shows.
            if (detailId) setFormMode(null);
            setDetailId(id);
          }}
        />
      )}
      <ImportWizard
        open={isImportOpen}
        onClose={() => setImportOpen(false)}
        ledgerBase="/api/v1/people/persons"
        title={t('import.title')}
        invalidate={[personKeys.all, householdKeys.all]}
      />
    </div>
  );
};
