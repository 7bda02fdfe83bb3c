/**
 * What other features may read of the correction plans (kế hoạch tự sửa): a member's plan for a
 * period, its items (from a self-examination, over years, in a subtree, due by a date: the yearly
 * review's evidence), a member's plans. The correction-plans feature's door for reads; its repo
 * stays its own.
 */
export {
  findPlanOf,
  itemCountsByUnit,
  itemsFromSelfExam,
  itemsInSubtree,
  itemsOfMemberDueBy,
  itemsOfMemberYears,
  plansOfMember,
  plansOfUnitYear,
  unfinishedEarlierItemsInSubtree,
} from './repo.js';
