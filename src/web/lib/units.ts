import type { UnitTreeNode } from '../api/types.js';

export interface FlatUnit {
  unit: UnitTreeNode;
  depth: number;
}

/**
 * The unit tree as a list in display order, each unit with its depth, for unit pickers.
 * `prune` leaves a unit out together with its whole subtree.
 */
export function flattenUnitTree(roots: UnitTreeNode[], prune?: (unit: UnitTreeNode) => boolean): FlatUnit[] {
  const out: FlatUnit[] = [];
  const walk = (nodes: UnitTreeNode[], depth: number) => {
    for (const unit of nodes) {
      if (prune?.(unit)) continue;
      out.push({ unit, depth });
      walk(unit.children, depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

/** A select option's label: indented by depth (em spaces), then "name (kind)". */
export function unitOptionLabel({ unit, depth }: FlatUnit, kindLabel: string): string {
  return `${'\u2003'.repeat(depth)}${unit.name} (${kindLabel})`;
}
