/**
 * What other features may read of the local issues (vấn đề tồn tại): one issue with its places,
 * a village unit, the confirmations of a resolution round, the board's counts (the overview). The local-issues feature's door for
 * reads (citizen feedback links messages to issues); its repo stays its own.
 */
export { boardCounts as issueCounts, confirmationsOf, findIssue, findVillage, type IssueRow } from './repo.js';
