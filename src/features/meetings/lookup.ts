/**
 * What other features may read of the meetings (sinh hoạt chi bộ): one meeting with its unit,
 * and a cell's thematic meetings in a period (a self-examination may be written before one).
 * The meetings feature's door for reads; its repos stay its own.
 */
export { findMeeting, thematicMeetingsOf, type MeetingWithUnit } from './repo.js';
