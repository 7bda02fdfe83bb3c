/**
 * A unit's materialised path ("/rootId/communeId/cellId/") read as ids. The one place paths are
 * split, so every feature reads the tree the same way.
 */

/** The ids of a unit and its ancestors, root first. */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);

/** The ids of a unit's ancestors (not the unit itself), nearest first. */
export const ancestorIds = (path: string): string[] => pathIds(path).slice(0, -1).reverse();

/** The path of the tree's root above a unit ("/rootId/"). */
export const rootPathOf = (path: string): string => `/${pathIds(path)[0] ?? ''}/`;
