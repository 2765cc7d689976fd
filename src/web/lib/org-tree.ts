import { useQuery } from '@tanstack/react-query';
import type { OrgTreeNode } from '../../contracts/org';
import { api } from './api-client';

export const orgTreeQueryKey = ['org', 'tree'] as const;

export const getOrgTree = (signal?: AbortSignal) =>
  api.get<{ items: OrgTreeNode[] }>('/api/v1/org/tree', undefined, signal);

/** The caller's whole subtree, flat; shared by the scope switcher, the org page and every unit picker. */
export const useOrgTree = (enabled = true) =>
  useQuery({
    queryKey: orgTreeQueryKey,
    queryFn: ({ signal }) => getOrgTree(signal),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled,
  });

export type OrgTreeItem = OrgTreeNode & { children: OrgTreeItem[] };

const byName = (a: OrgTreeItem, b: OrgTreeItem) => a.name.localeCompare(b.name, 'zh-CN');

/** Flat nodes → nested tree. A node whose parent is outside the caller's subtree becomes a root. */
export const buildOrgTree = (nodes: readonly OrgTreeNode[]): OrgTreeItem[] => {
  const items = new Map<string, OrgTreeItem>();
  for (const n of nodes) items.set(n.id, { ...n, children: [] });
  const roots: OrgTreeItem[] = [];
  for (const item of items.values()) {
    const parent = item.parentId ? items.get(item.parentId) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  const sortDeep = (list: OrgTreeItem[]) => {
    list.sort(byName);
    for (const i of list) sortDeep(i.children);
  };
  sortDeep(roots);
  return roots;
};

/** Ids of `id` and everything below it (a unit cannot move under its own descendant). */
export const subtreeIds = (nodes: readonly OrgTreeNode[], id: string): Set<string> => {
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (!n.parentId) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n.id);
    children.set(n.parentId, list);
  }
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    for (const c of children.get(cur) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
};

/** Ids from the root of the loaded tree down to `id`'s parent (to expand a tree to a node). */
export const ancestorIds = (nodes: readonly OrgTreeNode[], id: string): string[] => {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  let cur = byId.get(id)?.parentId ?? null;
  while (cur && byId.has(cur) && !out.includes(cur)) {
    out.unshift(cur);
    cur = byId.get(cur)?.parentId ?? null;
  }
  return out;
};
