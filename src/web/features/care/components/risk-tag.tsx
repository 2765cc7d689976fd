import { Tag } from 'antd';
import { type RiskLevel, riskLevelLabels } from '../../../../contracts/care';
import { useLabel } from '../../../lib/labels';

export const RISK_COLORS: Record<RiskLevel, string> = {
  green: 'green',
  yellow: 'gold',
  orange: 'orange',
  red: 'red',
};

/** A screening's colour as a tag (红橙黄绿); nothing yet is a dash. */
export const RiskTag = ({ risk }: { risk: RiskLevel | null | undefined }) => {
  const label = useLabel();
  if (!risk) return <span>—</span>;
  return (
    <Tag color={RISK_COLORS[risk]} data-testid={`risk-${risk}`}>
      {label(riskLevelLabels, risk)}
    </Tag>
  );
};
