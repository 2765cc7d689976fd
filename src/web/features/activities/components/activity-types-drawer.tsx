import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Drawer, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoading } from '../../../components/page-states';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useActivityTypes } from '../api/get-activity-types';
import { useSetActivityTypes } from '../api/set-activity-types';

type Row = { key: string; code?: string; zh: string; en: string; isDated: boolean };

let nextKey = 0;
const keyed = (r: Omit<Row, 'key'>): Row => {
  nextKey += 1;
  return { key: `r${nextKey}`, ...r };
};

/**
 * 活动类型设置 (the county only): rename, reorder, add and remove types. A type keeps its code for
 * life, so renaming never splits a statistic; the server refuses to remove a type already used.
 */
export const ActivityTypesDrawer = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const onError = useApiErrorHandler();
  const types = useActivityTypes();
  const save = useSetActivityTypes();
  const [rows, setRows] = useState<Row[] | null>(null);
  const current =
    rows ??
    (types.data ?? []).map((ty) =>
      keyed({ code: ty.code, zh: ty.label.zh, en: ty.label.en, isDated: ty.isDated ?? false }),
    );
  const edit = (next: Row[]) => setRows(next);
  const patch = (i: number, p: Partial<Row>) => edit(current.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const move = (i: number, by: number) => {
    const next = [...current];
    const [r] = next.splice(i, 1);
    next.splice(i + by, 0, r);
    edit(next);
  };
  const names = current.map((r) => r.zh.trim());
  const problem = names.some((n) => !n)
    ? t('activities.types.rule.empty')
    : new Set(names).size !== names.length
      ? t('activities.types.rule.duplicate')
      : undefined;

  const submit = () => {
    if (problem) return void message.error(problem);
    save.mutate(
      {
        types: current.map((r) => ({
          ...(r.code ? { code: r.code } : {}),
          label: { zh: r.zh.trim(), ...(r.en.trim() ? { en: r.en.trim() } : {}) },
          isDated: r.isDated,
        })),
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => onError(e),
      },
    );
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('activities.types.title')}
      size={isMobile ? '100%' : 660}
      data-testid="activity-types"
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={submit}
            loading={save.isPending}
            disabled={!rows || Boolean(problem)}
            data-testid="activity-types-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        title={t('activities.types.hint')}
        description={t('activities.types.isDatedHint')}
        style={{ marginBottom: 12 }}
      />
      {types.isPending && <PageLoading rows={6} />}
      {types.isError && <PageError error={types.error} onRetry={() => void types.refetch()} />}
      {types.isSuccess && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {current.map((r, i) => (
            <Space key={r.key} wrap style={{ width: '100%' }} data-testid="activity-type-row">
              <Input
                value={r.zh}
                onChange={(e) => patch(i, { zh: e.target.value })}
                maxLength={20}
                status={!r.zh.trim() || names.indexOf(r.zh.trim()) !== i ? 'error' : undefined}
                placeholder={t('activities.types.zh')}
                aria-label={t('activities.types.zh')}
                title={r.code}
                suffix={
                  r.code ? undefined : (
                    <Typography.Text type="success" style={{ fontSize: 12 }}>
                      {t('activities.types.new')}
                    </Typography.Text>
                  )
                }
                style={{ width: 160 }}
                data-testid="activity-type-zh"
              />
              <Input
                value={r.en}
                onChange={(e) => patch(i, { en: e.target.value })}
                maxLength={40}
                placeholder={t('activities.types.en')}
                aria-label={t('activities.types.en')}
                style={{ width: 150 }}
              />
              <Checkbox
                checked={r.isDated}
                onChange={(e) => patch(i, { isDated: e.target.checked })}
                title={t('activities.types.isDatedHint')}
                data-testid="activity-type-dated"
              >
                {t('activities.types.isDated')}
              </Checkbox>
              <Button
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('activities.types.up')}
              />
              <Button
                icon={<ArrowDownOutlined />}
                disabled={i === current.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('activities.types.down')}
              />
              <Button
                danger
                icon={<DeleteOutlined />}
                disabled={current.length === 1}
                onClick={() => edit(current.filter((_, j) => j !== i))}
                aria-label={t('common.delete')}
                data-testid="activity-type-remove"
              />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => edit([...current, keyed({ zh: '', en: '', isDated: false })])}
            disabled={current.length >= 40}
            data-testid="activity-type-add"
          >
            {t('activities.types.add')}
          </Button>
        </Space>
      )}
    </Drawer>
  );
};
