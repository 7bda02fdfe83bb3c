import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { forEachDialect, openTestDatabase } from '../../../test/helpers/db.js';
import { migrateToLatest } from '../migrate.js';

/**
 * 0006 brings reference data an installation stored under 0005 up to the files: the roads
 * category joins the stored list before "Khác", and the notes people read lose file paths and English.
 */
forEachDialect((dialect) => {
  describe('migration 0006_reference_wording on an installation with stored reference data', () => {
    it('adds "Giao thông, hạ tầng" before "Khác" and rewrites file paths and English notes', async () => {
      const db = await openTestDatabase(dialect, '0005_local_issues');
      try {
        const at = '2025-03-01T10:00:00.000Z';
        const unit = '01900000-0000-7000-8000-000000000001';
        const version = '01900000-0000-7000-8000-000000000002';
        await sql`insert into units (id, parent_id, path, depth, kind, name, search_name, created_at, updated_at)
          values (${unit}, null, ${`/${unit}/`}, 0, 'commune', 'Đảng bộ xã Minh Quang', 'dang bo xa minh quang', ${at}, ${at})`.execute(db.db);
        const oldSource = 'reference/local-issue-categories.json: Categories of outstanding local problems named in the article';
        const categories: [string, string, string, number][] = [
          ['dat_dai', 'Quản lý đất đai', oldSource, 1],
          ['khac', 'Khác', oldSource, 2],
          ['thai_do', 'Thái độ cán bộ', 'Đảng ủy bổ sung ngày 01/03/2025', 3],
        ];
        for (const [i, [code, name, source, position]] of categories.entries()) {
          await sql`insert into local_issue_categories (id, unit_id, code, name, example, source, position, created_at)
            values (${`01900000-0000-7000-8000-00000000001${i}`}, ${unit}, ${code}, ${name}, null, ${source}, ${position}, ${at})`.execute(db.db);
        }
        await sql`insert into meeting_rubrics (id, unit_id, kind, name, source, verified, criteria_json, levels_json, created_at)
          values ('01900000-0000-7000-8000-000000000020', ${unit}, 'regular', 'Mẫu chấm điểm (bản mẫu)',
            '../shared/reference/meeting-rubric-sample.json (bản mẫu, chưa phải mẫu chính thức của tỉnh)', 0, '[]', '[]', ${at})`.execute(db.db);
        await sql`insert into checklist_versions (id, unit_id, version, source, note, created_at)
          values (${version}, ${unit}, 1, 'Nghị quyết 04-NQ/TW', 'Nạp dữ liệu ban đầu', ${at})`.execute(db.db);
        await sql`insert into checklist_items (id, version_id, unit_id, list, code, group_code, group_name, grave, position, title, text, text_source)
          values ('01900000-0000-7000-8000-000000000030', ${version}, ${unit}, 'manifestation', 'DB1', 'DB', 'Tự diễn biến', 1, 1, 'Phủ nhận',
            'Phản bác', 'quoted on a question-and-answer site (boxhoidap.com)')`.execute(db.db);

        expect((await migrateToLatest(db)).slice(0, 1)).toEqual(['0006_reference_wording']);

        const rows = await db.db.selectFrom('local_issue_categories').select(['code', 'name', 'source', 'position']).orderBy('position').execute();
        expect(rows.map((r) => [r.code, Number(r.position)])).toEqual([['dat_dai', 1], ['giao_thong', 2], ['khac', 3], ['thai_do', 4]]);
        expect(rows[1]!.name).toBe('Giao thông, hạ tầng');
        expect(rows.map((r) => r.source)).toEqual([
          'Nêu trong bài báo về Đảng bộ xã Minh Quang (Tam Đảo, Vĩnh Phúc)',
          'Bổ sung vì đường sá, công trình công cộng là điều người dân phản ánh nhiều nhất',
          'Dùng cho vấn đề chưa thuộc loại nào ở trên',
          'Đảng ủy bổ sung ngày 01/03/2025',
        ]);
        const rubric = await db.db.selectFrom('meeting_rubrics').select('source').executeTakeFirstOrThrow();
        expect(rubric.source).toMatch(/^Bản mẫu của ứng dụng Tự Soi/);
        const item = await db.db.selectFrom('checklist_items').select('text_source').executeTakeFirstOrThrow();
        expect(item.text_source).toBe('Trích dẫn trên một trang hỏi đáp (boxhoidap.com)');
      } finally {
        await db.dispose();
      }
    });
  });
});
