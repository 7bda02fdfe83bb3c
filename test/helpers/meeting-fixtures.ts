/**
 * The meetings suites' shared fixture: a commune of their own (three cells, the staff's six
 * accounts, the sample rubric), accounts the staff lacks, the first cell's roster, and a ready
 * meeting of that cell in any state, each on a fresh past date.
 */
import { expect } from 'vitest';
import type { MeetingDetail } from '../../src/features/meetings/schemas.js';
import type { TestApp } from './app.js';
import { accountOnFirstUse, buildAccount, buildMeeting, useStaffedCommune, type MemberStatus } from './factories.js';
import { cellRoster, csvBase64, localInstant, requester, shiftDate, vnToday } from './meetings.js';

/** The header row of an attendance file as the office exports it. */
export const CSV_HEADER = ['Số thẻ', 'Họ và tên', 'Trạng thái', 'Giờ đến'];

/** Each cell's members in turn: the first cell's twelve are ten official, one probationary, one exempt; six-member cells are all official. */
const STATUSES: MemberStatus[] = [...Array<MemberStatus>(10).fill('official'), 'probationary', 'exempt'];

export interface MeetingFixture {
  unitId: string;
  communeId: string;
  secretaryId: string;
  meeting: MeetingDetail;
  /** Participants: the staff's member first, then three other members. */
  people: string[];
  /** A task outcome on the second agenda item, owned by people[1]. */
  outcomeId: string;
  taskId: string;
  deadline: string;
}

