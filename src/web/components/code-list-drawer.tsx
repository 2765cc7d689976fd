import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Drawer, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeListInput, CodeOption } from '../../contracts/common/code-lists';
import { useApiErrorHandler } from '../lib/use-api-error';
import { useIsMobile } from '../lib/use-is-mobile';
import { PageError, PageLoading } from './page-states';

type Row = { key: string; code?: string; zh: string; en: string; isDated?: boolean };

let nextKey = 0;
const keyed = (r: Omit<Row, 'key'>): Row => {
  nextKey += 1;
  return { key: `r${nextKey}`, ...r };
};

/**
 * A county-configured code list (活动类型, 阵地类型), set by the county only: rename, reorder, add and
 * remove values. A value keeps its code for life, so renaming never splits a statistic; the server
 * refuses to remove a value already used. `testId` names the parts (`activity-type` →
 * `activity-types`, `activity-type-row`…).
 */
export const CodeListDrawer = ({
  title,
  hint,
  addLabel,
  types,
  save,
  testId,
  dated,
  onClose,
}: {
  title: string;
  hint: string;
  addLabel: string;
  types: UseQueryResult<CodeOption[]>;
  save: UseMutationResult<unknown, Error, CodeListInput>;
  testId: string;
  /** Values may be marked as named with their dates in a summary (activity types): the checkbox's words. */
  dated?: { label: string; hint: string };
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const onError = useApiErrorHandler();
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
    ? t('codeList.rule.empty')
    : new Set(names).size !== names.length
      ? t('codeList.rule.duplicate')
      : undefined;

  const submit = () => {
    if (problem) return void message.error(problem);
    save.mutate(
      current.map((r) => ({
        ...(r.code ? { code: r.code } : {}),
        label: { zh: r.zh.trim(), ...(r.en.trim() ? { en: r.en.trim() } : {}) },
        ...(dated ? { isDated: r.isDated ?? false } : {}),
      })),
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
      title={title}
      size={isMobile ? '100%' : 560}
      data-testid={`${testId}s`}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={submit}
            loading={save.isPending}
            disabled={!rows || Boolean(problem)}
            data-testid={`${testId}s-save`}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={hint} description={dated?.hint} style={{ marginBottom: 12 }} />
      {types.isPending && <PageLoading rows={6} />}
      {types.isError && <PageError error={types.error} onRetry={() => void types.refetch()} />}
      {types.isSuccess && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {current.map((r, i) => (
            <Space key={r.key} wrap style={{ width: '100%' }} data-testid={`${testId}-row`}>
              <Input
                value={r.zh}
                onChange={(e) => patch(i, { zh: e.target.value })}
                maxLength={20}
                status={!r.zh.trim() || names.indexOf(r.zh.trim()) !== i ? 'error' : undefined}
                placeholder={t('codeList.zh')}
                aria-label={t('codeList.zh')}
                title={r.code}
                suffix={
                  r.code ? undefined : (
                    <Typography.Text type="success" style={{ fontSize: 12 }}>
                      {t('codeList.new')}
                    </Typography.Text>
                  )
                }
                style={{ width: 160 }}
                data-testid={`${testId}-zh`}
              />
              <Input
                value={r.en}
                onChange={(e) => patch(i, { en: e.target.value })}
                maxLength={40}
                placeholder={t('codeList.en')}
                aria-label={t('codeList.en')}
                style={{ width: 150 }}
              />
              {dated && (
                <Checkbox
                  checked={r.isDated ?? false}
                  onChange={(e) => patch(i, { isDated: e.target.checked })}
                  title={dated.hint}
                  data-testid={`${testId}-dated`}
                >
                  {dated.label}
                </Checkbox>
              )}
              <Button
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('codeList.up')}
              />
              <Button
                icon={<ArrowDownOutlined />}
                disabled={i === current.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('codeList.down')}
              />
              <Button
                danger
                icon={<DeleteOutlined />}
                disabled={current.length === 1}
                onClick={() => edit(current.filter((_, j) => j !== i))}
                aria-label={t('common.delete')}
                data-testid={`${testId}-remove`}
              />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => edit([...current, keyed({ zh: '', en: '', isDated: false })])}
            disabled={current.length >= 40}
            data-testid={`${testId}-add`}
          >
            {addLabel}
          </Button>
        </Space>
      )}
    </Drawer>
  );
};
