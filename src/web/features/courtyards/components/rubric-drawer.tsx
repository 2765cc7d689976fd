import { Alert, App, Button, Checkbox, Drawer, Input, InputNumber, Popconfirm, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkRubricRules,
  defaultRubricRules,
  type Rubric,
  type RubricRules,
  rubricRulesSchema,
} from '../../../../contracts/courtyards';
import { LedgerActions } from '../../../components/ledger-actions';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { RecordHistory } from '../../../components/record-history';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useDeleteRubric, useRestoreRubric } from '../api/delete-rubric';
import { useCreateRubric, useUpdateRubric } from '../api/save-rubric';
import { RubricEditor } from './rubric-editor';

type Props = {
  /** null: a new rubric, started from `startFrom` (the unit's effective one, or the shipped 示例). */
  rubric: Rubric | null;
  startFrom?: RubricRules;
  onClose: () => void;
  /** A superior's rubric cannot be changed here; it can be copied as this unit's own. */
  onCopy?: (rules: RubricRules) => void;
};

/** Problems with a rubric before it goes to the server: the contract's shape, then the rule checks. */
const problemsOf = (rules: RubricRules): string[] => {
  const parsed = rubricRulesSchema.safeParse(rules);
  if (!parsed.success) return parsed.error.issues.map((i) => i.message);
  return checkRubricRules(rules).map((p) => p.message);
};

