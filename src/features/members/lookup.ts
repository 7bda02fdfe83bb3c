/**
 * What other features may read of the members (đảng viên): one member with their unit. The
 * members feature's door for reads; its repo stays its own.
 */
export { activeMembersOf, findMemberWithUnit, type MemberRow } from './repo.js';