export function meetingFixtures(t: () => TestApp) {
  const call = requester(t);
  /**
   * The commune: "Đồng Thứ" (twelve members: the staff's secretary and member, a probationary
   * and an exempt one), "Lưu Quang" (the other secretary's) and "Số 1", where the commune's
   * staff are members and no fixture meeting is held; its committee keeps the sample rubric.
   */
  const { home, staff, as } = useStaffedCommune(t, { villages: ['Đồng Thứ', 'Lưu Quang', 'Số 1'], membersPerCell: [12, 6, 6], statuses: STATUSES, rubric: true });

  // Accounts the staff lacks, made on first use.
  /** The office over the commune, and no member record anywhere: it reads no meeting. */
  const officeOnly = accountOnFirstUse(() => buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] }));
  /** An office role over Lưu Quang only: rubrics are the commune's. */
  const officeLuuQuang = accountOnFirstUse(() => buildAccount(t(), { roles: [{ role: 'office', unitId: home().cells[1]!.id }] }));
  /** A member of Đồng Thứ's cell committee: runs meetings, does not sign minutes. */
  const committeeDongThu = accountOnFirstUse(() => buildAccount(t(), { roles: [{ role: 'cell_committee', unitId: home().cells[0]!.id }] }));
  const noRole = accountOnFirstUse(() => buildAccount(t(), { roles: [], unitId: home().id }));

  let back = 0;
  /**
   * A past date earlier than every one handed out before: a new Đồng Thứ meeting then has
   * no earlier open tasks to carry, so the tests do not depend on each other.
   */
  const freshPastDate = () => shiftDate(vnToday(), -(20 + ++back));

  let cell: Awaited<ReturnType<typeof loadDongThu>> | undefined;
  async function loadDongThu() {
    const unitId = home().cells[0]!.id;
    const roster = await cellRoster(t(), unitId);
    const secretaryId = staff().secretary.memberId!;
    const memberId = staff().member.memberId!;
    return {
      unitId,
      communeId: home().id,
      roster,
      secretaryId,
      memberId,
      /** Official members (official long before any meeting here), neither the secretary nor the member. */
      others: roster.filter((m) => m.status === 'official' && m.id !== secretaryId && m.id !== memberId),
      probationary: roster.find((m) => m.status === 'probationary')!,
      exempt: roster.find((m) => m.status === 'exempt')!,
      luuQuangMemberId: staff().otherSecretary.memberId!,
    };
  }
  const dongThu = async () => (cell ??= await loadDongThu());
  const nameOf = async (memberId: string) => (await dongThu()).roster.find((m) => m.id === memberId)!.full_name;

  /** Marks every participant present at `time` (19:30 = on time). */
  async function recordAll(meeting: MeetingDetail, time = '19:30') {
    const entries = meeting.participants.map((p) => ({ memberId: p.memberId, status: 'present', arrivedAt: localInstant(meeting.date, time) }));
    const res = await call('PUT', `/api/meetings/${meeting.id}/attendance`, staff().secretary.cookie, { entries });
    expect(res.statusCode, res.body).toBe(200);
  }

  async function transition(id: string, step: 'hold' | 'approve'): Promise<MeetingDetail> {
    const res = await call('POST', `/api/meetings/${id}/${step}`, staff().secretary.cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MeetingDetail;
  }

  /** A Đồng Thứ meeting at 19:30 with four participants, two agenda items and one task. */
  async function newMeeting(
    state: 'planned' | 'held' | 'approved' = 'planned',
    opts: { date?: string; graceMinutes?: number } = {},
  ): Promise<MeetingFixture> {
    const d = await dongThu();
    const date = opts.date ?? freshPastDate();
    const people = [d.memberId, ...d.others.slice(0, 3).map((m) => m.id)];
    const created = await buildMeeting(t(), staff().secretary.cookie, {
      unitId: d.unitId,
      kind: 'regular',
      date,
      startTime: '19:30',
      place: 'Nhà văn hóa thôn Đồng Thứ',
      participantIds: people,
      chairMemberId: people[2],
      secretaryMemberId: people[3],
      ...(opts.graceMinutes !== undefined ? { graceMinutes: opts.graceMinutes } : {}),
      agenda: [{ title: 'Đánh giá kết quả tháng trước' }, { title: 'Nhiệm vụ tháng tới' }],
    });
    const deadline = shiftDate(date, 30);
    const withTask = await call('POST', `/api/meetings/${created.id}/outcomes`, staff().secretary.cookie, {
      agendaItemId: created.agenda[1]!.id,
      kind: 'task',
      task: { title: 'Tu sửa đường làng', deliverable: 'Đường làng đổ bê tông xong, nghiệm thu', ownerMemberId: people[1], deadline },
    });
    expect(withTask.statusCode, withTask.body).toBe(201);
    let meeting = withTask.json() as MeetingDetail;
    const outcome = meeting.agenda[1]!.outcomes[0]!;
    if (state !== 'planned') {
      await recordAll(meeting);
      meeting = await transition(meeting.id, 'hold');
    }
    if (state === 'approved') meeting = await transition(meeting.id, 'approve');
    return { unitId: d.unitId, communeId: d.communeId, secretaryId: d.secretaryId, meeting, people, outcomeId: outcome.id, taskId: outcome.task!.id, deadline };
  }

  const newMeetingBody = (unitId: string) => ({
    unitId,
    kind: 'regular',
    date: freshPastDate(),
    startTime: '19:30',
    place: 'Nhà văn hóa',
    agenda: [{ title: 'Sinh hoạt thường kỳ' }],
  });
  const rubricBody = (unitId: string, name = 'Mẫu chấm điểm sinh hoạt chuyên đề (thử)') => ({
    unitId,
    kind: 'thematic',
    name,
    source: 'Hướng dẫn của Tỉnh ủy (bản thử)',
    criteria: [
      { code: 'noi_dung', text: 'Chuẩn bị chuyên đề chu đáo', points: 60 },
      { code: 'tham_gia', text: 'Đảng viên dự đầy đủ', points: 40, measure: 'attendance_rate', threshold: 0.8 },
    ],
    levels: [
      { name: 'Đạt', min: 50 },
      { name: 'Tốt', min: 80 },
      { name: 'Chưa đạt', min: 0 },
    ],
  });
  async function oneRowCsv(f: MeetingFixture, time = '19:25') {
    const m = (await dongThu()).roster.find((r) => r.id === f.people[0])!;
    return csvBase64([CSV_HEADER, [m.card_number ?? '', m.full_name, 'Có mặt', time]]);
  }

  return {
    home,
    staff,
    as,
    officeOnly,
    officeLuuQuang,
    committeeDongThu,
    noRole,
    freshPastDate,
    dongThu,
    nameOf,
    recordAll,
    transition,
    newMeeting,
    newMeetingBody,
    rubricBody,
    oneRowCsv,
  };
}

/**
 * Every meeting written so far in the app (created, edited, marked, imported, reopened) still has
 * a stored tally equal to a recount of its participants, and the meeting page, read by `reader`
 * (the commune committee's cookie), shows the same figures. Call it last in a suite; `atLeast`
 * guards against checking nothing.
 */
export async function expectTalliesMatchRecount(t: () => TestApp, reader: string, atLeast: number): Promise<void> {
  const call = requester(t);
  const meetings = await t().db.db.selectFrom('meetings').selectAll().execute();
  expect(meetings.length).toBeGreaterThanOrEqual(atLeast);
  for (const m of meetings) {
    const detail = await call('GET', `/api/meetings/${m.id}`, reader);
    expect(detail.statusCode, detail.body).toBe(200);
    const a = detail.json().attendance;
    expect(
      {
        expected: m.att_expected,
        present: m.att_present,
        onTime: m.att_on_time,
        late: m.att_late,
        excused: m.att_excused,
        absent: m.att_absent,
        exempt: m.att_exempt,
        pending: m.att_pending,
        lateMinutesTotal: m.att_late_minutes,
      },
      m.id,
    ).toEqual({
      expected: a.expected,
      present: a.present,
      onTime: a.onTime,
      late: a.late,
      excused: a.excused,
      absent: a.absent,
      exempt: a.exempt,
      pending: a.pending,
      lateMinutesTotal: a.lateMinutesTotal,
    });
  }
}
