import { Card, Descriptions, List, Pagination } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../../contracts/people';
import { householdLabel } from '../lib/person-format';

type Props = {
  households: Household[] | undefined;
  isLoading: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (h: Household) => void;
  empty: ReactNode;
};

/** Phones: one card per household; a tap opens it with its members. */
export const HouseholdCards = ({
  households,
  isLoading,
  page,
  pageSize,
  total,
  onPageChange,
  onOpen,
  empty,
}: Props) => {
  const { t } = useTranslation();
  return (
    <>
      <List<Household>
        loading={isLoading}
        dataSource={households}
        locale={{ emptyText: empty }}
        renderItem={(h) => (
          <List.Item style={{ padding: '6px 0', border: 'none' }}>
            <Card
              size="small"
              className="bbt-people-card"
              title={householdLabel(h)}
              extra={
                <span className="bbt-muted">{t('households.memberCount', { count: h.memberCount })}</span>
              }
              onClick={() => onOpen(h)}
              role="button"
              tabIndex={0}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') onOpen(h);
              }}
              data-testid="household-card"
            >
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'head',
                    label: t('households.field.head'),
                    children: h.headName ?? t('households.noHead'),
                  },
                  { key: 'unit', label: t('households.field.orgUnit'), children: h.orgUnitName },
                ]}
              />
            </Card>
          </List.Item>
        )}
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
