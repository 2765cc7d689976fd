import { Card, Input, Tag, Tree, type TreeDataNode } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgTreeNode } from '../../../../contracts/org';
import { EmptyState } from '../../../components/page-states';
import { ancestorIds, buildOrgTree, type OrgTreeItem } from '../../../lib/org-tree';

type Props = {
  nodes: OrgTreeNode[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  isMobile: boolean;
};

const highlight = (name: string, q: string): ReactNode => {
  if (!q) return name;
  const i = name.toLowerCase().indexOf(q.toLowerCase());
  if (i < 0) return name;
  return (
    <>
      {name.slice(0, i)}
      <mark className="bbt-highlight">{name.slice(i, i + q.length)}</mark>
      {name.slice(i + q.length)}
    </>
  );
};

/** Keeps the matches and the branches that lead to them, so a search in a county of 300 villages stays readable. */
const filterTree = (items: OrgTreeItem[], q: string): OrgTreeItem[] =>
  items.flatMap((item) => {
    const children = filterTree(item.children, q);
    const isMatch = item.name.toLowerCase().includes(q.toLowerCase());
    return isMatch || children.length > 0
      ? [{ ...item, children: isMatch && children.length === 0 ? [] : children }]
      : [];
  });

const allIds = (items: OrgTreeItem[]): string[] => items.flatMap((i) => [i.id, ...allIds(i.children)]);

export const OrgTreePanel = ({ nodes, selectedId, onSelect, isMobile }: Props) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [expanded, setExpanded] = useState<string[]>([]);
  const query = q.trim();

  const tree = useMemo(() => buildOrgTree(nodes), [nodes]);
  const shown = useMemo(() => (query ? filterTree(tree, query) : tree), [tree, query]);

  // Start with the roots and the way down to the selected unit open.
  useEffect(() => {
    setExpanded((prev) => {
      const path = selectedId ? ancestorIds(nodes, selectedId) : [];
      const roots = tree.map((r) => r.id);
      return [...new Set([...prev, ...roots, ...path])];
    });
  }, [nodes, tree, selectedId]);

  const toData = (item: OrgTreeItem): TreeDataNode => ({
    key: item.id,
    title: (
      <span className={`bbt-tree-title${item.dissolvedOn ? ' bbt-muted' : ''}`} data-testid="org-tree-node">
        <span>{highlight(item.name, query)}</span>
        {item.dissolvedOn && <Tag>{t('org.status.dissolved')}</Tag>}
      </span>
    ),
    children: item.children.map(toData),
  });
  const treeData = shown.map(toData);

  return (
    <Card
      title={t('org.tree.title')}
      styles={{ body: { padding: isMobile ? 8 : 12 } }}
      extra={<span className="bbt-muted">{t('org.tree.count', { count: nodes.length })}</span>}
    >
      <Input.Search
        allowClear
        placeholder={t('org.tree.search')}
        aria-label={t('org.tree.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="org-tree-search"
      />
      {treeData.length === 0 ? (
        <EmptyState description={query ? t('org.tree.noMatch') : t('common.empty')} />
      ) : (
        <Tree
          className="bbt-org-tree"
          blockNode
          showLine
          treeData={treeData}
          selectedKeys={selectedId ? [selectedId] : []}
          expandedKeys={query ? allIds(shown) : expanded}
          onExpand={(keys) => {
            if (!query) setExpanded(keys.map(String));
          }}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) onSelect(String(key));
          }}
          height={isMobile ? undefined : 560}
          aria-label={t('org.tree.title')}
        />
      )}
    </Card>
  );
};
