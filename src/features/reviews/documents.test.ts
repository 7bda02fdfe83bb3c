import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, missingId } from '../../../test/helpers/accounts.js';
import { accessMatrix, type AccessRow } from '../../../test/helpers/access.js';
import { buildAccount, buildMeeting, useStaffedCommune } from '../../../test/helpers/factories.js';
import { ddmmyyyy, requester, vnToday } from '../../../test/helpers/meetings.js';
import { convertDocxToPdf, convertXlsxToPdf, docxText } from '../../../test/helpers/docx.js';
import { newId, nowIso } from '../../db/ids.js';
import { fullText, pointsFor, reviewSteps } from '../../../test/helpers/reviews.js';
import { foldVietnamese } from '../../domain/vietnamese.js';
import type { MyReviewsResponse, PeriodDetail, ReviewEvidence } from './schemas.js';

const YEAR = Number(vnToday().slice(0, 4)) - 4;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The year's figures as the evidence snapshot keeps them at submit. */
const evidence = (year: number): ReviewEvidence => ({
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  figures: [
    { section: 'meetings', key: 'attended', value: 11, of: 12, href: null, items: [] },
    { section: 'tasks', key: 'on_time', value: 5, of: 5, href: null, items: [] },
    { section: 'commitments', key: 'achieved', value: 3, of: 4, href: null, items: [] },
  ],
  taskOutcomes: { onTime: 5, late: 0, exceeded: 0, notDone: 0 },
  unfixedShortcomings: 0,
  detected: { discipline: [], leadershipDiscipline: [] },
});

const VOTE = { HTXSNV: 1, HTTNV: 4, HTNV: 0, KHTNV: 0, '': 1 };

