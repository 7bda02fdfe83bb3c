/**
 * The meetings suites' shared fixture over one demo app: accounts the demo lacks, Đồng Thứ's
 * roster, and a ready Đồng Thứ meeting in any state, each on a fresh past date.
 */
import { expect } from 'vitest';
import type { MeetingDetail } from '../../src/features/meetings/schemas.js';
import { CELL_DONG_THU, CELL_LUU_QUANG, COMMUNE, type TestApp } from './app.js';
import { signInAs } from './accounts.js';
import { cellRoster, csvBase64, localInstant, requester, shiftDate, vnToday } from './meetings.js';

/** The header row of an attendance file as the office exports it. */
export const CSV_HEADER = ['Số thẻ', 'Họ và tên', 'Trạng thái', 'Giờ đến'];

export interface MeetingFixture {
  unitId: string;
  communeId: string;
  secretaryId: string;
  meeting: MeetingDetail;
  /** Participants: dangvien.dongthu first, then three other members. */
  people: string[];
  /** A task outcome on the second agenda item, owned by people[1]. */
  outcomeId: string;
  taskId: string;
  deadline: string;
}

export function meetingFixtures(t: () => TestApp) {
  const call = requester(t);

  /** Accounts the demo does not have. */
  const officeOnly = () => signInAs(t(), 'vanphong.khongdangvien', [{ role: 'office', unitName: COMMUNE }]);
  const officeLuuQuang = () => signInAs(t(), 'vanphong.luuquang', [{ role: 'office', unitName: CELL_LUU_QUANG }]);
  const committeeDongThu = () => signInAs(t(), 'chiuy.dongthu', [{ role: 'cell_committee', unitName: CELL_DONG_THU }]);
  const noRole = () => signInAs(t(), 'khong.vaitro', []);

  let back = 0;
  /**
   * A past date earlier than every one handed out before: a new Đồng Thứ meeting then has
   * no earlier open tasks to carry, so the tests do not depend on each other.
   */
  const freshPastDate = () => shiftDate(vnToday(), -(20 + ++back));

  let cell: Awaited<ReturnType<typeof loadDongThu>> | undefined;
  async function loadDongThu() {
    const unitId = await t().unitId(CELL_DONG_THU);
    const roster = await cellRoster(t(), unitId);
    const secretaryId = await t().memberIdOf('bithu.dongthu');
    const memberId = await t().memberIdOf('dangvien.dongthu');
    return {
      unitId,
      communeId: await t().unitId(COMMUNE),
      roster,
      secretaryId,
      memberId,
      /** Official members with a vote on any recent date, neither demo account. */
      others: roster.filter(
        (m) => m.status === 'official' && (m.official_on ?? '') < '2026-01-01' && m.id !== secretaryId && m.id !== memberId,
      ),
      probationary: roster.find((m) => m.status === 'probationary')!,
      exempt: roster.find((m) => m.status === 'exempt')!,
      luuQuangMemberId: await t().memberIdOf('bithu.luuquang'),
    };
  }
  const dongThu = async () => (cell ??= await loadDongThu());
  const nameOf = async (memberId: string) => (await dongThu()).roster.find((m) => m.id === memberId)!.full_name;


  async function createIn(who: string, body: Record<string, unknown>): Promise<MeetingDetail> {
    const res = await call('POST', '/api/meetings', who, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as MeetingDetail;
  }

  /** Marks every participant present at `time` (19:30 = on time). */
  async function recordAll(meeting: MeetingDetail, time = '19:30') {
    const entries = meeting.participants.map((p) => ({ memberId: p.memberId, status: 'present', arrivedAt: localInstant(meeting.date, time) }));
    const res = await call('PUT', `/api/meetings/${meeting.id}/attendance`, 'bithu.dongthu', { entries });
    expect(res.statusCode, res.body).toBe(200);
  }

  async function transition(id: string, step: 'hold' | 'approve'): Promise<MeetingDetail> {
    const res = await call('POST', `/api/meetings/${id}/${step}`, 'bithu.dongthu');
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
    const created = await createIn('bithu.dongthu', {
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
    const withTask = await call('POST', `/api/meetings/${created.id}/outcomes`, 'bithu.dongthu', {
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
    officeOnly,
    officeLuuQuang,
    committeeDongThu,
    noRole,
    freshPastDate,
    dongThu,
    nameOf,
    createIn,
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
 * a stored tally equal to a recount of its participants, and the meeting page shows the same
 * figures. Call it last in a suite; `atLeast` guards against checking nothing.
 */
export async function expectTalliesMatchRecount(t: () => TestApp, atLeast: number): Promise<void> {
  const call = requester(t);
  const meetings = await t().db.db.selectFrom('meetings').selectAll().execute();
  expect(meetings.length).toBeGreaterThanOrEqual(atLeast);
  for (const m of meetings) {
    const detail = await call('GET', `/api/meetings/${m.id}`, 'bithu.dangbo');
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
