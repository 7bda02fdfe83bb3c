/**
 * What other features may read of the accounts: whether a member holds a post (a role beyond a
 * plain member's). The accounts feature's door for reads; its repo stays its own.
 */
export { memberHoldsPost, membersHoldingPostsIn } from './repo.js';
