import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type RubricArea,
  type RubricItem,
  type RubricRules,
  ratingLabels,
  ratingLevels,
  rubricMaxPoints,
} from '../../../../contracts/courtyards';
import { useLabel } from '../../../lib/labels';

type Props = { value: RubricRules; onChange: (rules: RubricRules) => void; disabled?: boolean };

let seq = 0;
/** A fresh code for a new area, item, reason or veto (letters first, as the contract asks). */
export const newCode = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

const num = (v: number | string | null, fallback = 0) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/** 评分细则 editor: areas → items (max points, deduction reasons), thresholds, veto items, rating and removal rules. */
export const RubricEditor = ({ value: rules, onChange, disabled }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const setAreas = (areas: RubricArea[]) => onChange({ ...rules, areas });
  const setArea = (n: number, patch: Partial<RubricArea>) =>
    setAreas(rules.areas.map((a, i) => (i === n ? { ...a, ...patch } : a)));
  const setItem = (an: number, n: number, patch: Partial<RubricItem>) =>
    setArea(an, { items: rules.areas[an].items.map((it, i) => (i === n ? { ...it, ...patch } : it)) });

  return (
    <div data-testid="rubric-editor">
      <Typography.Paragraph>
        {t('courtyards.rubric.total', { points: rubricMaxPoints(rules) })}
      </Typography.Paragraph>
      {rules.areas.map((area, an) => (
        <Card
          key={area.code}
          size="small"
          className="bbt-rubric-area"
          title={
            <Input
              value={area.name}
              maxLength={60}
              disabled={disabled}
              onChange={(e) => setArea(an, { name: e.target.value })}
              aria-label={t('courtyards.rubric.area')}
              style={{ maxWidth: 240 }}
            />
          }
          extra={
            <Button
              danger
              type="text"
              icon={<DeleteOutlined />}
              disabled={disabled || rules.areas.length <= 1}
              onClick={() => setAreas(rules.areas.filter((_, i) => i !== an))}
              aria-label={t('courtyards.rubric.removeArea')}
            />
          }
        >
          {area.items.map((item, n) => (
            <div key={item.code}>
              <div className="bbt-rubric-item">
                <Input.TextArea
                  autoSize
                  value={item.name}
                  maxLength={120}
                  disabled={disabled}
                  onChange={(e) => setItem(an, n, { name: e.target.value })}
                  aria-label={t('courtyards.rubric.item')}
                />
                <InputNumber
                  min={0}
                  max={1000}
                  value={item.maxPoints}
                  disabled={disabled}
                  onChange={(v) => setItem(an, n, { maxPoints: num(v) })}
                  suffix={t('courtyards.rubric.pointsUnit')}
                  aria-label={t('courtyards.rubric.maxPoints')}
                  data-testid="rubric-item-max"
                />
                <Button
                  danger
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={disabled || area.items.length <= 1}
                  onClick={() => setArea(an, { items: area.items.filter((_, i) => i !== n) })}
                  aria-label={t('courtyards.rubric.removeItem')}
                />
              </div>
              {item.deductions.map((d, dn) => (
                <div key={d.code} className="bbt-rubric-reason">
                  <Input
                    size="small"
                    value={d.reason}
                    maxLength={120}
                    disabled={disabled}
                    prefix="−"
                    onChange={(e) =>
                      setItem(an, n, {
                        deductions: item.deductions.map((x, i) =>
                          i === dn ? { ...x, reason: e.target.value } : x,
                        ),
                      })
                    }
                    aria-label={t('courtyards.rubric.reason')}
                  />
                  <InputNumber
                    size="small"
                    min={0.5}
                    max={100}
                    step={0.5}
                    value={d.points}
                    disabled={disabled}
                    onChange={(v) =>
                      setItem(an, n, {
                        deductions: item.deductions.map((x, i) =>
                          i === dn ? { ...x, points: num(v, 1) } : x,
                        ),
                      })
                    }
                    aria-label={t('courtyards.rubric.reasonPoints')}
                  />
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={disabled}
                    onClick={() => setItem(an, n, { deductions: item.deductions.filter((_, i) => i !== dn) })}
                    aria-label={t('courtyards.rubric.removeReason')}
                  />
                </div>
              ))}
              <Button
                size="small"
                type="link"
                icon={<PlusOutlined />}
                disabled={disabled}
                onClick={() =>
                  setItem(an, n, {
                    deductions: [
                      ...item.deductions,
                      { code: newCode('r'), reason: t('courtyards.rubric.newReason'), points: 1 },
                    ],
                  })
                }
                style={{ marginLeft: 8, marginBottom: 8 }}
              >
                {t('courtyards.rubric.addReason')}
              </Button>
            </div>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={disabled}
            onClick={() =>
              setArea(an, {
                items: [
                  ...area.items,
                  { code: newCode('i'), name: t('courtyards.rubric.newItem'), maxPoints: 5, deductions: [] },
                ],
              })
            }
          >
            {t('courtyards.rubric.addItem')}
          </Button>
        </Card>
      ))}
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        disabled={disabled}
        onClick={() =>
          setAreas([
            ...rules.areas,
            {
              code: newCode('a'),
              name: t('courtyards.rubric.newArea'),
              items: [
                { code: newCode('i'), name: t('courtyards.rubric.newItem'), maxPoints: 10, deductions: [] },
              ],
            },
          ])
        }
        style={{ marginBottom: 16 }}
        data-testid="rubric-add-area"
      >
        {t('courtyards.rubric.addArea')}
      </Button>

      <Card size="small" title={t('courtyards.rubric.thresholds')} style={{ marginBottom: 12 }}>
        <Space wrap>
          {ratingLevels.map((r) => (
            <InputNumber
              key={r}
              min={0}
              max={1000}
              value={rules.thresholds[r]}
              disabled={disabled}
              prefix={`${label(ratingLabels, r)} ≥`}
              onChange={(v) => onChange({ ...rules, thresholds: { ...rules.thresholds, [r]: num(v) } })}
              data-testid={`rubric-threshold-${r}`}
            />
          ))}
        </Space>
      </Card>

      <Card size="small" title={t('courtyards.rubric.vetoItems')} style={{ marginBottom: 12 }}>
        {rules.vetoItems.map((v, n) => (
          <Space.Compact key={v.code} style={{ width: '100%', marginBottom: 6 }}>
            <Input
              value={v.name}
              maxLength={120}
              disabled={disabled}
              onChange={(e) =>
                onChange({
                  ...rules,
                  vetoItems: rules.vetoItems.map((x, i) => (i === n ? { ...x, name: e.target.value } : x)),
                })
              }
              aria-label={t('courtyards.rubric.vetoItems')}
            />
            <Button
              danger
              icon={<DeleteOutlined />}
              disabled={disabled}
              onClick={() => onChange({ ...rules, vetoItems: rules.vetoItems.filter((_, i) => i !== n) })}
              aria-label={t('courtyards.rubric.removeVeto')}
            />
          </Space.Compact>
        ))}
        <Button
          type="link"
          icon={<PlusOutlined />}
          disabled={disabled}
          onClick={() =>
            onChange({
              ...rules,
              vetoItems: [...rules.vetoItems, { code: newCode('v'), name: t('courtyards.rubric.newVeto') }],
            })
          }
        >
          {t('courtyards.rubric.addVeto')}
        </Button>
      </Card>

      <Card size="small" title={t('courtyards.rubric.ratingRule')} style={{ marginBottom: 12 }}>
        <Space orientation="vertical">
          <Space wrap>
            <span>{t('courtyards.rubric.window')}</span>
            <InputNumber
              min={1}
              max={12}
              precision={0}
              value={rules.householdRule.window}
              disabled={disabled}
              onChange={(v) =>
                onChange({ ...rules, householdRule: { ...rules.householdRule, window: num(v, 3) } })
              }
            />
          </Space>
          <Checkbox
            checked={rules.householdRule.isVetoDropping}
            disabled={disabled}
            onChange={(e) =>
              onChange({
                ...rules,
                householdRule: { ...rules.householdRule, isVetoDropping: e.target.checked },
              })
            }
          >
            {t('courtyards.rubric.vetoDropping')}
          </Checkbox>
        </Space>
      </Card>

      <Card size="small" title={t('courtyards.rubric.removalRule')}>
        <Space orientation="vertical">
          <Space wrap>
            <span>{t('courtyards.rubric.consecutiveFailures')}</span>
            <InputNumber
              min={0}
              max={12}
              precision={0}
              value={rules.removalRule.consecutiveFailures}
              disabled={disabled}
              onChange={(v) =>
                onChange({ ...rules, removalRule: { ...rules.removalRule, consecutiveFailures: num(v, 2) } })
              }
            />
          </Space>
          <Checkbox
            checked={rules.removalRule.failsBelowPlaqueLevel}
            disabled={disabled}
            onChange={(e) =>
              onChange({
                ...rules,
                removalRule: { ...rules.removalRule, failsBelowPlaqueLevel: e.target.checked },
              })
            }
          >
            {t('courtyards.rubric.failsBelowPlaque')}
          </Checkbox>
          <Checkbox
            checked={rules.removalRule.isOverdueRectificationRemoving}
            disabled={disabled}
            onChange={(e) =>
              onChange({
                ...rules,
                removalRule: { ...rules.removalRule, isOverdueRectificationRemoving: e.target.checked },
              })
            }
          >
            {t('courtyards.rubric.overdueRemoving')}
          </Checkbox>
        </Space>
      </Card>
    </div>
  );
};
