import {
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  PlusOutlined,
  RollbackOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedChildKinds, type OrgTreeNode, type OrgUnit, orgKindLabels } from '../../../../contracts/org';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { ancestorIds } from '../../../lib/org-tree';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useDeleteOrgUnit } from '../api/delete-org-unit';
import { useOrgUnit } from '../api/get-org-unit';
import { useConfirmRestore } from '../lib/use-confirm-restore';
import { DissolveOrgUnitModal } from './dissolve-org-unit-modal';
import { MoveOrgUnitModal } from './move-org-unit-modal';
import { OrgUnitFormModal, type OrgUnitFormMode } from './org-unit-form-modal';
import { OrgUnitStatusTag } from './org-unit-status';

type Props = {
  unitId: string | undefined;
  nodes: OrgTreeNode[];
  onSelect: (id: string) => void;
};

/** The selected unit: its facts, its direct subordinates, and what the user may do with it. */
export const OrgUnitDetail = ({ unitId, nodes, onSelect }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { modal, message } = App.useApp();
  const { access, user } = useSession();
  const unit = useOrgUnit(unitId);
  const remove = useDeleteOrgUnit();
  const { confirmRestore } = useConfirmRestore();
  const onError = useApiErrorHandler();
  const [formMode, setFormMode] = useState<OrgUnitFormMode | null>(null);
  const [moving, setMoving] = useState<OrgUnit | null>(null);
  const [dissolving, setDissolving] = useState<OrgUnit | null>(null);

  if (!unitId) {
    return (
      <Card>
        <EmptyState description={t('org.detail.pick')} />
      </Card>
    );
  }
  if (unit.isPending) return <PageLoading />;
  if (unit.isError) return <PageError error={unit.error} onRetry={() => void unit.refetch()} />;

  const u = unit.data;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const trail = [...ancestorIds(nodes, u.id).map((id) => byId.get(id)?.name ?? ''), u.name].join(' / ');
  const children = nodes
    .filter((n) => n.parentId === u.id)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const isDeleted = Boolean(u.deletedAt);
  const isDissolved = Boolean(u.dissolvedOn);
  const isOwnUnit = u.id === user.orgUnit.id;
  const canAddChild = !isDeleted && !isDissolved && allowedChildKinds[u.kind].length > 0;

  const confirmDelete = () => {
    modal.confirm({
      title: t('org.deleteConfirm.title', { name: u.name }),
      content: t('org.deleteConfirm.content'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync({ id: u.id, version: u.version }).then(
          () => {
            void message.success(t('common.deleted'));
            if (u.parentId) onSelect(u.parentId);
          },
          (e: unknown) => onError(e),
        ),
    });
  };

  const actions = access.canManageOrg ? (
    <Space wrap data-testid="org-actions">
      {canAddChild && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setFormMode({ type: 'create', parent: u })}
        >
          {t('org.action.addChild')}
        </Button>
      )}
      {!isDeleted && (
        <Button icon={<EditOutlined />} onClick={() => setFormMode({ type: 'edit', unit: u })}>
          {t('org.action.edit')}
        </Button>
      )}
      {!isDeleted && !isOwnUnit && u.parentId && (
        <Button icon={<DragOutlined />} onClick={() => setMoving(u)}>
          {t('org.action.move')}
        </Button>
      )}
      {!isDeleted && !isDissolved && !isOwnUnit && (
        <Button icon={<StopOutlined />} onClick={() => setDissolving(u)}>
          {t('org.action.dissolve')}
        </Button>
      )}
      {!isDeleted && !isOwnUnit && (
        <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
          {t('common.delete')}
        </Button>
      )}
      {isDeleted && (
        <Button icon={<RollbackOutlined />} onClick={() => confirmRestore(u)}>
          {t('common.restore')}
        </Button>
      )}
    </Space>
  ) : null;

  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="org-detail-name">{u.name}</span>
          <OrgUnitStatusTag unit={u} />
        </Space>
      }
    >
      {actions && <div style={{ marginBottom: 16 }}>{actions}</div>}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'kind', label: t('org.field.kind'), children: label(orgKindLabels, u.kind) },
          { key: 'code', label: t('org.field.code'), children: u.code ?? '—' },
          { key: 'path', label: t('org.field.path'), span: 'filled', children: trail },
          { key: 'founded', label: t('org.field.foundedOn'), children: formatDate(u.foundedOn) || '—' },
          {
            key: 'dissolved',
            label: t('org.field.dissolvedOn'),
            children: formatDate(u.dissolvedOn) || '—',
          },
          { key: 'created', label: t('common.createdAt'), children: formatDateTime(u.createdAt) },
          { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(u.updatedAt) },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <div className="bbt-muted" style={{ marginBottom: 8 }}>
          {t('org.detail.children', { count: children.length })}
        </div>
        {children.length === 0 ? (
          <EmptyState description={t('org.detail.noChildren')} />
        ) : (
          <Space wrap>
            {children.map((c) => (
              <Button
                key={c.id}
                size="small"
                onClick={() => onSelect(c.id)}
                className={c.dissolvedOn ? 'bbt-muted' : ''}
              >
                {c.name}
                {c.dissolvedOn ? `（${t('org.status.dissolved')}）` : ''}
              </Button>
            ))}
          </Space>
        )}
      </div>
      <OrgUnitFormModal
        mode={formMode}
        onClose={() => setFormMode(null)}
        onSaved={(saved) => {
          if (formMode?.type === 'create') onSelect(saved.id);
        }}
      />
      <MoveOrgUnitModal unit={moving} onClose={() => setMoving(null)} />
      <DissolveOrgUnitModal unit={dissolving} onClose={() => setDissolving(null)} />
    </Card>
  );
};
