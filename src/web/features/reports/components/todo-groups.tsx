import { Badge, Button, Collapse, List, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type FigureValue, type TodoItem, todoLevelLabels } from '../../../../contracts/reports';
import { EmptyState } from '../../../components/page-states';
import { useLabel } from '../../../lib/labels';
import { groupTodos } from '../lib/todo-groups';

const levelColor = { overdue: 'red', due: 'orange', info: 'blue' } as const;

/** The day a kind's items are due by, when they share one (a month's to-dos: its last day). */
const dueOf = (items: TodoItem[]): string | null => {
  const days = new Set(items.map((i) => i.dueOn));
  const [day] = days;
  return days.size === 1 ? (day ?? null) : null;
};

type Props = {
  items: TodoItem[];
  /**
   * Her own to-dos (a village or community): every kind open, each line without her unit's name. Above
   * (a town, a county): the kinds folded, each with its count, a line per village (or town) inside.
   */
  isOwn: boolean;
  onOpen: (title: string, f: FigureValue) => void;
};

/** 待办事项 by kind (每月宣讲未登记 · 3, 整改逾期 · 2 …), the most urgent kind first. */
export const TodoGroups = ({ items, isOwn, onOpen }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const groups = useMemo(() => groupTodos(items), [items]);
  if (groups.length === 0) return <EmptyState description={t('reports.dashboard.noTodos')} />;
  const text = (l: { zh: string; en: string }) => label({ l }, 'l');
  return (
    <Collapse
      className="bbt-todo-groups"
      defaultActiveKey={isOwn ? groups.map((g) => g.provider) : []}
      items={groups.map((g) => ({
        key: g.provider,
        label: (
          <span className="bbt-todo-group-title" data-testid="todo-group-title">
            <Tag color={levelColor[g.level]}>{label(todoLevelLabels, g.level)}</Tag>
            {text(g.kind)}
            {g.level !== 'overdue' && dueOf(g.items) && (
              <span className="bbt-todo-due">{t('reports.dashboard.dueOn', { date: dueOf(g.items) })}</span>
            )}
          </span>
        ),
        extra: (
          <Badge
            count={g.count}
            overflowCount={999}
            showZero
            color={g.level === 'overdue' ? '#cf1322' : '#d46b08'}
            aria-label={t('reports.dashboard.todoCount', { count: g.count })}
            data-testid="todo-group-count"
          />
        ),
        children: (
          <List
            size="small"
            dataSource={g.items}
            rowKey="id"
            renderItem={(item) => (
              <List.Item
                data-testid="todo-item"
                data-count={item.count}
                actions={
                  item.figure
                    ? [
                        <Button
                          key="open"
                          type="link"
                          size="small"
                          onClick={() => item.figure && onOpen(text(item.title), item.figure)}
                          data-testid="todo-open"
                        >
                          {t('reports.dashboard.openRecords')}
                        </Button>,
                      ]
                    : undefined
                }
              >
                {isOwn || !item.orgUnitName ? (
                  <span className="bbt-todo-line">{text(item.detail)}</span>
                ) : (
                  <span className="bbt-todo-line">
                    <strong>{item.orgUnitName}</strong>
                    <span className="bbt-todo-detail">{text(item.detail)}</span>
                  </span>
                )}
              </List.Item>
            )}
          />
        ),
      }))}
    />
  );
};
