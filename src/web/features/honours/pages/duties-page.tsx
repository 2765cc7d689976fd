import { Button, Card, Drawer, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type DutyCompliance,
  dutyFulfilmentLabels,
  dutyRecordKindLabels,
  dutyRhythmLabels,
  type MemberDuties,
} from '../../../../contracts/honours';
import { DeleteConfirm } from '../../../components/ledger-actions';
import { LedgerPageHeader } from '../../../components/ledger-page';
import { CreateButton } from '../../../components/ledger-toolbar';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useIsPhone } from '../../../lib/use-is-phone';
import {
  useDeleteDutyRule,
  useDutyCompliance,
  useDutyRecords,
  useDutyRules,
  useMemberDuties,
} from '../api/honours-api';
import { DutyRecordFormDrawer } from '../components/duty-record-form-drawer';
import { DutyRuleFormDrawer } from '../components/duty-rule-form-drawer';
import '../../../components/ledger.css';

type Item = DutyCompliance['items'][number];
const stateColor: Record<MemberDuties['items'][number]['state'], string> = {
  met: 'green',
  due: 'blue',
  missed: 'red',
  upcoming: 'default',
};

/** A member's due list: every rule period of the year, required, recorded and its state. */
const DueListDrawer = ({ member, year, onClose }: { member: Item; year: number; onClose: () => void }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const isPhone = useIsPhone();
  const due = useMemberDuties(member.memberId, year);
  return (
    <Drawer
      open
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      title={t('duties.dueList', { name: member.memberName })}
    >
      {due.isPending && <PageLoading />}
      {due.isError && <PageError error={due.error} onRetry={() => void due.refetch()} />}
      {due.data && (
        <List
          data-testid="duty-due-list"
          dataSource={due.data.items}
          locale={{ emptyText: t('duties.empty') }}
          renderItem={(i) => (
            <List.Item data-testid="duty-due-item">
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    {`${i.ruleName}（${label(dutyRhythmLabels, i.rhythm)}）`}
                    <Tag color={stateColor[i.state]}>{t(`duties.state.${i.state}`)}</Tag>
                  </Space>
                }
                description={`${i.periodFrom} ~ ${i.periodTo} · ${label(dutyFulfilmentLabels, i.fulfilledBy)} ${i.done}/${i.required}`}
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
};

/**
 * 执委履职: the compliance of the scope's executive members for a year (computed by the server from the
 * records), each member's due list, the rules in force, and 登记履职 (`?new=1` opens the phone form).
 */
export const DutiesPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const isPhone = useIsPhone();
  const [search, setSearch] = useSearchParams();
  const [year, setYear] = useState(new Date().getFullYear());
  const [isLogging, setLogging] = useState(() => search.get('new') === '1' && access.can('honours.write'));
  const [isAddingRule, setAddingRule] = useState(false);
  const [member, setMember] = useState<Item | null>(null);
  const compliance = useDutyCompliance(scopeId, year);
  const rules = useDutyRules(scopeId);
  const removeRule = useDeleteDutyRule();
  const records = useDutyRecords({ orgUnitId: scopeId, pageSize: 10 });
  const canWrite = access.can('honours.write');
  const c = compliance.data;
  const stateTag = (ok: boolean) =>
    ok ? <Tag color="green">{t('duties.met')}</Tag> : <Tag color="red">{t('duties.behind')}</Tag>;

  const closeLog = () => {
    setLogging(false);
    if (search.has('new'))
      setSearch(
        (s) => {
          const next = new URLSearchParams(s);
          next.delete('new');
          return next;
        },
        { replace: true },
      );
  };

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.honours.duties')}
        hint={t('duties.title')}
        isScopeShown
        toolbar={
          <>
            <Space>
              {t('duties.year')}
              <InputNumber
                min={2000}
                max={2100}
                value={year}
                onChange={(v) => v && setYear(v)}
                data-testid="duties-year"
              />
            </Space>
            {canWrite && (
              <CreateButton
                label={t('duties.record.create')}
                onCreate={() => setLogging(true)}
                testId="duty-record-create"
              />
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        {compliance.isPending && <PageLoading rows={3} />}
        {compliance.isError && (
          <PageError error={compliance.error} onRetry={() => void compliance.refetch()} />
        )}
        {c && (
          <>
            <Typography.Paragraph data-testid="duties-summary">
              {t('duties.summary', { members: c.members, compliant: c.compliant })}
              <Typography.Text type="secondary"> · {t('duties.asOf', { date: c.asOf })}</Typography.Text>
            </Typography.Paragraph>
            {c.items.length === 0 ? (
              <EmptyState description={t('duties.empty')} />
            ) : isPhone ? (
              <List
                dataSource={c.items}
                renderItem={(i) => (
                  <List.Item
                    onClick={() => setMember(i)}
                    data-testid="duty-member-card"
                    extra={stateTag(i.isCompliant)}
                  >
                    <List.Item.Meta
                      title={i.memberName}
                      description={`${i.orgUnitName} · ${i.periodsMet}/${i.periodsDue}`}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Table<Item>
                rowKey="memberId"
                size="middle"
                dataSource={c.items}
                pagination={{ pageSize: 20 }}
                rowClassName={() => 'bbt-ledger-row'}
                onRow={(i) => ({ onClick: () => setMember(i), 'data-testid': 'duty-member-row' }) as object}
                columns={[
                  { title: t('duties.field.member'), dataIndex: 'memberName' },
                  { title: t('duties.field.unit'), dataIndex: 'orgUnitName' },
                  {
                    title: t('duties.field.periods'),
                    key: 'p',
                    render: (_: unknown, i: Item) => `${i.periodsDue} / ${i.periodsMet}`,
                  },
                  {
                    title: t('duties.field.state'),
                    dataIndex: 'isCompliant',
                    filters: [
                      { text: t('duties.met'), value: true },
                      { text: t('duties.behind'), value: false },
                    ],
                    onFilter: (v, i) => i.isCompliant === v,
                    render: (v: boolean) => stateTag(v),
                  },
                ]}
              />
            )}
          </>
        )}
      </Card>
      <Card
        size="small"
        title={t('duties.rules')}
        style={{ marginBottom: 12 }}
        extra={
          canWrite && (
            <Button size="small" onClick={() => setAddingRule(true)} data-testid="duty-rule-create">
              {t('duties.rules.create')}
            </Button>
          )
        }
      >
        {rules.isError && <PageError error={rules.error} onRetry={() => void rules.refetch()} />}
        <List
          loading={rules.isPending}
          dataSource={rules.data?.items ?? []}
          locale={{ emptyText: t('duties.rules.empty') }}
          renderItem={(r) => (
            <List.Item
              data-testid="duty-rule-item"
              extra={
                canWrite ? (
                  <DeleteConfirm
                    name={r.name}
                    onConfirm={() => removeRule.mutateAsync({ id: r.id, version: r.version })}
                  >
                    <Button size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </DeleteConfirm>
                ) : null
              }
            >
              <List.Item.Meta
                title={r.name}
                description={`${r.orgUnitName} · ${label(dutyRhythmLabels, r.rhythm)}${r.times > 1 ? ` ${r.times}次` : ''} · ${label(dutyFulfilmentLabels, r.fulfilledBy)}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('duties.records.recent')}>
        {records.isError && <PageError error={records.error} onRetry={() => void records.refetch()} />}
        <List
          loading={records.isPending}
          dataSource={records.data?.items ?? []}
          locale={{ emptyText: t('duties.records.empty') }}
          renderItem={(r) => (
            <List.Item data-testid="duty-record-item">
              <List.Item.Meta
                title={`${r.occurredOn} ${r.memberName} · ${label(dutyRecordKindLabels, r.kind)}`}
                description={[r.orgUnitName, r.matters].filter(Boolean).join(' · ')}
              />
            </List.Item>
          )}
        />
      </Card>
      {member && <DueListDrawer member={member} year={year} onClose={() => setMember(null)} />}
      {isLogging && <DutyRecordFormDrawer defaultOrgUnitId={scopeId} onClose={closeLog} />}
      {isAddingRule && <DutyRuleFormDrawer defaultOrgUnitId={scopeId} onClose={() => setAddingRule(false)} />}
    </div>
  );
};
