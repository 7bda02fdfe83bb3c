/**
 * What other features may read of the self-examination checklist (bộ tiêu chí tự soi): a version
 * and its items, one item, the current versions kept along a unit's path. The checklist
 * feature's door for reads; its repo stays its own.
 */
export { currentVersionsOf, findItem, findVersion, itemsOfVersion } from './repo.js';
