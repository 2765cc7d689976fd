import { App, Button, Checkbox, Drawer, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeScore, type Deduction, type Inspection } from '../../../../contracts/courtyards';
import { DateField } from '../../../components/date-field';
import { PageError, PageLoading } from '../../../components/page-states';
import { DATE_FORMAT } from '../../../lib/format';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useInspection } from '../api/get-inspection';
import { useRubric } from '../api/get-rubric';
import { useUpdateInspection } from '../api/update-inspection';
import { ItemScorer } from './item-scorer';
import { RatingTag } from './rating-tag';

type Props = { inspectionId: string; onClose: () => void };

/**
 * 编辑检查: the same item controls as the phone form, saved with the record's version (409 if it moved).
 * Not on LedgerFormDrawer: the scores, deductions and vetoes live in state shared with the phone form.
 */
export const InspectionEditDrawer = ({ inspectionId, onClose }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const inspection = useInspection(inspectionId);
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('courtyards.inspection.edit')}
      size={isMobile ? '100%' : 600}
      data-testid="inspection-edit"
    >
      {inspection.isPending ? (
        <PageLoading />
      ) : inspection.isError ? (
        <PageError error={inspection.error} onRetry={() => void inspection.refetch()} />
      ) : (
        <EditForm inspection={inspection.data} onClose={onClose} />
      )}
    </Drawer>
  );
};

const EditForm = ({ inspection: a, onClose }: { inspection: Inspection; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const rubric = useRubric(a.rubricId);
  const update = useUpdateInspection();
  const [given, setGiven] = useState<Record<string, number>>(() =>
    Object.fromEntries(a.itemScores.map((s) => [s.itemCode, s.score])),
  );
  const [deductions, setDeductions] = useState<Deduction[]>(a.deductions);
  const [vetoCodes, setVetoCodes] = useState<string[]>(a.vetoCodes);
  const [note, setNote] = useState(a.note ?? '');
  const [inspectedOn, setInspectedOn] = useState(a.inspectedOn);
  const [inspectorNames, setInspectorNames] = useState(a.inspectorNames ?? '');
  const rules = rubric.data?.rules;
  const itemScores = useMemo(
    () => Object.entries(given).map(([itemCode, score]) => ({ itemCode, score })),
    [given],
  );
  const result = useMemo(
    () => (rules ? computeScore(rules, { itemScores, deductions, vetoCodes }) : null),
    [rules, itemScores, deductions, vetoCodes],
  );

  if (rubric.isPending) return <PageLoading />;
  if (rubric.isError || !rules || !result)
    return <PageError error={rubric.error} onRetry={() => void rubric.refetch()} />;

  const save = () =>
    update.mutate(
      {
        id: a.id,
        version: a.version,
        inspectedOn,
        inspectorNames: inspectorNames.trim() || null,
        itemScores,
        deductions,
        vetoCodes,
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => onError(e, undefined, onClose),
      },
    );

  return (
    <div className="bbt-score" data-testid="inspection-edit-form">
      <Typography.Title level={5}>
        {a.headName ? `${a.headName} · ` : ''}
        {a.householdLabel}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <DateField
          allowClear={false}
          notFuture
          value={dayjs(inspectedOn, DATE_FORMAT)}
          onChange={(d) => d && setInspectedOn(d.format(DATE_FORMAT))}
          aria-label={t('courtyards.field.inspectedOn')}
        />
        <Input
          value={inspectorNames}
          maxLength={100}
          onChange={(e) => setInspectorNames(e.target.value)}
          placeholder={t('courtyards.field.inspectors')}
          aria-label={t('courtyards.field.inspectors')}
        />
      </Space>
      {rules.areas.map((area) => (
        <section key={area.code} className="bbt-score-area">
          <h2>
            <span>{area.name}</span>
            <span>
              {result.areas.find((x) => x.code === area.code)?.score}/
              {result.areas.find((x) => x.code === area.code)?.maxPoints}
            </span>
          </h2>
          {area.items.map((item) => (
            <ItemScorer
              key={item.code}
              item={item}
              score={result.items[item.code] ?? item.maxPoints}
              given={given[item.code]}
              deductions={deductions
                .filter((d) => d.itemCode === item.code)
                .map((d) => ({ ...d, isRectifying: false }))}
              hasRectifyToggle={false}
              onGiven={(points) => setGiven((g) => ({ ...g, [item.code]: points }))}
              onToggleReason={(r) =>
                setDeductions((list) =>
                  list.some((d) => d.itemCode === item.code && d.reasonCode === r.code)
                    ? list.filter((d) => !(d.itemCode === item.code && d.reasonCode === r.code))
                    : [
                        ...list,
                        { itemCode: item.code, reasonCode: r.code, reason: r.reason, points: r.points },
                      ],
                )
              }
              onToggleRectify={() => undefined}
            />
          ))}
        </section>
      ))}
      {rules.vetoItems.length > 0 && (
        <section className="bbt-score-area bbt-score-veto">
          <h2>{t('courtyards.score.veto')}</h2>
          <Checkbox.Group
            value={vetoCodes}
            onChange={(v) => setVetoCodes(v as string[])}
            options={rules.vetoItems.map((v) => ({ value: v.code, label: v.name }))}
          />
        </section>
      )}
      <section className="bbt-score-area">
        <h2>{t('courtyards.field.note')}</h2>
        <Input.TextArea rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </section>
      <div className="bbt-score-bar">
        <div className="bbt-score-total">
          <span>
            <strong>{result.total}</strong>/{result.maxTotal}
          </span>
          <RatingTag rating={result.rating} isVeto={result.isVeto} />
        </div>
        <Button
          type="primary"
          size="large"
          block
          loading={update.isPending}
          onClick={save}
          data-testid="inspection-edit-save"
        >
          {t('common.save')}
        </Button>
      </div>
    </div>
  );
};
