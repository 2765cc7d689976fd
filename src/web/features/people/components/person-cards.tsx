import { Card, Descriptions, List, Pagination } from 'antd';
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
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (p: Person) => void;
  empty: ReactNode;
};

/** Phones: one card per person (a tap opens her), the facts a cadre checks on a doorstep. */
export const PersonCards = ({
  persons,
  isLoading,
  page,
  pageSize,
  total,
  onPageChange,
  onOpen,
  empty,
}: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <>
      <List<Person>
        loading={isLoading}
        dataSource={persons}
        locale={{ emptyText: empty }}
        renderItem={(p) => {
          const age = ageOf(p.birthDate);
          const facts = [
            p.gender ? label(genderLabels, p.gender) : null,
            age === undefined ? null : t('people.age', { age }),
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            <List.Item style={{ padding: '6px 0', border: 'none' }}>
              <Card
                size="small"
                className="bbt-people-card"
                title={p.name}
                extra={<span className="bbt-muted">{facts}</span>}
                onClick={() => onOpen(p)}
                role="button"
                tabIndex={0}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') onOpen(p);
                }}
                data-testid="person-card"
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'birth',
                      label: t('people.field.birthDate'),
                      children: p.birthDate ? formatDate(p.birthDate) : '—',
                    },
                    { key: 'id', label: t('people.field.idNumber'), children: p.idNumberMasked ?? '—' },
                    { key: 'phone', label: t('people.field.phone'), children: p.phoneMasked ?? '—' },
                    {
                      key: 'household',
                      label: t('people.field.household'),
                      children: p.householdLabel ?? '—',
                    },
                    { key: 'unit', label: t('people.field.orgUnit'), children: p.orgUnitName },
                    ...(p.tags.length > 0
                      ? [
                          {
                            key: 'tags',
                            label: t('people.field.tags'),
                            children: <PersonTags tags={p.tags} />,
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
            </List.Item>
          );
        }}
      />
      {total > pageSize && (
        <Pagination
          simple
          current={page}
          pageSize={pageSize}
          total={total}
          onChange={onPageChange}
          style={{ marginTop: 12, textAlign: 'center' }}
        />
      )}
    </>
  );
};
