import { Alert, App, Form, Modal } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedChildKinds, type OrgTreeNode, type OrgUnit } from '../../../../contracts/org';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { subtreeIds, useOrgTree } from '../../../lib/org-tree';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useMoveOrgUnit } from '../api/move-org-unit';

type Props = { unit: OrgUnit | null; onClose: () => void };

/** 调整上级: only units that may hold this kind, and never the unit itself or its own descendants. */
export const MoveOrgUnitModal = ({ unit, onClose }: Props) =>
  unit ? <MoveOrgUnitDialog unit={unit} onClose={onClose} /> : null;

const MoveOrgUnitDialog = ({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newParentId?: string }>();
  const tree = useOrgTree();
  const move = useMoveOrgUnit();
  const onError = useApiErrorHandler();

  const blocked = useMemo(
    () => (tree.data ? subtreeIds(tree.data, unit.id) : new Set<string>()),
    [unit, tree.data],
  );
  const isDisabled = useMemo(
    () => (node: OrgTreeNode) =>
      blocked.has(node.id) || node.id === unit.parentId || !allowedChildKinds[node.kind].includes(unit.kind),
    [unit, blocked],
  );

  const onOk = async () => {
    const v = await form.validateFields();
    move.mutate(
      { id: unit.id, version: unit.version, newParentId: v.newParentId as string },
      {
        onSuccess: () => {
          void message.success(t('org.moved'));
          onClose();
        },
        onError: (e) => onError(e, form, onClose),
      },
    );
  };

  return (
    <Modal
      open
      title={t('org.action.move')}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      okText={t('common.confirm')}
      confirmLoading={move.isPending}
    >
      <Alert
        type="info"
        showIcon
        title={t('org.moveHint', { name: unit.name })}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical">
        <Form.Item
          label={t('org.field.newParent')}
          name="newParentId"
          rules={[{ required: true, message: t('org.rule.newParent') }]}
        >
          <OrgTreeSelect isDisabled={isDisabled} data-testid="move-new-parent" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
