import { Tag, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgTreeNode } from '../../contracts/org';
import { ancestorIds, buildOrgTree, type OrgTreeItem, useOrgTree } from '../lib/org-tree';

type OrgOption = {
  value: string;
  name: string;
  title: React.ReactNode;
  disabled?: boolean;
  children: OrgOption[];
};

export type OrgTreeSelectProps = {
  id?: string;
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Units that may not be picked (still shown, greyed), e.g. a unit's own subtree when moving it. */
  isDisabled?: (node: OrgTreeNode) => boolean;
  /** Dissolved units are shown but not pickable unless this is set. */
  allowDissolved?: boolean;
  size?: 'small' | 'middle' | 'large';
  className?: string;
  style?: React.CSSProperties;
  /** The value's name, shown while the tree is still loading (never the bare id). */
  valueName?: string;
  'aria-label'?: string;
  'data-testid'?: string;
};

/** A searchable picker over the caller's org subtree (GET /org/tree). */
export const OrgTreeSelect = ({
  id,
  value,
  onChange,
  placeholder,
  allowClear,
  isDisabled,
  allowDissolved,
  size,
  className,
  style,
  valueName,
  ...rest
}: OrgTreeSelectProps) => {
  const { t } = useTranslation();
  const tree = useOrgTree();
  const nodes = tree.data;

  const options = useMemo(() => {
    const toOption = (item: OrgTreeItem): OrgOption => ({
      value: item.id,
      name: item.name,
      title: item.dissolvedOn ? (
        <span className="bbt-muted">
          {item.name} <Tag>{t('org.status.dissolved')}</Tag>
        </span>
      ) : (
        item.name
      ),
      disabled: Boolean(isDisabled?.(item)) || (!allowDissolved && Boolean(item.dissolvedOn)),
      children: item.children.map(toOption),
    });
    if (!nodes && value && valueName) return [{ value, name: valueName, title: valueName, children: [] }];
    return buildOrgTree(nodes ?? []).map(toOption);
  }, [nodes, isDisabled, allowDissolved, t, value, valueName]);

  const expanded = useMemo(() => {
    if (!nodes || nodes.length === 0) return [];
    const roots = nodes.filter((n) => !nodes.some((p) => p.id === n.parentId)).map((n) => n.id);
    const path = value ? [...ancestorIds(nodes, value), value] : [];
    return [...new Set([...roots, ...path])];
  }, [nodes, value]);

  return (
    <TreeSelect<string>
      id={id}
      className={className}
      style={style}
      size={size}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={options}
      treeNodeLabelProp="name"
      showSearch={{ treeNodeFilterProp: 'name' }}
      treeDefaultExpandedKeys={expanded}
      key={expanded.length === 0 ? 'empty' : 'loaded'}
      loading={tree.isLoading}
      placeholder={placeholder ?? t('org.select.placeholder')}
      allowClear={allowClear}
      notFoundContent={tree.isError ? t('common.loadFailed') : t('common.empty')}
      popupMatchSelectWidth={false}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
    />
  );
};
