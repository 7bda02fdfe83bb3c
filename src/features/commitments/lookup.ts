/**
 * What other features may read of the commitments (chỉ tiêu cam kết): each unit's commitment
 * figures for a year (the work board shows them). The commitments feature's door for reads.
 */
export { commitmentCountsByUnit } from './repo.js';
