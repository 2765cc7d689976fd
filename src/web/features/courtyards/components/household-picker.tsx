import { HomeOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Input, List, Segmented, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { useDebounced } from '../../../lib/use-debounced';
import { useTodo } from '../api/get-todo';
import { useCourtyardHouseholds } from '../api/list-courtyard-households';
import { RatingTag } from './rating-tag';

export type PickedHousehold = {
  householdId: string;
  label: string;
  orgUnitId: string;
  groupId?: string;
};

type Props = { scopeId: string; month: string; onPick: (h: PickedHousehold) => void };

const GROUP_KEY = 'bbt.courtyards.todoGroup';

const labelOf = (h: { label?: string; householdLabel?: string; headName: string | null }) => {
  const place = h.label ?? h.householdLabel ?? '';
  return h.headName ? `${h.headName} · ${place}` : place;
};

/** 选择农户: the group's 待检清单 for the month, or a search by name or house number. */
export const HouseholdPicker = ({ scopeId, month, onPick }: Props) => {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'todo' | 'search'>('todo');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const todo = useTodo(scopeId, month);
  const found = useCourtyardHouseholds(
    { orgUnitId: scopeId, q: q || undefined, pageSize: 20 },
    mode === 'search',
  );
  const groups = todo.data?.groups ?? [];
  // An inspector works in one group all month: remember which one she picked.
  const [groupId, setGroupId] = useState<string | null>(() => {
    try {
      return window.localStorage.getItem(GROUP_KEY);
    } catch {
      return null;
    }
  });
  const group = groups.find((g) => g.groupId === groupId) ?? groups[0];
  const pickGroup = (id: string) => {
    setGroupId(id);
    try {
      window.localStorage.setItem(GROUP_KEY, id);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  const unassigned = todo.data?.unassignedVillages ?? [];

  return (
    <div data-testid="household-picker">
      <Segmented
        block
        size="large"
        value={mode}
        onChange={(v) => setMode(v as 'todo' | 'search')}
        options={[
          { value: 'todo', label: t('courtyards.pick.todo') },
          { value: 'search', label: t('courtyards.pick.search') },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="pick-mode"
      />
      {mode === 'search' ? (
        <>
          <Input
            size="large"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('courtyards.pick.placeholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="pick-search"
          />
          {found.isError ? (
            <PageError error={found.error} onRetry={() => void found.refetch()} />
          ) : (
            <List
              loading={found.isFetching}
              dataSource={found.data?.items ?? []}
              locale={{ emptyText: <EmptyState description={t('courtyards.pick.none')} /> }}
              renderItem={(h) => (
                <List.Item style={{ padding: '4px 0', border: 'none' }}>
                  <Button
                    block
                    size="large"
                    className="bbt-pick-row"
                    onClick={() =>
                      onPick({ householdId: h.householdId, label: labelOf(h), orgUnitId: h.orgUnitId })
                    }
                    data-testid="pick-household"
                  >
                    <span className="bbt-pick-main">
                      <HomeOutlined /> {labelOf(h)}
                    </span>
                    <span className="bbt-pick-side">
                      {h.orgUnitName}
                      {h.lastInspectedOn?.startsWith(month) ? (
                        <Tag color="green">
                          {t('courtyards.pick.doneThisMonth', { date: h.lastInspectedOn.slice(5) })}
                        </Tag>
                      ) : (
                        <RatingTag rating={h.rating} />
                      )}
                    </span>
                  </Button>
                </List.Item>
              )}
            />
          )}
        </>
      ) : todo.isPending ? (
        <PageLoading rows={4} />
      ) : todo.isError ? (
        <PageError error={todo.error} onRetry={() => void todo.refetch()} />
      ) : groups.length === 0 ? (
        <EmptyState description={t('courtyards.pick.noTodo')}>
          <Button size="large" onClick={() => setMode('search')} data-testid="pick-go-search">
            {t('courtyards.pick.search')}
          </Button>
        </EmptyState>
      ) : (
        <div data-testid="pick-todo">
          {groups.length > 1 && (
            <Select
              size="large"
              style={{ width: '100%', marginBottom: 12 }}
              value={group?.groupId}
              onChange={pickGroup}
              options={groups.map((g) => ({ value: g.groupId, label: g.groupName }))}
              aria-label={t('courtyards.field.group')}
              data-testid="pick-group"
            />
          )}
          {group && (
            <Collapse
              key={group.groupId}
              defaultActiveKey={group.villages.find((v) => v.pending.length > 0)?.villageId}
              items={group.villages.map((v) => ({
                key: v.villageId,
                label: (
                  <span className="bbt-todo-village-head">
                    <span>{v.villageName}</span>
                    <Tag color={v.inspected >= v.households ? 'green' : 'orange'}>
                      {t('courtyards.pick.progress', { done: v.inspected, total: v.households })}
                    </Tag>
                  </span>
                ),
                children:
                  v.pending.length === 0 ? (
                    <Typography.Text type="success">{t('courtyards.pick.villageDone')}</Typography.Text>
                  ) : (
                    <div className="bbt-todo-village">
                      {v.pending.map((h) => (
                        <Button
                          key={h.householdId}
                          block
                          size="large"
                          className="bbt-pick-row"
                          onClick={() =>
                            onPick({
                              householdId: h.householdId,
                              label: labelOf(h),
                              orgUnitId: v.villageId,
                              groupId: group.groupId,
                            })
                          }
                          data-testid="pick-todo-household"
                        >
                          <span className="bbt-pick-main">
                            <HomeOutlined /> {labelOf(h)}
                          </span>
                        </Button>
                      ))}
                    </div>
                  ),
              }))}
            />
          )}
          {unassigned.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              title={t('courtyards.pick.unassigned', {
                names: unassigned.map((u) => u.villageName).join('、'),
              })}
            />
          )}
        </div>
      )}
    </div>
  );
};
