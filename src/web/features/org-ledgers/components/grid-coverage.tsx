import { Alert, Card, Form, InputNumber, List, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridCoverage as Coverage } from '../../../../contracts/org-ledgers';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { useDebounced } from '../../../lib/use-debounced';
import { useGridCoverage } from '../api/get-grid-coverage';

type Props = { orgUnitId: string };

/** 覆盖情况: households no grid (or no member) covers, and executive members carrying too much. */
export const GridCoverage = ({ orgUnitId }: Props) => {
  const { t } = useTranslation();
  const [maxPersons, setMaxPersons] = useState(50);
  const [maxSpecialFamilies, setMaxSpecialFamilies] = useState(3);
  // One object per change of the inputs: a new one each render would restart the debounce forever.
  const inputs = useMemo(
    () => ({ orgUnitId, maxPersons, maxSpecialFamilies }),
    [orgUnitId, maxPersons, maxSpecialFamilies],
  );
  const params = useDebounced(inputs, 400);
  const coverage = useGridCoverage(params);
  const c = coverage.data;

  return (
    <div data-testid="grid-coverage">
      <Form layout="inline" className="bbt-filters">
        <Form.Item label={t('grids.coverage.maxPersons')} htmlFor="coverage-max-persons">
          <InputNumber
            id="coverage-max-persons"
            min={1}
            max={1000}
            value={maxPersons}
            onChange={(v) => v !== null && setMaxPersons(v)}
            data-testid="coverage-max-persons"
          />
        </Form.Item>
        <Form.Item label={t('grids.coverage.maxSpecial')} htmlFor="coverage-max-special">
          <InputNumber
            id="coverage-max-special"
            min={0}
            max={100}
            value={maxSpecialFamilies}
            onChange={(v) => v !== null && setMaxSpecialFamilies(v)}
            data-testid="coverage-max-special"
          />
        </Form.Item>
      </Form>
      {coverage.isError ? (
        <PageError error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : !c ? (
        <PageLoading />
      ) : (
        <CoverageBody c={c} maxPersons={params.maxPersons} maxSpecialFamilies={params.maxSpecialFamilies} />
      )}
    </div>
  );
};

const CoverageBody = ({
  c,
  maxPersons,
  maxSpecialFamilies,
}: {
  c: Coverage;
  maxPersons: number;
  maxSpecialFamilies: number;
}) => {
  const { t } = useTranslation();
  const covered = c.householdCount - c.uncoveredHouseholdCount;
  const rate = c.householdCount === 0 ? 100 : Math.round((covered / c.householdCount) * 1000) / 10;
  return (
    <>
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Statistic title={t('grids.coverage.households')} value={c.householdCount} />
        <Statistic title={t('grids.coverage.uncovered')} value={c.uncoveredHouseholdCount} />
        <Statistic title={t('grids.coverage.rate')} value={rate} suffix="%" />
        <Statistic title={t('grids.coverage.overloaded')} value={c.overloadedMembers.length} />
      </Space>
      {c.uncoveredHouseholdCount > c.uncoveredHouseholds.length && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('grids.coverage.capped', {
            shown: c.uncoveredHouseholds.length,
            total: c.uncoveredHouseholdCount,
          })}
        />
      )}
      <Card size="small" title={t('grids.coverage.uncoveredList')} style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={c.uncoveredHouseholds}
          pagination={c.uncoveredHouseholds.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: <EmptyState description={t('grids.coverage.allCovered')} /> }}
          data-testid="coverage-uncovered"
          renderItem={(h) => (
            <List.Item style={{ minHeight: 44 }}>
              <span>
                {h.label} <Typography.Text type="secondary">{h.orgUnitName}</Typography.Text>
              </span>
              <Tag color={h.reason === 'noGrid' ? 'orange' : 'gold'}>
                {h.reason === 'noGrid' ? t('grids.coverage.noGrid') : t('grids.coverage.noMember')}
              </Tag>
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title={t('grids.coverage.overloadedList', { persons: maxPersons, special: maxSpecialFamilies })}
      >
        <List
          size="small"
          dataSource={c.overloadedMembers}
          locale={{ emptyText: <EmptyState description={t('grids.coverage.noneOverloaded')} /> }}
          data-testid="coverage-overloaded"
          renderItem={(m) => (
            <List.Item style={{ minHeight: 44 }}>
              <List.Item.Meta title={m.name} description={m.grids.join('、')} />
              <Space wrap>
                <Tag color={m.personCount > maxPersons ? 'red' : 'default'}>
                  {t('grids.coverage.personCount', { count: m.personCount })}
                </Tag>
                <Tag color={m.specialFamilyCount > maxSpecialFamilies ? 'red' : 'default'}>
                  {t('grids.coverage.specialCount', { count: m.specialFamilyCount })}
                </Tag>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
};
