import { App, Button, Card, Drawer, Input, List, Modal, Segmented, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type CareVisit,
  helpKindLabels,
  keyPersonCategoryLabels,
  type Pairing,
  visitFrequencyLabels,
  visitModeLabels,
} from '../../../../contracts/care';
import { LedgerEmpty, LedgerPageHeader } from '../../../components/ledger-page';
import { PageError, PageLoading } from '../../../components/page-states';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { revealVisit, useEndPairing, usePairing, usePairings, useVisits } from '../api/care-api';
import { PairingFormDrawer } from '../components/pairing-form-drawer';
import { VisitFormDrawer } from '../components/visit-form-drawer';
import '../../../components/ledger.css';

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** One visit in a pairing's history; a masked one can be revealed with a reason (logged). */
const VisitItem = ({ v }: { v: CareVisit }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const onError = useApiErrorHandler();
  const [shown, setShown] = useState<{ findings: string | null; nextStep: string | null } | null>(null);
  const [isAsking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const findings = shown?.findings ?? v.findings;
  const nextStep = shown?.nextStep ?? v.nextStep;
  return (
    <List.Item data-testid="visit-item">
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Typography.Text strong>
          {v.visitedOn} · {label(visitModeLabels, v.mode)}
          {v.visitorName ? ` · ${v.visitorName}` : ''}
        </Typography.Text>
        {findings ? (
          <Typography.Text data-testid="visit-findings">{findings}</Typography.Text>
        ) : (
          <Space>
            <Typography.Text type="secondary">{t('care.visits.hidden')}</Typography.Text>
            <Button size="small" onClick={() => setAsking(true)} data-testid="visit-reveal">
              {t('care.reveal')}
            </Button>
          </Space>
        )}
        {v.help.length > 0 && (
          <Space wrap size={4}>
            {v.help.map((h) => (
              <Tag key={h}>{label(helpKindLabels, h)}</Tag>
            ))}
            {v.amountFen ? <Tag color="gold">{`${yuan(v.amountFen)} 元`}</Tag> : null}
          </Space>
        )}
        {nextStep && (
          <Typography.Text type="secondary">
            {t('care.visits.nextStep')}：{nextStep}
          </Typography.Text>
        )}
      </Space>
      <Modal
        open={isAsking}
        title={t('care.reveal')}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onCancel={() => setAsking(false)}
        onOk={() =>
          revealVisit(v.id, reason.trim()).then(
            (r) => {
              setShown(r);
              setAsking(false);
            },
            (e: unknown) => onError(e),
          )
        }
      >
        <Input.TextArea
          placeholder={t('care.reveal.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={1000}
          data-testid="visit-reveal-reason"
        />
      </Modal>
    </List.Item>
  );
};

/** A pairing's visits, newest first. */
const HistoryDrawer = ({ pairing, onClose }: { pairing: Pairing; onClose: () => void }) => {
  const { t } = useTranslation();
  const visits = useVisits({ pairingId: pairing.id, pageSize: 100 });
  return (
    <Drawer
      open
      onClose={onClose}
      width={480}
      title={`${t('care.visits.history')} · ${pairing.personName}`}
      data-testid="visit-history"
    >
      {visits.isPending && <PageLoading />}
      {visits.isError && <PageError error={visits.error} onRetry={() => void visits.refetch()} />}
      {visits.data && (
        <List
          dataSource={visits.data.items}
          locale={{ emptyText: t('care.visits.none') }}
          renderItem={(v) => <VisitItem key={v.id} v={v} />}
        />
      )}
    </Drawer>
  );
};

/** 结束结对: the day and the reason. */
const EndModal = ({ pairing, onClose }: { pairing: Pairing; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const end = useEndPairing();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={`${t('care.pairings.end')} · ${pairing.personName}`}
      okButtonProps={{ disabled: reason.trim().length < 2, loading: end.isPending }}
      onCancel={onClose}
      onOk={() =>
        end.mutate(
          {
            id: pairing.id,
            version: pairing.version,
            endedOn: dayjs().format(DATE_FORMAT),
            reason: reason.trim(),
          },
          {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onClose();
            },
            onError: (e) => onError(e),
          },
        )
      }
    >
      <Input.TextArea
        placeholder={t('care.pairings.endReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={1000}
        data-testid="pairing-end-reason"
      />
    </Modal>
  );
};

/**
 * 结对走访 on a phone: the pairings in scope (hers first by default), overdue ones on top with a red
 * tag; 登记走访 opens the visit form, 走访记录 the history (also `?pairingId=`). Names are masked unless
 * she is a helper.
 */
export const VisitsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const canWrite = access.can('care.write');
  const [view, setView] = useState<'mine' | 'all' | 'overdue'>(canWrite ? 'mine' : 'all');
  const pairings = usePairings({
    orgUnitId: scopeId,
    pageSize: 100,
    mine: view === 'mine' ? '1' : undefined,
    overdue: view === 'overdue' ? '1' : undefined,
  });
  const overdue = usePairings({ orgUnitId: scopeId, pageSize: 1, overdue: '1' });
  const [visiting, setVisiting] = useState<Pairing | null>(null);
  const [history, setHistory] = useState<Pairing | null>(null);
  const [ending, setEnding] = useState<Pairing | null>(null);
  const [isCreating, setCreating] = useState(false);
  // `?pairingId=` (a figure's drill-down, a to-do) opens that pairing's visits (a logged read).
  const [search, setSearch] = useSearchParams();
  const linked = usePairing(search.get('pairingId'));
  const closeHistory = () => {
    setHistory(null);
    if (search.get('pairingId'))
      setSearch((s) => {
        const next = new URLSearchParams(s);
        next.delete('pairingId');
        return next;
      });
  };
  const shownHistory = history ?? linked.data ?? null;
  return (
    <div>
      <LedgerPageHeader
        title={t('menu.care.visits')}
        hint={t('care.visits.title')}
        isScopeShown
        toolbar={
          canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="pairing-new">
              {t('care.pairings.create')}
            </Button>
          )
        }
      />
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        <Segmented
          value={view}
          onChange={(v) => setView(v as typeof view)}
          options={[
            { value: 'mine', label: t('care.pairings.mine') },
            { value: 'all', label: t('care.pairings.all') },
            { value: 'overdue', label: t('care.pairings.overdue') },
          ]}
          data-testid="pairing-view"
        />
        {overdue.data && (
          <Typography.Paragraph data-testid="visits-overdue">
            {t('care.pairings.overdueCount', { n: overdue.data.total })}
          </Typography.Paragraph>
        )}
      </Space>
      {pairings.isPending && <PageLoading />}
      {pairings.isError && <PageError error={pairings.error} onRetry={() => void pairings.refetch()} />}
      {pairings.data && pairings.data.items.length === 0 && (
        <LedgerEmpty isFiltered={view !== 'all'} text={t('care.pairings.empty')} />
      )}
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        {pairings.data?.items.map((p) => (
          <Card
            key={p.id}
            size="small"
            title={p.personName}
            extra={
              p.endedOn ? (
                <Tag>{t('care.pairings.ended')}</Tag>
              ) : p.isOverdue ? (
                <Tag color="red" data-testid="pairing-overdue">
                  {t('care.pairings.overdueTag')}
                </Tag>
              ) : (
                <Tag color="green">{t('care.pairings.due', { on: p.nextDueOn })}</Tag>
              )
            }
            data-testid="pairing-card"
          >
            <Space direction="vertical" size={2}>
              <Typography.Text type="secondary">
                {p.orgUnitName} · {label(keyPersonCategoryLabels, p.category)} ·{' '}
                {label(visitFrequencyLabels, p.frequency)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('care.pairings.helpers')}：{p.helpers.map((h) => h.name).join('、')}
              </Typography.Text>
              <Typography.Text type="secondary" data-testid="pairing-last">
                {p.lastVisitedOn
                  ? t('care.pairings.last', { on: p.lastVisitedOn, n: p.visitCount })
                  : t('care.pairings.never')}
              </Typography.Text>
            </Space>
            <Space wrap style={{ marginTop: 8 }}>
              {canWrite && !p.endedOn && (
                <Button
                  type="primary"
                  size="large"
                  onClick={() => setVisiting(p)}
                  data-testid="pairing-visit"
                >
                  {t('care.visits.record')}
                </Button>
              )}
              <Button size="large" onClick={() => setHistory(p)} data-testid="pairing-history">
                {t('care.visits.history')}
              </Button>
              {canWrite && !p.endedOn && (
                <Button size="large" onClick={() => setEnding(p)} data-testid="pairing-end">
                  {t('care.pairings.end')}
                </Button>
              )}
            </Space>
          </Card>
        ))}
      </Space>
      {visiting && <VisitFormDrawer pairing={visiting} onClose={() => setVisiting(null)} />}
      {shownHistory && <HistoryDrawer pairing={shownHistory} onClose={closeHistory} />}
      {ending && <EndModal pairing={ending} onClose={() => setEnding(null)} />}
      {isCreating && <PairingFormDrawer scopeId={scopeId} onClose={() => setCreating(false)} />}
    </div>
  );
};
