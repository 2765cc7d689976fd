import { levelOf, type OrgTreeNode } from '../../../../contracts/org';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';

const isTown = (n: OrgTreeNode) => levelOf(n.kind) === 'town';
const isVillage = (n: OrgTreeNode) => levelOf(n.kind) === 'village';

/**
 * Towns and villages of the caller's tree, and the town the header scope points at (the scope itself,
 * the town above a village, or the first town below a county), for pages that work town by town.
 */
export const useUnits = () => {
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const nodes = tree.data ?? [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const towns = nodes.filter(isTown).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const villages = nodes.filter(isVillage).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const scope = byId.get(scopeId);
  let scopeTownId: string | undefined;
  if (scope && isTown(scope)) scopeTownId = scope.id;
  else if (scope?.parentId && byId.get(scope.parentId) && isTown(byId.get(scope.parentId) as OrgTreeNode))
    scopeTownId = scope.parentId;
  else scopeTownId = towns.find((t) => t.parentId === scopeId)?.id ?? towns[0]?.id;
  const scopeVillageId = scope && isVillage(scope) ? scope.id : undefined;
  const villagesOf = (townId: string | undefined) => villages.filter((v) => v.parentId === townId);
  return {
    isLoading: tree.isLoading,
    scopeId,
    scopeName: scope?.name ?? '',
    towns,
    villages,
    villagesOf,
    scopeTownId,
    scopeVillageId,
    nameOf: (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? '') : ''),
  };
};
