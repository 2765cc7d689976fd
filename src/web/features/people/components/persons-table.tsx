import { Button, Table, type TablePaginationConfig, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { genderLabels, type Person } from '../../../../contracts/people';
import { formatDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { ageOf } from '../lib/person-format';
import { PersonTags } from './person-tags';

type Props = {
  persons: Person[] | undefined;
  isLoading: boolean;
  pagination: TablePaginationConfig;
  onChange: TableProps<Person>['onChange'];
  onOpen: (p: Person) => void;
  empty: ReactNode;
};

const dash = <span className="bbt-muted">—</span>;

/** The ledger as a table; a click anywhere on a row opens the person. */
export const PersonsTable = ({ persons, isLoading, pagination, onChange, onOpen, empty }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const columns: TableProps<Person>['columns'] = [
    {
      title: t('people.field.name'),
      dataIndex: 'name',
      sorter: true,
      fixed: 'left',
      render: (name: string, p) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto' }}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(p);
          }}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t('people.field.gender'),
      dataIndex: 'gender',
      render: (g: Person['gender']) => (g ? label(genderLabels, g) : dash),
    },
    {
      title: t('people.field.birthAge'),
      dataIndex: 'birthDate',
      sorter: true,
      render: (d: string | null) => (d ? t('people.birthAge', { date: formatDate(d), age: ageOf(d) }) : dash),
    },
    {
      title: t('people.field.idNumber'),
      dataIndex: 'idNumberMasked',
      render: (v: string | null) => (v ? <span className="bbt-sensitive">{v}</span> : dash),
    },
    {
      title: t('people.field.phone'),
      dataIndex: 'phoneMasked',
      render: (v: string | null) => (v ? <span className="bbt-sensitive">{v}</span> : dash),
    },
    {
      title: t('people.field.household'),
      dataIndex: 'householdLabel',
      render: (v: string | null) => v ?? dash,
    },
    { title: t('people.field.orgUnit'), dataIndex: 'orgUnitName' },
    {
      title: t('people.field.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => <PersonTags tags={tags} />,
    },
  ];
  return (
    <Table<Person>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={persons}
      loading={isLoading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      onChange={onChange}
      pagination={pagination}
      rowClassName={() => 'bbt-people-row'}
      onRow={(p) => ({ onClick: () => onOpen(p) })}
      data-testid="persons-table"
    />
  );
};
