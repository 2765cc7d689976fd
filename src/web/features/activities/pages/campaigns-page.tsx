import { DeleteOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Campaign } from '../../../../contracts/activities';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  type LedgerStatus,
} from '../../../components/ledger-page';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useListParams } from '../../../lib/use-list-params';
import { useCampaigns } from '../api/list-campaigns';
import { useDeleteCampaign, useRestoreCampaign } from '../api/save-campaign';
import { CampaignFormDrawer } from '../components/campaign-form-drawer';
import '../../../components/ledger.css';
import { CreateButton } from '../../../components/ledger-toolbar';

type Filters = { q?: string; status: LedgerStatus };

const periodOf = (c: Campaign) =>
  c.startsOn || c.endsOn ? `${c.startsOn ?? '…'} ~ ${c.endsOn ?? '…'}` : '—';

/** 专项行动: campaigns with their 场次/人次; a click lists the campaign's activities. */
export const CampaignsPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access } = useSession();
  const navigate = useNavigate();
  const list = useListParams<Campaign>();
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const remove = useDeleteCampaign();
  const restore = useRestoreCampaign();
  const onError = useApiErrorHandler();
  const canWrite = access.can('activities.write');
  // A campaign launched above her unit (e.g. by the county) is hers to join, not to edit.
  const isOwn = (c: Campaign) => !access.ownerAbove(c.orgUnitId);
  const campaigns = useCampaigns(filters.query);
  const open = (c: Campaign) => navigate(`/activities?campaignId=${encodeURIComponent(c.id)}`);
  const empty = (
    <LedgerEmpty
      status={filters.values.status}
      isFiltered={filters.isFiltered}
      text={t('activities.campaigns.empty')}
    />
  );

  const actions = (c: Campaign) =>
    canWrite &&
    isOwn(c) && (
      // biome-ignore lint/a11y/noStaticElementInteractions: stops the row click under the buttons
      <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <Space className="bbt-ledger-actions">
          {!c.deletedAt && (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(c)}
              data-testid="campaign-edit"
            >
              {t('common.edit')}
            </Button>
          )}
          <Popconfirm
            title={t(c.deletedAt ? 'ledger.restoreConfirm' : 'ledger.deleteConfirm', { name: c.name })}
            description={c.deletedAt ? undefined : t('ledger.deleteHint')}
            okText={c.deletedAt ? t('common.restore') : t('common.delete')}
            okButtonProps={{ danger: !c.deletedAt }}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              (c.deletedAt ? restore : remove).mutateAsync({ id: c.id, version: c.version }).then(
                () => void message.success(c.deletedAt ? t('common.restored') : t('common.deleted')),
                (e: unknown) => onError(e),
              )
            }
          >
            <Button
              size="small"
              danger={!c.deletedAt}
              icon={c.deletedAt ? <RollbackOutlined /> : <DeleteOutlined />}
              data-testid={c.deletedAt ? 'campaign-restore' : 'campaign-delete'}
            >
              {c.deletedAt ? t('common.restore') : t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      </span>
    );

  return (
    <div>
      <LedgerPageHeader
        title={t('activities.campaigns.title')}
        hint={t('activities.campaigns.hint')}
        toolbar={
          canWrite && (
            <CreateButton
              label={t('activities.campaigns.create')}
              onCreate={() => setEditing('new')}
              testId="campaign-create"
            />
          )
        }
      />
      <LedgerFilters<Filters>
        idPrefix="campaigns"
        filters={filters}
        fields={[
          {
            kind: 'search',
            key: 'q',
            label: t('common.keyword'),
            placeholder: t('activities.campaigns.searchPlaceholder'),
          },
          { kind: 'status' },
        ]}
      />
      <LedgerResults<Campaign>
        query={campaigns}
        list={list}
        empty={empty}
        onOpen={open}
        cards={{
          title: (c) => c.name,
          fields: (c) => [
            { key: 'unit', label: t('activities.campaigns.field.orgUnit'), children: c.orgUnitName },
            { key: 'period', label: t('activities.field.period'), children: periodOf(c) },
            {
              key: 'totals',
              label: t('activities.campaigns.totals'),
              children: t('activities.campaigns.totalsValue', {
                sessions: c.sessions,
                attendances: c.attendances,
              }),
            },
            { key: 'actions', label: t('common.actions'), children: actions(c) || '—' },
          ],
          testId: 'campaign-card',
        }}
        rowTestId="campaign-row"
        columns={[
          { title: t('activities.campaigns.field.name'), dataIndex: 'name', sorter: true },
          { title: t('activities.campaigns.field.orgUnit'), dataIndex: 'orgUnitName' },
          { title: t('activities.field.period'), key: 'period', render: (_: unknown, c) => periodOf(c) },
          { title: t('activities.campaigns.sessions'), dataIndex: 'sessions', align: 'right' },
          { title: t('activities.campaigns.attendances'), dataIndex: 'attendances', align: 'right' },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, c: Campaign) => actions(c),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <CampaignFormDrawer campaign={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </div>
  );
};
