import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../../contracts/courtyards';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useAssignment } from '../api/get-assignment';
import { useGroups } from '../api/list-groups';
import { useGenerateAssignment, useSaveAssignment } from '../api/save-assignment';

type Props = { townId: string; month: string };
type Row = Assignment['items'][number];

/** 本月分组: which group inspects which village; generate, move villages between groups, save. */
export const AssignmentBoard = ({ townId, month }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access } = useSession();
  const onError = useApiErrorHandler();
  const assignment = useAssignment(townId, month);
  const groups = useGroups({ orgUnitId: townId, pageSize: 200, status: 'active' });
  const generate = useGenerateAssignment();
  const save = useSaveAssignment();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<Assignment | null>(null);
  const canManage = access.can('courtyards.manage');
  useEffect(() => {
    setShown(assignment.data ?? null);
    setEdits({});
  }, [assignment.data]);

  const homeVillages = useMemo(
    () => new Map((groups.data?.items ?? []).map((g) => [g.id, new Set(g.homeVillageIds)])),
    [groups.data],
  );
  const groupName = (id: string | null) => groups.data?.items.find((g) => g.id === id)?.name ?? null;
  const rows: Row[] = (shown?.items ?? []).map((r) => {
    const groupId = edits[r.villageId] ?? r.groupId;
    return {
      ...r,
      groupId,
      groupName: groupName(groupId) ?? r.groupName,
      isOwnVillage: groupId ? Boolean(homeVillages.get(groupId)?.has(r.villageId)) : false,
    };
  });
  const loads = useMemo(() => {
    const m = new Map<string, { villages: number; households: number }>();
    for (const g of groups.data?.items ?? []) m.set(g.id, { villages: 0, households: 0 });
    for (const r of rows) {
      if (!r.groupId) continue;
      const l = m.get(r.groupId) ?? { villages: 0, households: 0 };
      l.villages += 1;
      l.households += r.households;
      m.set(r.groupId, l);
    }
    return m;
  }, [rows, groups.data]);
  const isDirty =
    Object.keys(edits).length > 0 || Boolean(shown && !shown.isSaved && shown.items.some((i) => i.groupId));
  const hasOwn = rows.some((r) => r.isOwnVillage);
  const missing = rows.filter((r) => !r.groupId);

  const onGenerate = () =>
    generate.mutate(
      { townId, month, isReplacing: Boolean(assignment.data?.isSaved) },
      {
        onSuccess: (a) => {
          setShown(a);
          setEdits({});
          void message.success(t('courtyards.assignment.generated'));
        },
        onError: (e) => onError(e),
      },
    );
  const onSave = () =>
    save.mutate(
      {
        townId,
        month,
        items: rows
          .filter((r) => r.groupId)
          .map((r) => ({ villageId: r.villageId, groupId: r.groupId as string })),
      },
      {
        onSuccess: () => void message.success(t('courtyards.assignment.saved')),
        onError: (e) => onError(e),
      },
    );

  if (assignment.isPending) return <PageLoading />;
  if (assignment.isError)
    return <PageError error={assignment.error} onRetry={() => void assignment.refetch()} />;
  const hasGroups = (groups.data?.items.length ?? 0) > 0;

  return (
    <div data-testid="assignment-board">
      <Space wrap style={{ marginBottom: 12 }}>
        {shown?.isSaved ? (
          <Tag color="green">
            {t('courtyards.assignment.isSaved', { at: formatDateTime(shown.updatedAt) })}
          </Tag>
        ) : (
          <Tag color="orange">{t('courtyards.assignment.notSaved')}</Tag>
        )}
        {canManage && (
          <Popconfirm
            title={t('courtyards.assignment.replaceConfirm')}
            disabled={!assignment.data?.isSaved}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={onGenerate}
          >
            <Button
              icon={<ThunderboltOutlined />}
              loading={generate.isPending}
              disabled={!hasGroups}
              onClick={assignment.data?.isSaved ? undefined : onGenerate}
              data-testid="assignment-generate"
            >
              {t('courtyards.assignment.generate')}
            </Button>
          </Popconfirm>
        )}
        {canManage && (
          <Button
            type="primary"
            loading={save.isPending}
            disabled={!isDirty || rows.length === 0}
            onClick={onSave}
            data-testid="assignment-save"
          >
            {t('courtyards.assignment.save')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('courtyards.assignment.hint')}</Typography.Paragraph>
      {!hasGroups && (
        <Alert
          type="info"
          showIcon
          title={t('courtyards.assignment.noGroups')}
          style={{ marginBottom: 12 }}
        />
      )}
      {hasOwn && (
        <Alert
          type="error"
          showIcon
          title={t('courtyards.assignment.ownVillage')}
          style={{ marginBottom: 12 }}
        />
      )}
      {missing.length > 0 && rows.some((r) => r.groupId) && (
        <Alert
          type="warning"
          showIcon
          title={t('courtyards.assignment.missing', { names: missing.map((r) => r.villageName).join('、') })}
          style={{ marginBottom: 12 }}
        />
      )}
      {rows.length === 0 ? (
        <EmptyState description={t('courtyards.assignment.noVillages')} />
      ) : (
        <Table<Row>
          rowKey="villageId"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('courtyards.field.village'), dataIndex: 'villageName' },
            { title: t('courtyards.assignment.households'), dataIndex: 'households', align: 'right' },
            {
              title: t('courtyards.field.group'),
              key: 'group',
              render: (_: unknown, r) =>
                canManage ? (
                  <Select
                    style={{ minWidth: 180 }}
                    value={r.groupId ?? undefined}
                    placeholder={t('courtyards.assignment.pickGroup')}
                    onChange={(g: string) => setEdits((e) => ({ ...e, [r.villageId]: g }))}
                    options={(groups.data?.items ?? []).map((g) => ({
                      value: g.id,
                      label: g.name,
                      disabled: g.homeVillageIds.includes(r.villageId),
                    }))}
                    data-testid="assignment-group"
                  />
                ) : (
                  (r.groupName ?? '—')
                ),
            },
            {
              title: t('courtyards.assignment.flags'),
              key: 'flags',
              render: (_: unknown, r) => (
                <>
                  {r.isOwnVillage && <Tag color="red">{t('courtyards.assignment.flagOwn')}</Tag>}
                  {r.isRepeat && <Tag color="orange">{t('courtyards.assignment.flagRepeat')}</Tag>}
                  {edits[r.villageId] && <Tag color="blue">{t('courtyards.assignment.flagMoved')}</Tag>}
                </>
              ),
            },
          ]}
        />
      )}
      {(groups.data?.items.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('courtyards.assignment.loads')}
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={(groups.data?.items ?? []).map((g) => ({
              id: g.id,
              name: g.name,
              ...(loads.get(g.id) ?? { villages: 0, households: 0 }),
            }))}
            columns={[
              { title: t('courtyards.field.group'), dataIndex: 'name' },
              { title: t('courtyards.assignment.villages'), dataIndex: 'villages', align: 'right' },
              { title: t('courtyards.assignment.households'), dataIndex: 'households', align: 'right' },
            ]}
          />
        </>
      )}
    </div>
  );
};
