import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../../../contracts/reports';
import { chineseNumber, newId } from '../lib/summary-content';

type Props = { items: PlanItem[]; onChange: (items: PlanItem[]) => void; readOnly?: boolean };

/** 下一步工作打算: what she plans, one item a line, in order (一是…, 二是…). */
export const PlanItemsEditor = ({ items, onChange, readOnly }: Props) => {
  const { t } = useTranslation();
  if (readOnly)
    return (
      <div>
        {items.map((p, i) => (
          <p key={p.id} className="bbt-summary-paragraph is-readonly">
            {t('reports.summary.planPrefix', { n: chineseNumber(i + 1) })}
            {p.text}
          </p>
        ))}
      </div>
    );
  const set = (i: number, text: string) => onChange(items.map((p, j) => (j === i ? { ...p, text } : p)));
  const move = (i: number, by: number) => {
    const next = [...items];
    const [p] = next.splice(i, 1);
    next.splice(i + by, 0, p);
    onChange(next);
  };
  return (
    <div className="bbt-plan-items" data-testid="plan-items">
      {items.map((p, i) => (
        <div key={p.id} className="bbt-plan-item" data-testid="plan-item">
          <span className="bbt-plan-number">
            {t('reports.summary.planPrefix', { n: chineseNumber(i + 1) })}
          </span>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 6 }}
            value={p.text}
            maxLength={2000}
            onChange={(e) => set(i, e.target.value)}
            aria-label={t('reports.summary.planItem', { n: i + 1 })}
            status={p.text.trim() ? undefined : 'error'}
            data-testid="plan-item-text"
          />
          <Space.Compact>
            <Button
              icon={<ArrowUpOutlined />}
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={t('reports.summary.moveUp')}
            />
            <Button
              icon={<ArrowDownOutlined />}
              disabled={i === items.length - 1}
              onClick={() => move(i, 1)}
              aria-label={t('reports.summary.moveDown')}
            />
            <Popconfirm
              title={t('reports.summary.removePlanConfirm')}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => onChange(items.filter((_, j) => j !== i))}
            >
              <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          </Space.Compact>
        </div>
      ))}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => onChange([...items, { id: newId('plan'), text: '' }])}
        disabled={items.length >= 40}
        data-testid="plan-add"
      >
        {t('reports.summary.addPlan')}
      </Button>
    </div>
  );
};
