/**
 * What other features may read of the self-examinations (tự soi): a member's, or a subtree's,
 * self-examinations of a period — the yearly review's evidence, and the overview's coverage per unit (who submitted, and the cell's
 * coverage, as the self-examination board counts them; the members come from the members feature). The self-examinations feature's door for reads; its repo stays its own.
 */
export { coverageByUnit, examsInSubtree, examsOfMemberFor } from './repo.js';
