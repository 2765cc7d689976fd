import { useTranslation } from 'react-i18next';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { formatDateTime } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { useListParams } from '../../../lib/use-list-params';
import { type AccessLogEntry, useAccessLog } from '../api/care-api';
import '../../../components/ledger.css';

/** 访问日志 for the data officer: every read of a care record in her scope (who, when, which, why). */
export const AccessLogPage = () => {
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const list = useListParams<AccessLogEntry>();
  const log = useAccessLog({ orgUnitId: scopeId, page: list.page, pageSize: list.pageSize });
  const via = (e: AccessLogEntry) => t(`care.via.${e.via ?? 'get'}`);
  return (
    <div>
      <LedgerPageHeader title={t('menu.care.accessLog')} hint={t('care.accessLog.title')} isScopeShown />
      <LedgerResults<AccessLogEntry>
        query={log}
        list={list}
        empty={<LedgerEmpty isFiltered={false} text={t('care.accessLog.empty')} />}
        cards={{
          title: (e) => e.entityLabel ?? '—',
          fields: (e) => [
            { key: 'at', label: t('care.accessLog.at'), children: formatDateTime(e.at) },
            { key: 'actor', label: t('care.accessLog.actor'), children: e.actorName ?? '—' },
            { key: 'via', label: t('care.accessLog.via'), children: via(e) },
            { key: 'reason', label: t('care.accessLog.reason'), children: e.reason ?? '—' },
          ],
          testId: 'access-log-card',
        }}
        rowTestId="access-log-row"
        columns={[
          {
            title: t('care.accessLog.at'),
            dataIndex: 'at',
            render: (v: string) => formatDateTime(v),
            width: 180,
          },
          { title: t('care.accessLog.actor'), dataIndex: 'actorName' },
          { title: t('care.accessLog.record'), dataIndex: 'entityLabel' },
          { title: t('care.accessLog.via'), key: 'via', render: (_: unknown, e) => via(e) },
          { title: t('care.accessLog.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </div>
  );
};
