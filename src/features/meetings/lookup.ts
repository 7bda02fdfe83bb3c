/**
 * What other features may read of the meetings (sinh hoạt chi bộ): one meeting with its unit,
 * a cell's thematic meetings in a period (a self-examination may be written before one); for
 * the yearly review a cell's meetings of the period, its attendance total and a member's own
 * attendance record (the very figures the attendance reports show), and a meeting's
 * participants with their attendance (a review meeting's ballot asks who is present).
 * For the overview: meetings counted per cell, month and kind, and complete meetings' attendance
 * tallies per cell and month (the attendance report's own sums).
 * The meetings feature's door for reads; its repos stay its own.
 */
export { cellMeetingsIn, meetingCountsByCellMonth, findMeeting, participantsOf, thematicMeetingsOf, type MeetingWithUnit, type ParticipantRow } from './repo.js';
export { memberAttendanceRecord, unitAttendanceTotal } from './reports.js';
export { tallyByCellAndMonth } from './report-repo.js';
export { countsOfTally } from './repo.js';
