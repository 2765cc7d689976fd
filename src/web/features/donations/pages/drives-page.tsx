import { Progress, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Drive, drivePurposeLabels } from '../../../../contracts/donations';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { CreateButton } from '../../../components/ledger-toolbar';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useDrives } from '../api/donations-api';
import { DriveFormDrawer } from '../components/drive-form-drawer';
import { yuanText } from '../components/money';
import '../../../components/ledger.css';
import { useLabel } from '../../../lib/labels';

const progress = (d: Drive) =>
  d.targetFen ? (
    <Progress percent={Math.min(100, Math.round((d.raisedFen / d.targetFen) * 100))} size="small" />
  ) : null;

/** 募捐活动: the drives of her subtree and those handed down from above; a drive opens its detail. */
export const DrivesPage = () => {
  const label = useLabel();
  const { t } = useTranslation();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const navigate = useNavigate();
  const list = useListParams<Drive>({ sort: '-startsOn' });
  const drives = useDrives({ orgUnitId: scopeId, page: list.page, pageSize: list.pageSize, sort: list.sort });
  const [isCreating, setCreating] = useState(false);
  const open = (d: Drive) => navigate(`/donations/drive?driveId=${encodeURIComponent(d.id)}`);
  return (
    <div>
      <LedgerPageHeader
        title={t('menu.donations.drives')}
        hint={t('donations.drives.hint')}
        isScopeShown
        toolbar={
          access.can('donations.write') && (
            <CreateButton
              label={t('donations.drive.create')}
              onCreate={() => setCreating(true)}
              testId="drive-create"
            />
          )
        }
      />
      <LedgerResults<Drive>
        query={drives}
        list={list}
        empty={<LedgerEmpty status="active" isFiltered={false} text={t('donations.drives.empty')} />}
        onOpen={open}
        cards={{
          title: (d) => d.name,
          extra: (d) => <Tag>{label(drivePurposeLabels, d.purpose)}</Tag>,
          fields: (d) => [
            { key: 'owner', label: t('donations.field.owner'), children: d.orgUnitName },
            { key: 'period', label: t('donations.field.period'), children: `${d.startsOn} ~ ${d.endsOn}` },
            { key: 'raised', label: t('donations.field.raised'), children: yuanText(d.raisedFen) },
            { key: 'balance', label: t('donations.field.balance'), children: yuanText(d.balanceFen) },
          ],
          testId: 'drive-card',
        }}
        rowTestId="drive-row"
        columns={[
          { title: t('donations.field.driveName'), dataIndex: 'name' },
          {
            title: t('donations.field.purpose'),
            dataIndex: 'purpose',
            render: (p: Drive['purpose']) => label(drivePurposeLabels, p),
          },
          { title: t('donations.field.owner'), dataIndex: 'orgUnitName' },
          {
            title: t('donations.field.period'),
            key: 'period',
            render: (_, d) => `${d.startsOn} ~ ${d.endsOn}`,
          },
          { title: t('donations.field.raised'), dataIndex: 'raisedFen', align: 'right', render: yuanText },
          { title: t('donations.field.paid'), dataIndex: 'paidFen', align: 'right', render: yuanText },
          { title: t('donations.field.balance'), dataIndex: 'balanceFen', align: 'right', render: yuanText },
          { title: t('donations.field.target'), key: 'progress', width: 160, render: (_, d) => progress(d) },
        ]}
      />
      {isCreating && <DriveFormDrawer onClose={() => setCreating(false)} />}
    </div>
  );
};
