/**
 * What other features may read of citizens' messages (ý kiến người dân): one message, and
 * whether a caller may read it. The citizen-feedback feature's door for reads; its repo stays its own.
 */
export { findFeedback, type CitizenFeedbackRow } from './repo.js';
export { mayReadCitizenFeedback, maySeeContact } from './policy.js';
