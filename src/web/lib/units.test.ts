import { describe, expect, it } from 'vitest';
import type { UnitTreeNode } from '../api/types.js';
import { cellsUnder, shortCellName } from './units.js';

function unit(id: string, kind: UnitTreeNode['kind'], children: UnitTreeNode[] = [], archived = false): UnitTreeNode {
  return { id, parentId: null, kind, name: id, code: null, archived, memberCount: 0, children };
}

describe('cells under a committee', () => {
  it('lists the active cells in the subtree of the unit, in tree order', () => {
    const roots = [
      unit('province', 'province', [
        unit('commune', 'commune', [unit('cell-a', 'cell'), unit('branch', 'intermediate', [unit('cell-b', 'cell'), unit('org', 'mass_org')]), unit('old', 'cell', [], true)]),
        unit('other-commune', 'commune', [unit('cell-x', 'cell')]),
      ]),
    ];
    expect(cellsUnder(roots, 'commune').map((u) => u.id)).toEqual(['cell-a', 'cell-b']);
    expect(cellsUnder(roots, 'cell-x').map((u) => u.id)).toEqual(['cell-x']);
    expect(cellsUnder(roots, 'nowhere')).toEqual([]);
  });
});

describe('short cell names', () => {
  it('drops the leading "Chi bộ" and keeps a name that is nothing else', () => {
    expect(shortCellName('Chi bộ thôn Đồng Thứ')).toBe('thôn Đồng Thứ');
    expect(shortCellName('Chi bộ')).toBe('Chi bộ');
  });
});
