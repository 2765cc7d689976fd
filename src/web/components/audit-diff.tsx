import { Table, Tag } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabels } from '../../contracts/common/permissions';
import { orgKindLabels } from '../../contracts/org';
import { formatDateTime } from '../lib/format';
import { useLabel } from '../lib/labels';
import { useOrgTree } from '../lib/org-tree';

type Row = { field: string; before: unknown; after: unknown; isChanged: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Bookkeeping fields: shown only when nothing else changed (e.g. a password reset, whose hash is never logged). */
const technicalFields = new Set(['id', 'version', 'createdAt', 'updatedAt', 'path', 'depth']);
const fieldOrder = [
  'username',
  'displayName',
  'name',
  'kind',
  'code',
  'role',
  'orgUnitId',
  'parentId',
  'status',
  'phone',
  'foundedOn',
  'dissolvedOn',
  'deletedAt',
];
const rank = (field: string) => {
  const i = fieldOrder.indexOf(field);
  return i < 0 ? fieldOrder.length + (technicalFields.has(field) ? 1 : 0) : i;
};
const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Field-by-field rows of a before/after pair; unchanged fields of an update are kept but not highlighted. */
export const diffRows = (before: unknown, after: unknown): Row[] => {
  if (!isRecord(before) && !isRecord(after)) {
    return before === null && after === null
      ? []
      : [{ field: '', before, after, isChanged: !same(before, after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .sort((x, y) => rank(x) - rank(y))
    .map((field) => ({ field, before: b[field], after: a[field], isChanged: !same(b[field], a[field]) }));
};

/** Shows stored values as people know them: role and kind labels, unit names for unit ids, local times. */
const useReadable = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const tree = useOrgTree();
  const unitNames = useMemo(() => new Map((tree.data ?? []).map((n) => [n.id, n.name])), [tree.data]);
  return (field: string, value: unknown): ReactNode => {
    if (typeof value !== 'string') return undefined;
    if (field === 'role') return label(roleLabels, value);
    if (field === 'kind') return label(orgKindLabels, value);
    if (field === 'status' && (value === 'active' || value === 'disabled')) return t(`users.status.${value}`);
    if (field.endsWith('Id') && unitNames.has(value)) return unitNames.get(value);
    if (isoTimestamp.test(value)) return formatDateTime(value);
    return undefined;
  };
};

const Value = ({ value, readable }: { value: unknown; readable?: ReactNode }) => {
  const { t } = useTranslation();
  if (readable !== undefined && readable !== null)
    return <span style={{ wordBreak: 'break-all' }}>{readable}</span>;
  if (value === undefined) return <span className="bbt-muted">—</span>;
  if (value === null || value === '') return <span className="bbt-muted">{t('audit.diff.empty')}</span>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'object') return <pre className="bbt-diff-json">{JSON.stringify(value, null, 2)}</pre>;
  return <span style={{ wordBreak: 'break-all' }}>{String(value)}</span>;
};

/** The readable form of an audit entry's change: field → before → after. */
export const AuditDiff = ({ before, after }: { before: unknown; after: unknown }) => {
  const { t } = useTranslation();
  const readable = useReadable();
  const rows = diffRows(before, after);
  const isUpdate = before !== null && before !== undefined && after !== null && after !== undefined;
  const relevant = isUpdate && rows.some((r) => r.isChanged) ? rows.filter((r) => r.isChanged) : rows;
  const meaningful = relevant.filter((r) => !technicalFields.has(r.field));
  const shown = meaningful.length > 0 ? meaningful : relevant;
  if (shown.length === 0) return <span className="bbt-muted">{t('audit.diff.none')}</span>;
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => r.field || '_'}
      pagination={false}
      dataSource={shown}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (isUpdate && r.isChanged ? 'bbt-diff-changed' : '')}
      data-testid="audit-diff"
      columns={[
        {
          title: t('audit.diff.field'),
          dataIndex: 'field',
          render: (f: string) => (f ? t(`audit.field.${f}`, { defaultValue: f }) : '—'),
        },
        {
          title: t('audit.diff.before'),
          dataIndex: 'before',
          render: (v: unknown, r) => <Value value={v} readable={readable(r.field, v)} />,
        },
        {
          title: t('audit.diff.after'),
          dataIndex: 'after',
          render: (v: unknown, r) => (
            <>
              <Value value={v} readable={readable(r.field, v)} />
              {isUpdate && r.isChanged && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  {t('audit.diff.changed')}
                </Tag>
              )}
            </>
          ),
        },
      ]}
    />
  );
};
