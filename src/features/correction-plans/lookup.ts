/**
 * What other features may read of the correction plans (kế hoạch tự sửa): a member's plan for a
 * period, its items (from a self-examination, over years, in a subtree), a member's plans. The
 * correction-plans feature's door for reads; its repo stays its own.
 */
export { findPlanOf, itemsFromSelfExam, itemsInSubtree, itemsOfMemberYears, plansOfMember, plansOfUnitYear, unfinishedEarlierItemsInSubtree } from './repo.js';
