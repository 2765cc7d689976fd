import { DeleteOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FeaturedDesignation } from '../../../../contracts/courtyards';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  type LedgerStatus,
} from '../../../components/ledger-page';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useListParams } from '../../../lib/use-list-params';
import {
  useCreateFeatured,
  useDeleteFeatured,
  useFeatured,
  useFeaturedCategories,
  useRestoreFeatured,
} from '../api/featured';
import { CourtyardHouseholdSelect } from '../components/courtyard-household-select';
import { FeaturedCategoriesEditor } from '../components/featured-categories-editor';
import '../../../components/ledger.css';
import '../lib/courtyards.css';
import { DateField } from '../../../components/date-field';
import { CreateButton } from '../../../components/ledger-toolbar';

type Filters = { category?: string; status: LedgerStatus };
type Values = { householdId: string; category: string; designatedOn: dayjs.Dayjs; note?: string };

const DesignateDrawer = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const categories = useFeaturedCategories();
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    create: useCreateFeatured(),
    toCreate: (v: Values) => ({
      householdId: v.householdId,
      category: v.category,
      designatedOn: v.designatedOn.format(DATE_FORMAT),
      note: v.note?.trim() || undefined,
    }),
    closeOnError: 'never',
  });
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('courtyards.featured.create')}
      testId="featured"
      submitTestId="featured-save"
      initialValues={{ designatedOn: dayjs() }}
    >
      <Form.Item
        name="householdId"
        label={t('courtyards.field.household')}
        rules={[{ required: true, message: t('courtyards.rule.household') }]}
      >
        <CourtyardHouseholdSelect data-testid="featured-household" />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('courtyards.featured.category')}
        rules={[{ required: true, message: t('courtyards.rule.category') }]}
      >
        <Select
          options={(categories.data?.categories ?? []).map((c) => ({
            value: c.code,
            label: label({ c: c.label }, 'c'),
          }))}
          data-testid="featured-category"
        />
      </Form.Item>
      <Form.Item
        name="designatedOn"
        label={t('courtyards.featured.designatedOn')}
        rules={[{ required: true }]}
      >
        <DateField notFuture allowClear={false} />
      </Form.Item>
      <Form.Item name="note" label={t('courtyards.field.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};

/** 特色庭院: the configurable categories and the households designated in them. */
export const FeaturedPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { access } = useSession();
  const onError = useApiErrorHandler();
  const list = useListParams<FeaturedDesignation>({});
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  const [isCreating, setCreating] = useState(false);
  const categories = useFeaturedCategories();
  const featured = useFeatured(filters.query);
  const remove = useDeleteFeatured();
  const restore = useRestoreFeatured();
  const canWrite = access.canManageCourtyards;
  const categoryLabel = (code: string) => {
    const c = categories.data?.categories.find((x) => x.code === code);
    return c ? label({ c: c.label }, 'c') : code;
  };
  const who = (f: FeaturedDesignation) => (
    <Link to={`/courtyards/households?householdId=${f.householdId}`}>
      {f.headName ? `${f.headName} · ` : ''}
      {f.householdLabel}
    </Link>
  );
  const action = (f: FeaturedDesignation) =>
    !canWrite ? null : f.deletedAt ? (
      <Popconfirm
        title={t('ledger.restoreConfirm', { name: f.householdLabel })}
        okText={t('common.restore')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          restore.mutateAsync({ id: f.id, version: f.version }).then(
            () => void message.success(t('common.restored')),
            (e: unknown) => onError(e),
          )
        }
      >
        <Button size="small" icon={<RollbackOutlined />} className="bbt-touch">
          {t('common.restore')}
        </Button>
      </Popconfirm>
    ) : (
      <Popconfirm
        title={t('courtyards.featured.revokeConfirm', {
          name: f.householdLabel,
          category: categoryLabel(f.category),
        })}
        description={t('ledger.deleteHint')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          remove.mutateAsync({ id: f.id, version: f.version }).then(
            () => void message.success(t('common.deleted')),
            (e: unknown) => onError(e),
          )
        }
      >
        <Button
          size="small"
          danger
          icon={<DeleteOutlined />}
          className="bbt-touch"
          onClick={(e) => e.stopPropagation()}
        >
          {t('common.delete')}
        </Button>
      </Popconfirm>
    );
  const empty = (
    <LedgerEmpty
      status={filters.values.status}
      isFiltered={filters.isFiltered}
      text={t('courtyards.featured.empty')}
    />
  );

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.courtyards.featured')}
        hint={t('courtyards.featured.hint')}
        toolbar={
          canWrite && (
            <CreateButton
              label={t('courtyards.featured.create')}
              onCreate={() => setCreating(true)}
              testId="featured-create"
            />
          )
        }
      />
      <FeaturedCategoriesEditor />
      <LedgerFilters<Filters>
        idPrefix="featured"
        variant="compact"
        filters={filters}
        fields={[
          {
            kind: 'select',
            key: 'category',
            label: t('courtyards.featured.category'),
            options: (categories.data?.categories ?? []).map((c) => ({
              value: c.code,
              label: label({ c: c.label }, 'c'),
            })),
          },
          { kind: 'status' },
        ]}
      />
      <LedgerResults<FeaturedDesignation>
        query={featured}
        list={list}
        empty={empty}
        cards={{
          title: (f) => who(f),
          extra: (f) => <Tag color="magenta">{categoryLabel(f.category)}</Tag>,
          fields: (f) => [
            { key: 'unit', label: t('courtyards.field.village'), children: f.orgUnitName },
            { key: 'on', label: t('courtyards.featured.designatedOn'), children: f.designatedOn },
            ...(canWrite ? [{ key: 'a', label: t('common.actions'), children: action(f) }] : []),
          ],
          testId: 'featured-card',
        }}
        columns={[
          { title: t('courtyards.field.household'), key: 'who', render: (_: unknown, f) => who(f) },
          { title: t('courtyards.field.village'), dataIndex: 'orgUnitName' },
          {
            title: t('courtyards.featured.category'),
            dataIndex: 'category',
            render: (c: string) => <Tag color="magenta">{categoryLabel(c)}</Tag>,
          },
          { title: t('courtyards.featured.designatedOn'), dataIndex: 'designatedOn' },
          {
            title: t('courtyards.field.note'),
            dataIndex: 'note',
            render: (v: string | null) => v ?? '—',
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, f: FeaturedDesignation) => action(f),
                },
              ]
            : []),
        ]}
      />
      {isCreating && <DesignateDrawer onClose={() => setCreating(false)} />}
    </div>
  );
};
