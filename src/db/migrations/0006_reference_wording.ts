import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';
import { newId, nowIso } from '../ids.js';

/**
 * Reference data already stored by an installation catches up with the files (Tự Soi issue 15):
 * the "Giao thông, hạ tầng" category joins every stored list of local-issue categories (before
 * "Khác"), and the provenance notes people read lose their file paths and English. The values are
 * written out here, as they were when this migration was made: the files may change later.
 */
const ARTICLE = 'Nêu trong bài báo về Đảng bộ xã Minh Quang (Tam Đảo, Vĩnh Phúc)';
const CATEGORY_SOURCES: Record<string, string> = {
  dat_dai: ARTICLE,
  xay_dung: ARTICLE,
  moi_truong: ARTICLE,
  an_ninh: ARTICLE,
  cai_cach_hanh_chinh: ARTICLE,
  khac: 'Dùng cho vấn đề chưa thuộc loại nào ở trên',
};
const ROADS = {
  code: 'giao_thong',
  name: 'Giao thông, hạ tầng',
  example: 'Đường làng xuống cấp, cống thoát nước, đèn đường, công trình công cộng',
  source: 'Bổ sung vì đường sá, công trình công cộng là điều người dân phản ánh nhiều nhất',
};

/** The English notes of the starting checklist, as loaded before, and what people read now. */
const ITEM_SOURCES: [string, string][] = [
  ['quoted verbatim by baobinhphuoc.com.vn (18/01/2017) and plo.vn', 'Trích nguyên văn theo baobinhphuoc.com.vn (18/01/2017) và plo.vn'],
  ['reconstructed from an English translation (lawnet.vn); wording not confirmed', 'Dựng lại từ một bản dịch tiếng Anh (lawnet.vn); câu chữ chưa được xác nhận'],
  ['quoted verbatim by plo.vn', 'Trích nguyên văn theo plo.vn'],
  ['first part quoted by plo.vn; the ending is cut off in every source found', 'Phần đầu trích theo plo.vn; phần cuối bị cắt ở mọi nguồn đã tìm được'],
  ["fragment quoted by baothainguyen.vn; the beginning and the item's number are not confirmed", 'Đoạn trích theo baothainguyen.vn; phần đầu và số thứ tự của mục chưa được xác nhận'],
  ["fragment quoted by baophutho.vn; the beginning and the item's number are not confirmed", 'Đoạn trích theo baophutho.vn; phần đầu và số thứ tự của mục chưa được xác nhận'],
  ['quoted on a question-and-answer site (boxhoidap.com)', 'Trích dẫn trên một trang hỏi đáp (boxhoidap.com)'],
  ['only the opening words are quoted anywhere found', 'Mới tìm được những chữ mở đầu của mục này'],
  [
    'paraphrase of QĐ 08-QĐi/TW Điều 3 as summarised in the press; not checked against the official text',
    'Diễn đạt lại Điều 3 Quy định 08-QĐi/TW theo tóm tắt của báo chí; chưa đối chiếu văn bản chính thức',
  ],
];

const RUBRIC_SOURCE_BEFORE = '../shared/reference/meeting-rubric-sample.json (bản mẫu, chưa phải mẫu chính thức của tỉnh)';
const RUBRIC_SOURCE =
  'Bản mẫu của ứng dụng Tự Soi, chưa phải mẫu chính thức của tỉnh (các tỉnh ban hành mẫu riêng, ví dụ Quy định 27-QĐ/TU ngày 30/10/2023 của Tỉnh ủy Nghệ An)';

export async function up({ db }: { db: Kysely<any>; dialect: DialectHelpers }): Promise<void> {
  // Starting categories were stored with the file's path and its English note as their source.
  for (const [code, source] of Object.entries(CATEGORY_SOURCES)) {
    await db.updateTable('local_issue_categories').set({ source }).where('code', '=', code).where('source', 'like', 'reference/%').execute();
  }
  const lists: { unit_id: string }[] = await db.selectFrom('local_issue_categories').select('unit_id').distinct().execute();
  for (const { unit_id } of lists) {
    const rows: { code: string; position: number }[] = await db.selectFrom('local_issue_categories').select(['code', 'position']).where('unit_id', '=', unit_id).execute();
    if (rows.some((r) => r.code === ROADS.code)) continue;
    const other = rows.find((r) => r.code === 'khac');
    const position = other ? Number(other.position) : Math.max(0, ...rows.map((r) => Number(r.position))) + 1;
    await db.updateTable('local_issue_categories').set((eb) => ({ position: eb('position', '+', 1) })).where('unit_id', '=', unit_id).where('position', '>=', position).execute();
    await db
      .insertInto('local_issue_categories')
      .values({ id: newId(), unit_id, ...ROADS, position, created_by_account_id: null, created_at: nowIso() })
      .execute();
  }
  for (const [before, after] of ITEM_SOURCES) {
    await db.updateTable('checklist_items').set({ text_source: after }).where('text_source', '=', before).execute();
  }
  await db.updateTable('meeting_rubrics').set({ source: RUBRIC_SOURCE }).where('source', '=', RUBRIC_SOURCE_BEFORE).execute();
}
