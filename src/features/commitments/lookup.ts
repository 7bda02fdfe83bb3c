/**
 * What other features may read of the commitments (chỉ tiêu cam kết): each unit's commitment
 * figures for a year (the work board shows them), and a year's commitments of a member or of a
 * subtree (the yearly review's evidence). The commitments feature's door for reads.
 */
export { commitmentCountsByUnit, commitmentsOfMember, commitmentsOfYear, type CommitmentRow } from './repo.js';
