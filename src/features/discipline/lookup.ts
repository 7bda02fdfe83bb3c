/**
 * What other features may read of the discipline records (kỷ luật): a member's decisions (of a
 * year, by the decision date), the decisions about a subtree's members within a period, and the
 * members of a subtree disciplined in a year — the rating (QĐ 366: disciplined in the year) reads
 * them. The discipline feature's door for reads.
 */
export { decisionsInSubtreeBetween, disciplineOfMember, disciplinedMembersIn, type DisciplineRow } from './repo.js';
