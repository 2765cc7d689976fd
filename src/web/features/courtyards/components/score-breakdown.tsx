import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { computeScore, type RubricRules } from '../../../../contracts/courtyards';

type Props = {
  rules: RubricRules;
  input: {
    itemScores: { itemCode: string; score: number }[];
    deductions: { itemCode: string; reason: string; points: number }[];
    vetoCodes: string[];
  };
};

type Row = { key: string; area: string; name: string; score: number; max: number; reasons: string[] };

/** An inspection's scores item by item, worked out with the rubric version it was scored with. */
export const ScoreBreakdown = ({ rules, input }: Props) => {
  const { t } = useTranslation();
  const result = computeScore(rules, input);
  const rows: Row[] = rules.areas.flatMap((a) =>
    a.items.map((i) => ({
      key: i.code,
      area: a.name,
      name: i.name,
      score: result.items[i.code] ?? i.maxPoints,
      max: i.maxPoints,
      reasons: input.deductions
        .filter((d) => d.itemCode === i.code)
        .map((d) => `${d.reason}（−${d.points}）`),
    })),
  );
  const vetoes = rules.vetoItems.filter((v) => input.vetoCodes.includes(v.code));
  return (
    <div data-testid="score-breakdown">
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('courtyards.rubric.area'), dataIndex: 'area' },
          { title: t('courtyards.rubric.item'), dataIndex: 'name' },
          {
            title: t('courtyards.field.score'),
            key: 'score',
            align: 'right',
            render: (_: unknown, r) => (
              <span style={{ color: r.score < r.max ? '#cf1322' : undefined }}>
                {r.score}/{r.max}
              </span>
            ),
          },
          {
            title: t('courtyards.field.deductions'),
            dataIndex: 'reasons',
            render: (reasons: string[]) => (reasons.length ? reasons.join('；') : '—'),
          },
        ]}
      />
      {vetoes.length > 0 && (
        <div style={{ marginTop: 8 }} data-testid="score-breakdown-veto">
          {t('courtyards.score.veto')}：
          {vetoes.map((v) => (
            <Tag key={v.code} color="red">
              {v.name}
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
};
