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

/**
 * The cells in the subtree of `unitId` (the unit itself included if it is one), in tree order:
 * the targets a committee may send a directive to, the cells whose pledges it looks after.
 */
export function cellsUnder(roots: readonly UnitTreeNode[], unitId: string): UnitTreeNode[] {
  const find = (nodes: readonly UnitTreeNode[]): UnitTreeNode | null => {
    for (const n of nodes) {
      if (n.id === unitId) return n;
      const hit = find(n.children);
      if (hit) return hit;
    }
    return null;
  };
  const start = find(roots);
  if (!start) return [];
  return flattenUnitTree([start])
    .map((f) => f.unit)
    .filter((u) => u.kind === 'cell' && !u.archived);
}

/** "Chi bộ thôn Đồng Thứ" → "thôn Đồng Thứ": where the heading already says they are cells. */
export function shortCellName(name: string): string {
  const short = name.replace(/^Chi bộ\s+/u, '');
  return short.length > 0 ? short : name;
}
