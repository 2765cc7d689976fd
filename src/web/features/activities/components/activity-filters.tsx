import { FilterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { targetGroupLabels, targetGroups } from '../../../../contracts/activities';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useActivityTypes } from '../api/get-activity-types';
import { CampaignSelect } from './campaign-select';

export type ActivityFilterValues = {
  q?: string;
  type?: string;
  campaignId?: string;
  targetGroup?: (typeof targetGroups)[number];
  from?: string;
  to?: string;
  status: 'active' | 'deleted';
};

type Props = { value: ActivityFilterValues; onChange: (patch: Partial<ActivityFilterValues>) => void };

/** 活动台账 filters: keyword, type, campaign, period, target group, status. */
export const ActivityFilters = ({ value, onChange }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const types = useActivityTypes();
  const isPhone = useIsPhone();
  // On a phone the keyword stays in view; the other filters fold away behind 筛选 (they fill a screen).
  const [isOpen, setOpen] = useState(false);
  const activeCount =
    [value.type, value.campaignId, value.targetGroup, value.from].filter(Boolean).length +
    (value.status === 'deleted' ? 1 : 0);
  const isShown = !isPhone || isOpen;
  return (
    <Form layout="inline" className="bbt-filters">
      <Form.Item label={t('common.keyword')} htmlFor="activities-filter-q">
        <Input.Search
          id="activities-filter-q"
          allowClear
          enterButton
          placeholder={t('activities.list.searchPlaceholder')}
          style={{ minWidth: 200 }}
          onSearch={(q) => onChange({ q: q.trim() || undefined })}
          data-testid="activities-q"
        />
      </Form.Item>
      {isPhone && (
        <Form.Item>
          <Button
            block
            icon={<FilterOutlined />}
            type={activeCount > 0 ? 'primary' : 'default'}
            ghost={activeCount > 0}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={isOpen}
            data-testid="activities-more-filters"
          >
            {activeCount > 0
              ? t('activities.list.filtersOn', { count: activeCount })
              : t('activities.list.filters')}
          </Button>
        </Form.Item>
      )}
      {isShown && (
        <>
          <Form.Item label={t('activities.field.type')} htmlFor="activities-filter-type">
            <Select
              id="activities-filter-type"
              allowClear
              placeholder={t('common.all')}
              style={{ minWidth: 130 }}
              value={value.type}
              onChange={(type?: string) => onChange({ type })}
              options={(types.data ?? []).map((ty) => ({
                value: ty.code,
                label: label({ [ty.code]: ty.label }, ty.code),
              }))}
              data-testid="activities-type"
            />
          </Form.Item>
          <Form.Item label={t('activities.field.campaign')} htmlFor="activities-filter-campaign">
            <CampaignSelect
              id="activities-filter-campaign"
              style={{ minWidth: 160 }}
              value={value.campaignId}
              onChange={(v) => onChange({ campaignId: typeof v === 'string' ? v : undefined })}
              data-testid="activities-campaign"
            />
          </Form.Item>
          <Form.Item label={t('activities.field.period')} htmlFor="activities-filter-period">
            <DatePicker.RangePicker
              id="activities-filter-period"
              value={
                value.from && value.to ? [dayjs(value.from, DATE_FORMAT), dayjs(value.to, DATE_FORMAT)] : null
              }
              onChange={(r) =>
                onChange({ from: r?.[0]?.format(DATE_FORMAT), to: r?.[1]?.format(DATE_FORMAT) })
              }
              data-testid="activities-period"
            />
          </Form.Item>
          <Form.Item label={t('activities.field.targetGroups')} htmlFor="activities-filter-target">
            <Select
              id="activities-filter-target"
              allowClear
              placeholder={t('common.all')}
              style={{ minWidth: 110 }}
              value={value.targetGroup}
              onChange={(targetGroup?: ActivityFilterValues['targetGroup']) => onChange({ targetGroup })}
              options={targetGroups.map((g) => ({ value: g, label: label(targetGroupLabels, g) }))}
              data-testid="activities-target"
            />
          </Form.Item>
          <Form.Item label={t('people.field.status')} htmlFor="activities-filter-status">
            <Select
              id="activities-filter-status"
              style={{ minWidth: 100 }}
              value={value.status}
              onChange={(status: ActivityFilterValues['status']) => onChange({ status })}
              options={[
                { value: 'active', label: t('ledger.status.active') },
                { value: 'deleted', label: t('people.status.deleted') },
              ]}
              data-testid="activities-status"
            />
          </Form.Item>
        </>
      )}
    </Form>
  );
};
