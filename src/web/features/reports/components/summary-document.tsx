import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Popconfirm, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  FigureRun,
  Run,
  SummaryContent,
  SummaryParagraph,
  SummarySection,
} from '../../../../contracts/reports';
import { chineseNumber, newId, runsText, sameRuns, sectionNumbers } from '../lib/summary-content';
import { ParagraphEditor } from './paragraph-editor';
import { PlanItemsEditor } from './plan-items-editor';

type Props = {
  content: SummaryContent;
  /** Absent: shown read-only (an old version). */
  onChange?: (update: (c: SummaryContent) => SummaryContent) => void;
  /** Bumped when the content is replaced from outside (load, regenerate, an old version), to rebuild the editors. */
  revision: number;
  onOpenFigure: (run: FigureRun) => void;
};

const updateSection = (
  c: SummaryContent,
  id: string,
  f: (s: SummarySection) => SummarySection,
): SummaryContent => ({
  ...c,
  sections: c.sections.map((s) => (s.id === id ? f(s) : s)),
});

/** The summary as a document: title, numbered sections of paragraphs with figure chips, and the plan. */
export const SummaryDocument = ({ content, onChange, revision, onOpenFigure }: Props) => {
  const { t } = useTranslation();
  const readOnly = !onChange;
  const numbers = sectionNumbers(content.sections);
  const hasPlanSection = content.sections.some((s) => s.key === 'plan');

  const editParagraph = useCallback(
    (sectionId: string, p: SummaryParagraph, runs: Run[]) =>
      onChange?.((c) =>
        updateSection(c, sectionId, (s) => ({
          ...s,
          isEdited: true,
          paragraphs: s.paragraphs.map((x) =>
            x.id === p.id ? { ...x, runs, isEdited: x.isEdited || !sameRuns(x.runs, runs) } : x,
          ),
        })),
      ),
    [onChange],
  );

  const plan = (
    <PlanItemsEditor
      items={content.planItems}
      readOnly={readOnly}
      onChange={(planItems) => onChange?.((c) => ({ ...c, planItems }))}
    />
  );

  return (
    <article className="bbt-summary-doc" data-testid="summary-document">
      {readOnly ? (
        <h2 className="bbt-summary-title">{content.title}</h2>
      ) : (
        <Input
          className="bbt-summary-title"
          variant="borderless"
          value={content.title}
          maxLength={200}
          onChange={(e) => {
            const title = e.target.value;
            onChange?.((c) => ({ ...c, title }));
          }}
          aria-label={t('reports.summary.titleField')}
          data-testid="summary-title"
        />
      )}
      {content.sections.map((s, i) => (
        <section key={s.id} className="bbt-summary-section" data-testid="summary-section" data-key={s.key}>
          {s.key !== 'opening' && (
            <div className="bbt-summary-heading">
              <span className="bbt-summary-number">{numbers[i]}</span>
              {readOnly ? (
                <span>{s.heading}</span>
              ) : (
                <Input
                  variant="borderless"
                  value={s.heading}
                  maxLength={200}
                  onChange={(e) => {
                    const heading = e.target.value;
                    onChange?.((c) => updateSection(c, s.id, (x) => ({ ...x, heading, isEdited: true })));
                  }}
                  aria-label={t('reports.summary.headingField', { n: numbers[i] ?? '' })}
                  data-testid="summary-heading"
                />
              )}
              {!readOnly && s.key !== 'plan' && (
                <Popconfirm
                  title={t('reports.summary.removeSectionConfirm', { name: s.heading })}
                  description={t('reports.summary.removeSectionHint')}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    onChange?.((c) => ({ ...c, sections: c.sections.filter((x) => x.id !== s.id) }))
                  }
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('reports.summary.removeSection')}
                    className="bbt-summary-tool"
                  />
                </Popconfirm>
              )}
            </div>
          )}
          {s.paragraphs.map((p) => (
            <div key={p.id} className="bbt-summary-paragraph-row">
              <ParagraphEditor
                key={`${p.id}:${revision}`}
                runs={p.runs}
                readOnly={readOnly}
                ariaLabel={t('reports.summary.paragraphField', { text: runsText(p.runs).slice(0, 12) })}
                onOpenFigure={onOpenFigure}
                onChange={(runs) => editParagraph(s.id, p, runs)}
              />
              {!readOnly && (
                <Popconfirm
                  title={t('reports.summary.removeParagraphConfirm')}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    onChange?.((c) =>
                      updateSection(c, s.id, (x) => ({
                        ...x,
                        isEdited: true,
                        paragraphs: x.paragraphs.filter((y) => y.id !== p.id),
                      })),
                    )
                  }
                >
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('reports.summary.removeParagraph')}
                    className="bbt-summary-tool"
                  />
                </Popconfirm>
              )}
            </div>
          ))}
          {!readOnly && s.key !== 'plan' && (
            <Button
              type="link"
              size="small"
              icon={<PlusOutlined />}
              onClick={() =>
                onChange?.((c) =>
                  updateSection(c, s.id, (x) => ({
                    ...x,
                    isEdited: true,
                    paragraphs: [...x.paragraphs, { id: newId('p'), runs: [], isEdited: true }],
                  })),
                )
              }
              data-testid="summary-add-paragraph"
            >
              {t('reports.summary.addParagraph')}
            </Button>
          )}
          {s.key === 'plan' && plan}
        </section>
      ))}
      {!hasPlanSection && (content.planItems.length > 0 || !readOnly) && (
        <section className="bbt-summary-section">
          <div className="bbt-summary-heading">
            <span className="bbt-summary-number">{`${chineseNumber(numbers.filter(Boolean).length + 1)}、`}</span>
            <span>{t('reports.summary.planHeading')}</span>
          </div>
          {plan}
        </section>
      )}
      {!readOnly && (
        <Space style={{ marginTop: 8 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              onChange?.((c) => {
                const section: SummarySection = {
                  id: newId('s'),
                  key: 'custom',
                  heading: t('reports.summary.newSectionHeading'),
                  paragraphs: [{ id: newId('p'), runs: [], isEdited: true }],
                  isEdited: true,
                };
                const planAt = c.sections.findIndex((x) => x.key === 'plan');
                const sections = [...c.sections];
                sections.splice(planAt < 0 ? sections.length : planAt, 0, section);
                return { ...c, sections };
              })
            }
            data-testid="summary-add-section"
          >
            {t('reports.summary.addSection')}
          </Button>
        </Space>
      )}
      {readOnly && content.sections.length === 0 && (
        <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
      )}
    </article>
  );
};
