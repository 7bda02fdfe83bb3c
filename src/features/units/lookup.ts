/**
 * What other features may read of the unit tree (đơn vị): a unit by id, several at once, the
 * active cells of a subtree. The units feature's door for reads; its repo stays its own.
 */
export { activeCellsIn, activeUnitsIn, findUnit, firstRootUnit, unitsByIds, type UnitRow } from './repo.js';