forEachDialect((dialect) => {
  describe('reviews: the Word form, the meeting\'s minutes and the Excel summary', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const { home, staff, as } = useStaffedCommune(t, { cells: 2, membersPerCell: 6 });
    const extra = { officeOnly: '' };
    beforeAll(async () => {
      extra.officeOnly = (await buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] })).cookie;
    });
    const officeOnly = () => extra.officeOnly;
    const cell = () => home().cells[0]!;

    interface F {
      periodId: string;
      reviewId: string;
      collectiveId: string;
      reviewMeetingId: string;
      commune: string;
      cell: string;
    }

    /**
     * A year's period in which the member wrote and submitted their review, the cell commented,
     * voted (by secret ballot, at a meeting) and proposed, and the committee decided — once.
     */
    let built: Promise<F> | undefined;
    const fixture = () => (built ??= setUp());
    async function setUp(): Promise<F> {
      const opened = await call('POST', '/api/review-periods', as('committee')(), { unitId: home().id, kind: 'year', year: YEAR, steps: reviewSteps(YEAR) });
      expect(opened.statusCode, opened.body).toBe(201);
      const period = opened.json() as PeriodDetail;
      const mine = ((await call('GET', '/api/me/reviews', as('member')())).json() as MyReviewsResponse).items.find((i) => i.periodId === period.id)!;
      const text = fullText('HTTNV', pointsFor(80), 0, { strengths: 'Tham gia đầy đủ sinh hoạt chi bộ.\nVận động 12 hộ hiến đất làm đường.', selfLevelReason: null });
      expect((await call('PUT', `/api/reviews/${mine.id}/self-assessment`, as('member')(), text)).statusCode).toBe(200);
      expect((await call('POST', `/api/reviews/${mine.id}/submit`, as('member')())).statusCode).toBe(200);
      const db = t().db.db;
      const collective = await db.selectFrom('reviews').select('id').where('period_id', '=', period.id).where('unit_id', '=', cell().id).where('subject_kind', '=', 'collective').executeTakeFirstOrThrow();
      // The cell's side of the reviews (its endpoints are built on another branch): written as they store it.
      await db
        .updateTable('reviews')
        .set({ evidence_json: JSON.stringify(evidence(YEAR)), cell_comments: 'Gương mẫu, nhiệt tình; cần báo cáo tiến độ đúng hạn.', vote_counts_json: JSON.stringify(VOTE), vote_denominator: 6, vote_level: 'HTTNV', proposed_level: 'HTTNV', proposal_note: 'Chi ủy thống nhất với kết quả biểu quyết.' })
        .where('id', '=', mine.id)
        .execute();
      await db.updateTable('reviews').set({ status: 'submitted', vote_counts_json: JSON.stringify({ HTXSNV: 0, HTTNV: 5, HTNV: 1, KHTNV: 0 }), vote_denominator: 6, vote_level: 'HTTNV', proposed_level: 'HTTNV' }).where('id', '=', collective.id).execute();
      const decided = await call('POST', `/api/review-periods/${period.id}/decisions`, as('committee')(), { decisions: [{ reviewId: mine.id, level: 'HTTNV' }, { reviewId: collective.id, level: 'HTTNV' }] });
      expect(decided.statusCode, decided.body).toBe(200);
      const meeting = await buildMeeting(t(), as('secretary')(), { unitId: cell().id, date: `${YEAR}-12-14`, kind: 'thematic', topic: 'Kiểm điểm, đánh giá, xếp loại' });
      const reviewMeetingId = newId();
      const now = nowIso();
      await db
        .insertInto('review_meetings')
        .values({ id: reviewMeetingId, period_id: period.id, unit_id: cell().id, meeting_id: meeting.id, vote_mode: 'ballot', ballot_status: 'closed', denominator: 6, opened_by_account_id: null, opened_at: now, closed_by_account_id: null, closed_at: now, created_at: now, updated_at: now })
        .execute();
      return { periodId: period.id, reviewId: mine.id, collectiveId: collective.id, reviewMeetingId, commune: home().id, cell: cell().id };
    }

    const rows: AccessRow<F>[] = [
      {
        route: 'GET /api/reviews/:id/form.docx',
        method: 'GET',
        url: (f) => `/api/reviews/${f.reviewId}/form.docx`,
        missing: () => `/api/reviews/${missingId()}/form.docx`,
        forbidden: [officeOnly],
        other: as('otherSecretary'),
        // Someone else's download is a read of the member's file.
        happy: { who: as('secretary'), status: 200, audit: 'read.review', check: (res) => expect(res.headers['content-type']).toBe(DOCX) },
      },
      {
        route: 'GET /api/review-meetings/:id/minutes.docx',
        method: 'GET',
        url: (f) => `/api/review-meetings/${f.reviewMeetingId}/minutes.docx`,
        missing: () => `/api/review-meetings/${missingId()}/minutes.docx`,
        forbidden: [as('member'), as('office')],
        other: as('otherSecretary'),
        happy: { who: as('inspection'), status: 200, check: (res) => expect(res.headers['content-type']).toBe(DOCX) },
      },
      {
        route: 'GET /api/units/:id/ratings.xlsx',
        method: 'GET',
        url: (f) => `/api/units/${f.cell}/ratings.xlsx?year=${YEAR}`,
        missing: () => `/api/units/${missingId()}/ratings.xlsx?year=${YEAR}`,
        // Members see their cell's published levels in the app, not everyone's proposals.
        forbidden: [as('member'), as('office')],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, check: (res) => expect(res.headers['content-type']).toBe(XLSX) },
      },
    ];

    describe('who may download each document', () => {
      accessMatrix(t, {
        routesFile: new URL('./document-routes.ts', import.meta.url),
        rows,
        fixture,
        state: async (f) => ({
          reviews: await t().db.db.selectFrom('reviews').selectAll().where('period_id', '=', f.periodId).orderBy('id').execute(),
          decisions: await t().db.db.selectFrom('review_decisions').select(['id']).where('period_id', '=', f.periodId).orderBy('id').execute(),
        }),
      });
    });

    it('the member\'s review in its form: header, sections, figures, points with totals, own level, the cell\'s vote and proposal, the decision', async () => {
      const f = await fixture();
      const audits = await auditCount(t());
      const res = await call('GET', `/api/reviews/${f.reviewId}/form.docx`, as('member')());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''kiem-diem-2c-.+-\d{4}\.docx$/);
      // The member's own download is no read of someone else's file.
      expect(await auditCount(t())).toBe(audits);
      const text = docxText(res.rawPayload);
      const member = cell().members.find((m) => m.id === staff().member.memberId)!;
      for (const line of [
        'ĐẢNG BỘ XÃ',
        cell().name.toLocaleUpperCase('vi'),
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Mẫu 2C',
        'BẢN KIỂM ĐIỂM ĐẢNG VIÊN',
        `Kiểm điểm, đánh giá, xếp loại chất lượng năm ${YEAR}`,
        `Họ và tên: ${member.fullName}`,
        'II. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC\nTham gia đầy đủ sinh hoạt chi bộ.\nVận động 12 hộ hiến đất làm đường.',
        'III. HẠN CHẾ, KHUYẾT ĐIỂM\nCó lúc còn chậm báo cáo tiến độ.',
        'IV. NGUYÊN NHÂN CỦA HẠN CHẾ, KHUYẾT ĐIỂM\nChưa sắp xếp thời gian hợp lý.',
        'V. KẾT QUẢ KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CHỈ RA\nĐã khắc phục việc đến muộn sinh hoạt.',
        'VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC\nLập lịch công việc hằng tuần, báo cáo đúng hạn.',
        'Số buổi có mặt\n11/12',
        'Đạt\n3/4',
        // pointsFor(80): 6 on each common criterion, 56 on the task results.
        'Cộng: Nhóm tiêu chí chung\n30\n24',
        'Cộng: Nhóm tiêu chí về kết quả thực hiện nhiệm vụ\n70\n56',
        'TỔNG ĐIỂM\n100\n80',
        'Tự nhận mức: Hoàn thành tốt nhiệm vụ.',
        'Nhận xét của chi bộ: \nGương mẫu, nhiệt tình; cần báo cáo tiến độ đúng hạn.',
        'Kết quả biểu quyết: Hoàn thành xuất sắc nhiệm vụ: 1; Hoàn thành tốt nhiệm vụ: 4; Hoàn thành nhiệm vụ: 0; Không hoàn thành nhiệm vụ: 0; Phiếu trống: 1 (trên tổng số 6 đảng viên chính thức).',
        'Chi ủy đề xuất mức: Hoàn thành tốt nhiệm vụ.\nChi ủy thống nhất với kết quả biểu quyết.',
        `Xếp loại: Hoàn thành tốt nhiệm vụ (quyết định ngày ${ddmmyyyy(vnToday())}).`,
        `NGƯỜI TỰ KIỂM ĐIỂM\n${member.fullName}`,
      ]) {
        expect(text).toContain(line);
      }

      // A draft says so, with what is still to write.
      const secretarysOwn = ((await call('GET', '/api/me/reviews', as('secretary')())).json() as MyReviewsResponse).items.find((i) => i.periodId === f.periodId)!;
      const draft = docxText((await call('GET', `/api/reviews/${secretarysOwn.id}/form.docx`, as('secretary')())).rawPayload);
      expect(draft).toContain('(Bản nháp — chưa nộp.)');
      expect(draft).toContain('II. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC\n(Chưa viết.)');
      expect(draft).toContain('Chưa tự nhận mức xếp loại.');
      expect(draft).not.toContain('KẾT QUẢ XẾP LOẠI CỦA ĐẢNG ỦY');

      // The cell's collective report is Mẫu 01, signed for the cell.
      const collective = docxText((await call('GET', `/api/reviews/${f.collectiveId}/form.docx`, as('secretary')())).rawPayload);
      expect(collective).toContain('BÁO CÁO KIỂM ĐIỂM TẬP THỂ');
      expect(collective).toContain(`Tập thể: ${cell().name}`);
      expect(collective).toContain(`T/M ${cell().name.toLocaleUpperCase('vi')}\nBÍ THƯ`);

      // It opens in LibreOffice: an A4 page with the text in Vietnamese letters.
      const pdf = convertDocxToPdf({ form: res.rawPayload }).form!;
      expect(pdf.pageSize).toMatch(/595\.\d+ x 841\.\d+/);
      expect(pdf.text).toContain('BẢN KIỂM ĐIỂM ĐẢNG VIÊN');
      expect(pdf.text).toContain('Vận động 12 hộ hiến đất làm đường.');
    }, 120_000);

    it('the minutes of the review meeting: time and place, the denominator, the vote per member, the level and the proposal', async () => {
      const f = await fixture();
      const res = await call('GET', `/api/review-meetings/${f.reviewMeetingId}/minutes.docx`, as('secretary')());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''bien-ban-hop-kiem-diem-.+\.docx$/);
      const text = docxText(res.rawPayload);
      const member = cell().members.find((m) => m.id === staff().member.memberId)!;
      expect(text).toContain('BIÊN BẢN');
      expect(text).toContain(`Thời gian: 19:30, ngày 14/12/${YEAR}.`);
      expect(text).toContain('Địa điểm: Nhà văn hóa thôn.');
      expect(text).toContain('Tổng số đảng viên chính thức của chi bộ (căn cứ tính kết quả biểu quyết): 6.');
      expect(text).toContain('bỏ phiếu kín');
      expect(text).toContain('KẾT QUẢ KIỂM ĐIỂM TẬP THỂ CHI BỘ\nKết quả biểu quyết: Hoàn thành xuất sắc nhiệm vụ: 0; Hoàn thành tốt nhiệm vụ: 5; Hoàn thành nhiệm vụ: 1; Không hoàn thành nhiệm vụ: 0 (trên tổng số 6 đảng viên chính thức).');
      // The header row, then the member's row: self level, the counts per level, blank ballots, the vote's level and the proposal.
      // Levels by their codes in the narrow columns, named in the legend above the table.
      expect(text).toContain('Ghi chú: HTXSNV — Hoàn thành xuất sắc nhiệm vụ; HTTNV — Hoàn thành tốt nhiệm vụ; HTNV — Hoàn thành nhiệm vụ; KHTNV — Không hoàn thành nhiệm vụ.');
      expect(text).toContain('STT\nHọ và tên\nTự nhận\nHTXSNV\nHTTNV\nHTNV\nKHTNV\nPhiếu trống\nBiểu quyết\nĐề xuất');
      expect(text).toContain(`\n${member.fullName}\nHTTNV\n1\n4\n0\n0\n1\nHTTNV\nHTTNV\n`);
      expect(text).toContain(`${member.fullName}: Chi ủy thống nhất với kết quả biểu quyết.`);
      // Members who wrote nothing yet are listed with empty cells.
      const others = cell().members.filter((m) => m.id !== member.id);
      for (const m of others) expect(text).toContain(`\n${m.fullName}\n`);
      expect(text).toContain('THƯ KÝ');
      expect(text).toContain('CHỦ TRÌ');
    });

    it('the commune\'s summary in Excel: every member by cell, counts per level per cell and in total, the quota, last year beside; opens in LibreOffice', async () => {
      const f = await fixture();
      const res = await call('GET', `/api/units/${f.commune}/ratings.xlsx?year=${YEAR}`, as('committee')());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''xep-loai-${foldVietnamese(home().name).replace(/[^a-z0-9]+/g, '-')}-${YEAR}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['Danh sách đảng viên', 'Tổng hợp']);
      const [list, summary] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
      const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
      expect(list.getCell('A1').value).toBe(`KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM ${YEAR} — ${home().name.toLocaleUpperCase('vi')}`);
      expect(values(list, 2)).toEqual(['STT', 'Chi bộ', 'Họ và tên', 'Tự nhận', 'Chi bộ biểu quyết', 'Chi ủy đề xuất', 'Đảng ủy quyết định']);
      const members = home().cells.reduce((n, c) => n + c.members.length, 0);
      expect(list.rowCount).toBe(2 + members);
      const listed = Array.from({ length: members }, (_, i) => values(list, 3 + i));
      const member = cell().members.find((m) => m.id === staff().member.memberId)!;
      expect(listed.find((r) => r[2] === member.fullName)).toEqual([expect.any(Number), cell().name, member.fullName, 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành tốt nhiệm vụ']);
      // Cells in name order, and the members of each in the cell's name order.
      const cellOrder = listed.map((r) => r[1]).filter((c, i, all) => all.indexOf(c) === i);
      expect(cellOrder).toEqual([...home().cells.map((c) => c.name)].sort((a, b) => a.localeCompare(b, 'vi')));

      expect(values(summary, 2)).toEqual(['Chi bộ', 'Xếp loại chi bộ', 'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ', 'Tổng số', `Xếp loại chi bộ năm ${YEAR - 1}`]);
      expect(values(summary, 3)).toEqual([cell().name, 'Hoàn thành tốt nhiệm vụ', 0, 1, 0, 0, 1, '']);
      expect(values(summary, 4)).toEqual(['Toàn đảng bộ', '', 0, 1, 0, 0, 1, '']);
      expect(values(summary, 5)).toEqual([`Năm ${YEAR - 1} (để so sánh)`, '', 0, 0, 0, 0, 0, '']);
      const rest = Array.from({ length: summary.rowCount - 5 }, (_, i) => values(summary, 6 + i).join(' | '));
      expect(rest).toContain('Tỷ lệ khống chế');
      expect(rest.some((r) => r.startsWith('Quy định | Số được xếp loại Hoàn thành xuất sắc nhiệm vụ không vượt quá 20%'))).toBe(true);
      expect(rest).toContain('20% | Hoàn thành xuất sắc: 0; Hoàn thành tốt: 1; tối đa được xếp Hoàn thành xuất sắc: 0');
      expect(rest).toContain('Vượt tỷ lệ | 0');

      const pdf = convertXlsxToPdf({ ratings: res.rawPayload }).ratings!;
      expect(pdf.text).toContain(member.fullName);
      expect(pdf.text).toContain('Toàn đảng bộ');
    }, 120_000);
  });
});