/** 评分细则: view, edit (a used version is kept and the edit saved as the next version), create. */
export const RubricDrawer = ({ rubric, startFrom, onClose, onCopy }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const onError = useApiErrorHandler();
  const create = useCreateRubric();
  const update = useUpdateRubric();
  const remove = useDeleteRubric();
  const restore = useRestoreRubric();
  const tree = useOrgTree();
  const isOwn = !rubric || Boolean(tree.data?.some((n) => n.id === rubric.orgUnitId));
  const canManage = access.can('courtyards.manage') && !rubric?.deletedAt && isOwn;
  const [rules, setRules] = useState<RubricRules>(() =>
    structuredClone(rubric?.rules ?? startFrom ?? defaultRubricRules),
  );
  const [name, setName] = useState(
    rubric?.name ?? t('courtyards.rubric.defaultName', { year: new Date().getFullYear() }),
  );
  const [year, setYear] = useState(rubric?.year ?? new Date().getFullYear());
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>(rubric?.orgUnitId ?? scopeId);
  const [isExample, setExample] = useState(rubric?.isExample ?? false);
  const [isTried, setTried] = useState(false);
  const problems = problemsOf(rules);
  const isUsed = (rubric?.inspectionCount ?? 0) > 0;

  const save = () => {
    setTried(true);
    if (problems.length > 0 || name.trim().length < 2) return;
    const done = {
      onSuccess: (r: Rubric) => {
        void message.success(
          rubric && r.id !== rubric.id
            ? t('courtyards.rubric.savedAsVersion', { version: r.versionNo })
            : t('common.saved'),
        );
        onClose();
      },
      onError: (e: unknown) => onError(e, undefined, onClose),
    };
    if (rubric)
      update.mutate({ id: rubric.id, version: rubric.version, name: name.trim(), isExample, rules }, done);
    else if (orgUnitId) create.mutate({ orgUnitId, year, name: name.trim(), isExample, rules }, done);
  };

  const saveButton = isUsed ? (
    <Popconfirm
      title={t('courtyards.rubric.newVersionConfirm', { next: (rubric?.versionNo ?? 0) + 1 })}
      description={t('courtyards.rubric.newVersionHint', { count: rubric?.inspectionCount ?? 0 })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onConfirm={save}
    >
      <Button type="primary" loading={update.isPending} data-testid="rubric-save">
        {t('courtyards.rubric.saveNewVersion')}
      </Button>
    </Popconfirm>
  ) : (
    <Button
      type="primary"
      loading={create.isPending || update.isPending}
      onClick={save}
      data-testid="rubric-save"
    >
      {t('common.save')}
    </Button>
  );

  const editor = (
    <>
      {!isOwn && (
        <Alert
          type="info"
          showIcon
          title={t('courtyards.rubric.superiorNote', { unit: rubric?.orgUnitName ?? '' })}
          action={
            access.can('courtyards.manage') && onCopy ? (
              <Button size="small" onClick={() => onCopy(rules)} data-testid="rubric-copy">
                {t('courtyards.rubric.copy')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {isExample && (
        <Alert
          type="warning"
          showIcon
          title={t('courtyards.rubric.exampleNote')}
          style={{ marginBottom: 12 }}
        />
      )}
      {isUsed && canManage && (
        <Alert
          type="info"
          showIcon
          title={t('courtyards.rubric.usedNote', {
            count: rubric?.inspectionCount ?? 0,
            next: (rubric?.versionNo ?? 0) + 1,
          })}
          style={{ marginBottom: 12 }}
          data-testid="rubric-used-note"
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        {!rubric && (
          <OrgTreeSelect
            value={orgUnitId}
            onChange={setOrgUnitId}
            style={{ minWidth: 200 }}
            aria-label={t('courtyards.rubric.owner')}
          />
        )}
        {!rubric && (
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(v) => v && setYear(v)}
            suffix={t('courtyards.rubric.yearUnit')}
            aria-label={t('courtyards.rubric.year')}
          />
        )}
        <Input
          value={name}
          maxLength={80}
          disabled={!canManage}
          status={isTried && name.trim().length < 2 ? 'error' : undefined}
          onChange={(e) => setName(e.target.value)}
          style={{ minWidth: 260 }}
          aria-label={t('courtyards.rubric.name')}
          data-testid="rubric-name"
        />
        <Checkbox checked={isExample} disabled={!canManage} onChange={(e) => setExample(e.target.checked)}>
          {t('courtyards.rubric.isExample')}
        </Checkbox>
      </Space>
      {isTried && problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('courtyards.rubric.problems')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
          data-testid="rubric-problems"
        />
      )}
      <RubricEditor value={rules} onChange={setRules} disabled={!canManage} />
      {rubric && canManage && (
        <LedgerActions
          name={rubric.name}
          isDeleted={rubric.deletedAt !== null}
          onEdit={() => undefined}
          onDelete={() =>
            remove.mutateAsync({ id: rubric.id, version: rubric.version }).then(
              () => {
                void message.success(t('common.deleted'));
                onClose();
              },
              (e: unknown) => onError(e),
            )
          }
          onRestore={() =>
            restore.mutateAsync({ id: rubric.id, version: rubric.version }).then(
              () => void message.success(t('common.restored')),
              (e: unknown) => onError(e),
            )
          }
          isDeleting={remove.isPending}
          isRestoring={restore.isPending}
          testIdPrefix="rubric"
        />
      )}
    </>
  );

  return (
    <Drawer
      open
      onClose={onClose}
      size={isMobile ? '100%' : 760}
      title={
        <Space wrap>
          {rubric
            ? t('courtyards.rubric.versionTitle', { version: rubric.versionNo })
            : t('courtyards.rubric.create')}
          {rubric?.isExample && <Tag color="orange">{t('courtyards.rubric.exampleTag')}</Tag>}
        </Space>
      }
      footer={
        canManage ? (
          <Space>
            {saveButton}
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </Space>
        ) : null
      }
      data-testid="rubric-drawer"
    >
      {rubric ? (
        <Tabs
          items={[
            { key: 'rules', label: t('courtyards.rubric.rules'), children: editor },
            {
              key: 'history',
              label: t('courtyards.history'),
              children: <RecordHistory entityType="courtyardRubric" entityId={rubric.id} />,
            },
          ]}
        />
      ) : (
        editor
      )}
    </Drawer>
  );
};
