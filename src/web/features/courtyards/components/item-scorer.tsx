import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RubricItem } from '../../../../contracts/courtyards';
import type { DraftDeduction } from '../lib/score-draft';

type Props = {
  item: RubricItem;
  /** The item's score after deductions, from the shared rule (what will be saved). */
  score: number;
  given: number | undefined;
  deductions: DraftDeduction[];
  onGiven: (points: number) => void;
  onToggleReason: (reason: { code: string; reason: string; points: number }) => void;
  onToggleRectify: (reasonCode: string | undefined) => void;
  disabled?: boolean;
  /** Editing a saved inspection: its 整改 were opened when it was saved. */
  hasRectifyToggle?: boolean;
};

/**
 * One rubric item on a phone: a big −/+ around the item's score (it moves the points given before
 * deductions), and its deduction reasons as large toggles; each ticked reason can open a 整改.
 */
export const ItemScorer = ({
  item,
  score,
  given,
  deductions,
  onGiven,
  onToggleReason,
  onToggleRectify,
  disabled,
  hasRectifyToggle = true,
}: Props) => {
  const { t } = useTranslation();
  const base = given ?? item.maxPoints;
  const isLowered = score < item.maxPoints;
  return (
    <div
      className={`bbt-item-scorer${isLowered ? ' is-lowered' : ''}`}
      data-testid={`score-item-${item.code}`}
    >
      <div className="bbt-item-head">
        <span className="bbt-item-name">{item.name}</span>
        <span className="bbt-muted">{t('courtyards.score.max', { points: item.maxPoints })}</span>
      </div>
      <div className="bbt-item-stepper">
        <Button
          size="large"
          icon={<MinusOutlined />}
          onClick={() => onGiven(Math.max(0, base - 1))}
          disabled={disabled || base <= 0}
          aria-label={t('courtyards.score.minus', { name: item.name })}
          data-testid={`score-minus-${item.code}`}
        />
        <output className="bbt-item-score" aria-live="polite" data-testid={`score-value-${item.code}`}>
          {score}
        </output>
        <Button
          size="large"
          icon={<PlusOutlined />}
          onClick={() => onGiven(Math.min(item.maxPoints, base + 1))}
          disabled={disabled || base >= item.maxPoints}
          aria-label={t('courtyards.score.plus', { name: item.name })}
          data-testid={`score-plus-${item.code}`}
        />
      </div>
      {item.deductions.length > 0 && (
        <div className="bbt-reasons">
          {item.deductions.map((r) => {
            const ticked = deductions.find((d) => d.reasonCode === r.code);
            return (
              <div key={r.code} className="bbt-reason">
                <Button
                  size="large"
                  block
                  type={ticked ? 'primary' : 'default'}
                  danger={Boolean(ticked)}
                  aria-pressed={Boolean(ticked)}
                  disabled={disabled}
                  onClick={() => onToggleReason(r)}
                  data-testid={`score-reason-${r.code}`}
                >
                  {r.reason}（−{r.points}）
                </Button>
                {ticked && hasRectifyToggle && (
                  <div className="bbt-rectify-toggle">
                    <Switch
                      checked={ticked.isRectifying}
                      disabled={disabled}
                      onChange={() => onToggleRectify(r.code)}
                      aria-label={`${r.reason} ${t('courtyards.score.rectify')}`}
                      data-testid={`score-rectify-${r.code}`}
                    />
                    <span>{t('courtyards.score.rectify')}</span>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
};
