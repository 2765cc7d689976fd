import {
  DeleteOutlined,
  EditOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { App, Button, Divider, Drawer, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { genderLabels, relationLabels } from '../../../../contracts/people';
import { DeleteConfirm, RestoreConfirm } from '../../../components/ledger-actions';
import { DetailHeading, RecordFields } from '../../../components/ledger-detail-drawer';
import { PageError, PageLoading } from '../../../components/page-states';
import { formatDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useDeletePerson } from '../api/delete-person';
import { usePerson } from '../api/get-person';
import { useRestorePerson } from '../api/restore-person';
import { useRevealPersonSensitive } from '../api/reveal-person-sensitive';
import { ageOf } from '../lib/person-format';
import { PersonHistory } from './person-history';
import { PersonTags } from './person-tags';
import { RevealReasonModal } from './reveal-reason-modal';

type Props = {
  personId: string | null;
  onClose: () => void;
  onEdit: (personId: string) => void;
};

/**
 * 人员详情: her facts (numbers masked), the audited reveal, her history, and 编辑 / 删除 / 恢复. Not on
 * LedgerRecordDrawer: the page keeps it mounted (open while `personId` is set) and the audited reveal of
 * her numbers sits between her facts and the actions.
 */
export const PersonDetailDrawer = ({ personId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      title={t('people.detail')}
      size={isMobile ? '100%' : 640}
      data-testid="person-detail"
    >
      {personId && <PersonDetail key={personId} personId={personId} onEdit={onEdit} onClose={onClose} />}
    </Drawer>
  );
};

const PersonDetail = ({ personId, onEdit, onClose }: { personId: string } & Omit<Props, 'personId'>) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { access } = useSession();
  const person = usePerson(personId);
  const reveal = useRevealPersonSensitive();
  const [isAskingReason, setIsAskingReason] = useState(false);
  const remove = useDeletePerson();
  const restore = useRestorePerson();
  const onError = useApiErrorHandler();

  if (person.isPending) return <PageLoading />;
  if (person.isError) return <PageError error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  const isDeleted = p.deletedAt !== null;
  const canWrite = access.can('people.write');
  const hasNumbers = Boolean(p.idNumberMasked || p.phoneMasked);
  const canReveal = access.can('people.viewSensitive') && hasNumbers;
  const full = reveal.data;
  const age = ageOf(p.birthDate);

  const number = (masked: string | null, value: string | null | undefined): ReactNode => {
    if (full) {
      return value ? (
        <Typography.Text className="bbt-sensitive" copyable data-testid="person-sensitive-value">
          {value}
        </Typography.Text>
      ) : (
        <span className="bbt-muted">{t('people.sensitive.none')}</span>
      );
    }
    return masked ? <span className="bbt-sensitive">{masked}</span> : <span className="bbt-muted">—</span>;
  };

  const onDelete = () =>
    remove.mutateAsync({ id: p.id, version: p.version }).then(
      () => {
        void message.success(t('common.deleted'));
        onClose();
      },
      (e: unknown) => onError(e),
    );
  const onRestore = () =>
    restore.mutateAsync({ id: p.id, version: p.version }).then(
      () => void message.success(t('common.restored')),
      (e: unknown) => onError(e),
    );

  return (
    <>
      <DetailHeading name={p.name} isDeleted={isDeleted} />
      <RecordFields
        items={[
          {
            key: 'gender',
            label: t('people.field.gender'),
            children: p.gender ? label(genderLabels, p.gender) : '—',
          },
          {
            key: 'birth',
            label: t('people.field.birthDate'),
            children: p.birthDate ? t('people.birthAge', { date: formatDate(p.birthDate), age }) : '—',
          },
          {
            key: 'id',
            label: t('people.field.idNumber'),
            children: number(p.idNumberMasked, full?.idNumber),
          },
          { key: 'phone', label: t('people.field.phone'), children: number(p.phoneMasked, full?.phone) },
          { key: 'unit', label: t('people.field.orgUnit'), children: p.orgUnitName },
          { key: 'household', label: t('people.field.household'), children: p.householdLabel ?? '—' },
          {
            key: 'relation',
            label: t('people.field.relationToHead'),
            children: p.relationToHead ? label(relationLabels, p.relationToHead) : '—',
          },
          { key: 'tags', label: t('people.field.tags'), children: <PersonTags tags={p.tags} /> },
        ]}
        note={p.note}
        updatedAt={p.updatedAt}
      />
      <Space wrap className="bbt-people-actions" style={{ marginTop: 12 }}>
        {canReveal &&
          (full ? (
            <Button
              icon={<EyeInvisibleOutlined />}
              onClick={() => reveal.reset()}
              data-testid="person-hide-sensitive"
            >
              {t('people.sensitive.hide')}
            </Button>
          ) : (
            <Button
              icon={<EyeOutlined />}
              loading={reveal.isPending}
              onClick={() => setIsAskingReason(true)}
              data-testid="person-reveal"
            >
              {t('people.sensitive.reveal')}
            </Button>
          ))}
        <RevealReasonModal
          isOpen={isAskingReason}
          isPending={reveal.isPending}
          onCancel={() => setIsAskingReason(false)}
          onReveal={(reason) =>
            reveal.mutateAsync({ id: p.id, reason }).then(
              () => setIsAskingReason(false),
              (e: unknown) => onError(e),
            )
          }
        />
        {canReveal && !full && (
          <Typography.Text type="secondary">{t('people.sensitive.note')}</Typography.Text>
        )}
      </Space>
      {canWrite && (
        <>
          <Divider />
          <Space wrap className="bbt-people-actions">
            {!isDeleted && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => onEdit(p.id)}
                data-testid="person-edit"
              >
                {t('common.edit')}
              </Button>
            )}
            {!isDeleted && (
              <DeleteConfirm name={p.name} hint={t('people.deleteHint')} onConfirm={onDelete}>
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  loading={remove.isPending}
                  data-testid="person-delete"
                >
                  {t('common.delete')}
                </Button>
              </DeleteConfirm>
            )}
            {isDeleted && (
              <RestoreConfirm name={p.name} onConfirm={onRestore}>
                <Button icon={<RollbackOutlined />} loading={restore.isPending} data-testid="person-restore">
                  {t('common.restore')}
                </Button>
              </RestoreConfirm>
            )}
          </Space>
        </>
      )}
      <Divider titlePlacement="start">{t('people.history')}</Divider>
      <PersonHistory personId={p.id} />
    </>
  );
};
