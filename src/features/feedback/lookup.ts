/**
 * What other features may read of the feedback (góp ý): counts in a subtree and what waits for
 * an answer there (the tự soi boards show them), and how much was given (the overview). The feedback feature's door for reads.
 */
export { awaitingInSubtree, countsInSubtree, givenCountInSubtree, receivedBetween } from './repo.js';
