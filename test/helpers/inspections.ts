import type { TestApp } from './app.js';
import { shiftDate, vnToday } from './meetings.js';
import type { InspectionDetail, ProgrammeDetail } from '../../src/features/inspections/schemas.js';

/** Dates a case walks through, all in the past so every step may be recorded today: decision 40 days ago, a step every few days. */
export function caseDates(today = vnToday()) {
  const at = (days: number) => shiftDate(today, -days);
  return { decidedOn: at(40), plan: at(38), notice: at(35), subjectReport: at(30), verification: at(25), draftReport: at(20), resultReport: at(15), concludedOn: at(10), reviewFrom: at(200), reviewTo: at(41) };
}

async function post<T>(t: TestApp, cookie: string, url: string, payload: unknown, expected: number): Promise<T> {
  const res = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as Record<string, unknown> });
  if (res.statusCode !== expected) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** A case opened directly by `cookie` (UBKT or the committee) about a unit or a member. */
export function openCase(t: TestApp, cookie: string, body: Record<string, unknown> & { unitId: string }): Promise<InspectionDetail> {
  const d = caseDates();
  return post<InspectionDetail>(
    t,
    cookie,
    '/api/inspections',
    { body: 'inspection_committee', kindCode: 'supervision_thematic', title: 'Giám sát chuyên đề chất lượng sinh hoạt chi bộ', content: 'Việc thực hiện nền nếp, chất lượng sinh hoạt chi bộ', reviewFrom: d.reviewFrom, reviewTo: d.reviewTo, decidedOn: d.decidedOn, decisionNo: '05-QĐ/UBKT', ...body },
    201,
  );
}

export function recordStep(t: TestApp, cookie: string, id: string, body: Record<string, unknown> & { code: string; doneOn: string }): Promise<InspectionDetail> {
  return post<InspectionDetail>(t, cookie, `/api/inspections/${id}/steps`, { note: `Ghi nhận bước ${body.code}`, ...body }, 200);
}

/**
 * Walks a thematic case from its decision up to the conclusion: plan, notice (the subject is
 * told), the subject's report (sent by `subjectCookie`), verification, draft report, result report.
 */
export async function walkToConclusion(t: TestApp, staffCookie: string, subjectCookie: string, id: string): Promise<InspectionDetail> {
  const d = caseDates();
  await recordStep(t, staffCookie, id, { code: 'plan', doneOn: d.plan, documentNo: '06-KH/UBKT' });
  await recordStep(t, staffCookie, id, { code: 'notice', doneOn: d.notice });
  await recordStep(t, subjectCookie, id, { code: 'subject_report', doneOn: d.subjectReport, note: 'Báo cáo tự kiểm tra của chi bộ' });
  await recordStep(t, staffCookie, id, { code: 'verification', doneOn: d.verification });
  await recordStep(t, staffCookie, id, { code: 'draft_report', doneOn: d.draftReport, subjectComments: 'Chi bộ nhất trí với dự thảo' });
  return recordStep(t, staffCookie, id, { code: 'result_report', doneOn: d.resultReport });
}

export function conclude(t: TestApp, cookie: string, id: string, body: Record<string, unknown> = {}): Promise<InspectionDetail> {
  const d = caseDates();
  return post<InspectionDetail>(
    t,
    cookie,
    `/api/inspections/${id}/conclusion`,
    {
      concludedOn: d.concludedOn,
      documentNo: '07-TB/UBKT',
      strengths: 'Chi bộ duy trì sinh hoạt định kỳ.',
      shortcomings: 'Đảng viên đến muộn; phê bình còn nể nang; nhiệm vụ giao chưa rõ người.',
      causes: 'Chi ủy chưa quán triệt nền nếp.',
      recommendations: [
        { text: 'Chấn chỉnh giờ giấc sinh hoạt chi bộ', deadline: shiftDate(vnToday(), 30) },
        { text: 'Mỗi nhiệm vụ giao phải rõ người, rõ việc', deadline: shiftDate(vnToday(), 60) },
      ],
      ...body,
    },
    200,
  );
}

export function createProgramme(t: TestApp, cookie: string, body: Record<string, unknown> & { unitId: string }): Promise<ProgrammeDetail> {
  return post<ProgrammeDetail>(t, cookie, '/api/inspection-programmes', { body: 'inspection_committee', year: Number(vnToday().slice(0, 4)), title: 'Chương trình kiểm tra, giám sát năm', items: [], ...body }, 201);
}
