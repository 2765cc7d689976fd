import { Form, InputNumber, Select, Space, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../contracts/activities';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { buildOrgTree, type OrgTreeItem, useOrgTree } from '../../../lib/org-tree';
import { useCreateActivitySeries } from '../api/create-activity-series';
import { TargetGroupsItem, TitleAndTypeItems } from './activity-fields';
import { CampaignSelect } from './campaign-select';

type FormValues = {
  title: string;
  type: string;
  orgUnitIds: string[];
  months: string[];
  day: number;
  attendance?: number;
  campaignIds?: string[];
  targetGroups?: Activity['targetGroups'];
};

type TreeOption = { value: string; title: string; disabled?: boolean; children: TreeOption[] };

/** The last 24 months up to this one (a series records what was done, never ahead). */
const recentMonths = () =>
  Array.from({ length: 24 }, (_, i) => dayjs().subtract(i, 'month').format('YYYY-MM'));

/** 按月批量登记: one activity per chosen village per chosen month (e.g. 每月主题宣讲). */
export const SeriesFormDrawer = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const tree = useOrgTree();
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    create: useCreateActivitySeries(),
    toCreate: (v: FormValues) => ({
      title: v.title.trim(),
      type: v.type,
      orgUnitIds: v.orgUnitIds,
      months: [...v.months].sort(),
      day: v.day,
      attendance: v.attendance ?? 0,
      campaignIds: v.campaignIds ?? [],
      targetGroups: v.targetGroups ?? [],
    }),
    createdMessage: (r) => t('activities.series.created', { count: r.created }),
    closeOnError: 'never',
  });

  const treeData = useMemo(() => {
    const toOption = (n: OrgTreeItem): TreeOption => ({
      value: n.id,
      title: n.name,
      disabled: Boolean(n.dissolvedOn),
      children: n.children.map(toOption),
    });
    return buildOrgTree(tree.data ?? []).map(toOption);
  }, [tree.data]);

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('activities.series.title')}
      width={520}
      testId="series"
      saveLabel={t('activities.series.submit')}
      initialValues={{ day: 15, attendance: 0, months: [dayjs().format('YYYY-MM')] }}
    >
      <TitleAndTypeItems testIdPrefix="series-form" />
      <Form.Item
        label={t('activities.series.units')}
        name="orgUnitIds"
        extra={t('activities.series.unitsHint')}
        rules={[{ required: true, message: t('activities.series.rule.units') }]}
      >
        <TreeSelect
          multiple
          treeCheckable
          showCheckedStrategy={TreeSelect.SHOW_CHILD}
          treeData={treeData}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          loading={tree.isPending}
          maxTagCount="responsive"
          data-testid="series-form-units"
        />
      </Form.Item>
      <Form.Item
        label={t('activities.series.months')}
        name="months"
        rules={[{ required: true, message: t('activities.series.rule.months') }]}
      >
        <Select
          mode="multiple"
          options={recentMonths().map((m) => ({ value: m, label: m }))}
          data-testid="series-form-months"
        />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('activities.series.day')} name="day" extra={t('activities.series.dayHint')}>
          <InputNumber min={1} max={28} precision={0} inputMode="numeric" />
        </Form.Item>
        <Form.Item label={t('activities.field.attendance')} name="attendance">
          <InputNumber min={0} max={100000} precision={0} inputMode="numeric" />
        </Form.Item>
      </Space>
      <TargetGroupsItem />
      <Form.Item label={t('activities.field.campaign')} name="campaignIds">
        <CampaignSelect isMultiple placeholder={t('common.pleaseSelect')} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
