import { DownOutlined, ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { genderLabels, genders, type Person } from '../../../../contracts/people';
import { ImportWizard } from '../../../components/import-wizard/import-wizard';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  type LedgerStatus,
} from '../../../components/ledger-page';
import { formatDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { personsExportUrl } from '../api/export-persons';
import { usePersonTagOptions } from '../api/get-tag-options';
import { householdKeys, personKeys } from '../api/keys';
import { usePersons } from '../api/list-persons';
import { PersonDetailDrawer } from '../components/person-detail-drawer';
import { PersonFormDrawer, type PersonFormMode } from '../components/person-form-drawer';
import { PersonTags } from '../components/person-tags';
import { PersonsTable } from '../components/persons-table';
import { RevealReasonModal } from '../components/reveal-reason-modal';
import { ageOf } from '../lib/person-format';
import '../lib/people.css';
import { CreateButton } from '../../../components/ledger-toolbar';

type Filters = { q?: string; tag?: string; gender?: (typeof genders)[number]; status: LedgerStatus };

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
  const { access } = useSession();
  const label = useLabel();
  const tagOptions = usePersonTagOptions();
  const list = useListParams<Person>();
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<PersonFormMode | null>(null);
  const [isImportOpen, setImportOpen] = useState(false);

  const params = filters.query;
  const persons = usePersons(params);
  const { status } = filters.values;

  const open = (p: Person) => setDetailId(p.id);
  const [isExportFullOpen, setExportFullOpen] = useState(false);
  const exportFull = () => setExportFullOpen(true);

  const empty = (
    <LedgerEmpty
      status={status}
      isFiltered={filters.isFiltered}
      text={t('people.empty')}
      deletedText={t('people.emptyDeleted')}
    >
      {!filters.isFiltered && access.can('people.write') && (
        <Typography.Text type="secondary">{t('people.emptyHint')}</Typography.Text>
      )}
    </LedgerEmpty>
  );

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.people.persons')}
        toolbar={
          <>
            {access.can('people.write') && (
              <CreateButton
                label={t('people.create')}
                onCreate={() => setFormMode({ type: 'create' })}
                testId="person-create"
              />
            )}
            {access.can('people.import') && (
              <Button
                icon={<ImportOutlined />}
                onClick={() => setImportOpen(true)}
                data-testid="person-import"
              >
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
                    onClick: ({ key }) =>
                      key === 'full' ? exportFull() : download(personsExportUrl(params)),
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
          </>
        }
      />
      <LedgerFilters<Filters>
        idPrefix="persons"
        filters={filters}
        fields={[
          {
            kind: 'search',
            key: 'q',
            label: t('common.keyword'),
            placeholder: t('people.searchPlaceholder'),
            width: 240,
          },
          { kind: 'select', key: 'tag', label: t('people.filter.tag'), options: tagOptions },
          {
            kind: 'select',
            key: 'gender',
            label: t('people.field.gender'),
            width: 100,
            options: genders.map((g) => ({ value: g, label: label(genderLabels, g) })),
          },
          { kind: 'status', activeLabel: t('people.status.active') },
        ]}
      />
      <LedgerResults<Person>
        query={persons}
        list={list}
        empty={empty}
        onOpen={open}
        cards={{
          title: (p) => p.name,
          extra: (p) => {
            const age = ageOf(p.birthDate);
            const facts = [
              p.gender ? label(genderLabels, p.gender) : null,
              age === undefined ? null : t('people.age', { age }),
            ];
            return <span className="bbt-muted">{facts.filter(Boolean).join(' · ')}</span>;
          },
          fields: (p) => [
            {
              key: 'birth',
              label: t('people.field.birthDate'),
              children: p.birthDate ? formatDate(p.birthDate) : '—',
            },
            { key: 'id', label: t('people.field.idNumber'), children: p.idNumberMasked ?? '—' },
            { key: 'phone', label: t('people.field.phone'), children: p.phoneMasked ?? '—' },
            { key: 'household', label: t('people.field.household'), children: p.householdLabel ?? '—' },
            { key: 'unit', label: t('people.field.orgUnit'), children: p.orgUnitName },
            ...(p.tags.length > 0
              ? [{ key: 'tags', label: t('people.field.tags'), children: <PersonTags tags={p.tags} /> }]
              : []),
          ],
          testId: 'person-card',
        }}
        table={
          <PersonsTable
            persons={persons.data?.items}
            isLoading={persons.isFetching}
            pagination={list.pagination(persons.data?.total)}
            onChange={list.onTableChange}
            onOpen={open}
            empty={empty}
          />
        }
      />
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
      <RevealReasonModal
        isOpen={isExportFullOpen}
        isPending={false}
        onCancel={() => setExportFullOpen(false)}
        onReveal={(reason) => {
          setExportFullOpen(false);
          download(personsExportUrl(params, reason));
        }}
        texts={{
          title: t('people.exportFullConfirm.title'),
          content: t('people.exportFullConfirm.content'),
          okText: t('people.exportFull'),
          reason: t('people.exportFullConfirm.reason'),
          reasonRequired: t('people.exportFullConfirm.reasonRequired'),
        }}
      />
    </div>
  );
};
