import { Badge, Button, Collapse, List, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type FigureValue, type TodoItem, todoLevelLabels } from '../../../../contracts/reports';
import { EmptyState } from '../../../components/page-states';
import { useLabel } from '../../../lib/labels';
import { groupTodos } from '../lib/todo-groups';

const levelColor = { overdue: 'red', due: 'orange', info: 'blue' } as const;

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
                <List.Item.Meta
                  title={isOwn || !item.orgUnitName ? text(item.detail) : item.orgUnitName}
                  description={
                    <>
                      {!isOwn && item.orgUnitName && <div>{text(item.detail)}</div>}
                      {item.dueOn && item.level !== 'overdue' && (
                        <div>{t('reports.dashboard.dueOn', { date: item.dueOn })}</div>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        ),
      }))}
    />
  );
};
