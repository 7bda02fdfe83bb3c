/**
 * What other features may read of the accounts: whether a member holds a post (a role beyond a
 * plain member's), and which members hold given roles over a unit (a cell's committee, and every
 * post-holder of a subtree, for the rating). The accounts feature's door for reads; its repo stays its own.
 */
export { memberHoldsPost, memberIdsWithRoleAt, membersHoldingPostsIn } from './repo.js';
