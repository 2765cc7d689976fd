import { Button, Card, DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  keyPersonCategoryLabels,
  type RiskLevel,
  riskLevelLabels,
  riskLevels,
} from '../../../../contracts/care';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { LedgerEmpty, LedgerPageHeader } from '../../../components/ledger-page';
import { PageError, PageLoading } from '../../../components/page-states';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useChecklist } from '../api/care-api';
import { RISK_COLORS, RiskTag } from '../components/risk-tag';
import { ScreeningFormDrawer, type ScreeningTarget } from '../components/screening-form-drawer';
import '../../../components/ledger.css';

/**
 * 月度排查 on a phone: the month's key people as cards, those not yet screened first; one tap on a
 * colour opens the form with it chosen (a reason for any colour but green, a referral for red).
 */
export const ScreeningPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const checklist = useChecklist(month, scopeId);
  const [target, setTarget] = useState<ScreeningTarget | null>(null);
  const canWrite = access.can('care.write');
  const items = [...(checklist.data?.items ?? [])].sort(
    (a, b) => Number(a.screening !== null) - Number(b.screening !== null),
  );
  return (
    <div>
      <LedgerPageHeader
        title={t('menu.care.screening')}
        hint={t('care.screening.title')}
        isScopeShown
        toolbar={
          <>
            <LedgerIoButtons
              ledgerBase="/api/v1/care/screenings"
              ledgerName={t('menu.care.screening')}
              invalidate={[['care'], ['indicators']]}
              canImport={canWrite}
              canExport={access.can('care.export')}
              exportQuery={{ orgUnitId: scopeId, month }}
              testIdPrefix="screenings"
            />
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
              aria-label={t('care.screening.month')}
              data-testid="screening-month"
            />
          </>
        }
      />
      {checklist.isPending && <PageLoading />}
      {checklist.isError && <PageError error={checklist.error} onRetry={() => void checklist.refetch()} />}
      {checklist.data && (
        <>
          <Typography.Paragraph data-testid="screening-progress">
            {t('care.screening.progress', {
              screened: checklist.data.screened,
              missing: checklist.data.missing,
            })}
          </Typography.Paragraph>
          {items.length === 0 && <LedgerEmpty isFiltered={false} text={t('care.screening.empty')} />}
          <Space direction="vertical" style={{ width: '100%' }} size={8}>
            {items.map((i) => (
              <Card
                key={i.keyPersonId}
                size="small"
                title={i.personName}
                extra={
                  i.screening ? <RiskTag risk={i.screening.risk} /> : <span>{t('care.screening.todo')}</span>
                }
                data-testid="screening-card"
              >
                <Typography.Text type="secondary">
                  {i.orgUnitName} · {label(keyPersonCategoryLabels, i.category)}
                  {i.previousRisk && (
                    <>
                      {' · '}
                      {t('care.screening.previous')} <RiskTag risk={i.previousRisk} />
                    </>
                  )}
                </Typography.Text>
                {canWrite && (
                  <Space wrap style={{ marginTop: 8 }}>
                    {riskLevels.map((r: RiskLevel) => (
                      <Button
                        key={r}
                        size="large"
                        style={{ minWidth: 64, borderColor: RISK_COLORS[r], color: RISK_COLORS[r] }}
                        type={i.screening?.risk === r ? 'primary' : 'default'}
                        onClick={() =>
                          setTarget({
                            keyPersonId: i.keyPersonId,
                            personName: i.personName,
                            month,
                            risk: r,
                            saved: i.screening
                              ? { id: i.screening.id, version: i.screening.version }
                              : undefined,
                          })
                        }
                        data-testid={`screening-${r}`}
                      >
                        {label(riskLevelLabels, r).split(/（| \(/)[0]}
                      </Button>
                    ))}
                  </Space>
                )}
              </Card>
            ))}
          </Space>
        </>
      )}
      {target && <ScreeningFormDrawer target={target} onClose={() => setTarget(null)} />}
    </div>
  );
};
