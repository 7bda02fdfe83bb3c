import { describe, expect, it } from 'vitest';
import { checkDraft, draftTotal, emptyDraft, nextCode, parseNumber, rowsFrom, serverErrors, type Draft } from './draft.js';
import { parseRubricFile } from './rubricFile.js';

// The project's reference file, as the committee would choose it (text, through Vite's ?raw).
import sampleText from '../../../../../reference/meeting-rubric-sample.json?raw';

function filled(): Draft {
  return {
    ...emptyDraft('thematic'),
    name: 'Tiêu chí sinh hoạt chuyên đề',
    source: 'Quy định 27-QĐ/TU ngày 30/10/2023 của Tỉnh ủy Nghệ An',
    ...rowsFrom({
      criteria: [
        { code: 'topic', text: 'Chuyên đề chuẩn bị kỹ', points: 40 },
        { code: 'attendance', text: 'Dự họp đầy đủ', points: 35, measure: 'attendance_rate', threshold: 0.85 },
        { code: 'tasks', text: 'Giao việc rõ', points: 25, measure: 'tasks_named' },
      ],
      levels: [
        { name: 'Tốt', min: 80 },
        { name: 'Chưa đạt', min: 0 },
      ],
    }),
  };
}

describe('the rubric editor', () => {
  it('reads numbers the Vietnamese way too', () => {
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber(' 10 ')).toBe(10);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('mười')).toBeNaN();
  });

  it('turns a filled editor into the request body, threshold as a fraction', () => {
    const result = checkDraft(filled(), 'unit-1');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body.kind).toBe('thematic');
    expect(result.body.criteria).toHaveLength(3);
    expect(result.body.criteria[1]).toEqual({ code: 'attendance', text: 'Dự họp đầy đủ', points: 35, measure: 'attendance_rate', threshold: 0.85 });
    expect(result.body.criteria[0]).toEqual({ code: 'topic', text: 'Chuyên đề chuẩn bị kỹ', points: 40 });
    expect(draftTotal(filled())).toBe(100);
  });

  it('names each wrong field of the row it belongs to', () => {
    const d = filled();
    d.name = ' ';
    d.criteria[1]!.code = 'Topic 2';
    d.criteria[2]!.code = 'topic';
    d.criteria[2]!.points = '0';
    d.criteria[1]!.threshold = '120';
    d.levels[0]!.min = '150';
    const result = checkDraft(d, 'unit-1');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields.name?.code).toBe('required');
    expect(result.errors.criteria[d.criteria[1]!.key]).toEqual({ code: { code: 'codeFormat' }, threshold: { code: 'threshold' } });
    expect(result.errors.criteria[d.criteria[2]!.key]).toEqual({ code: { code: 'codeDuplicate' }, points: { code: 'points', max: 100 } });
    expect(result.errors.levels[d.levels[0]!.key]?.min?.code).toBe('levelMinAboveTotal');
  });

  it('puts the server’s messages beside the rows that were sent in that order', () => {
    const { errors, unmatched } = serverErrors(
      [
        { field: 'criteria.2.points', message: 'Điểm: quá lớn' },
        { field: 'levels.0.name', message: 'Tên: bắt buộc' },
        { field: 'source', message: 'Nguồn: bắt buộc' },
        { field: 'unitId', message: 'Đơn vị: không thấy' },
      ],
      { criteria: [11, 12, 13], levels: [21] },
    );
    expect(errors.criteria[13]).toEqual({ points: 'Điểm: quá lớn' });
    expect(errors.levels[21]).toEqual({ name: 'Tên: bắt buộc' });
    expect(errors.fields.source).toBe('Nguồn: bắt buộc');
    expect(unmatched).toEqual(['Đơn vị: không thấy']);
  });

  it('suggests the first free number as a new row’s code', () => {
    const d = emptyDraft();
    expect(nextCode(d.criteria)).toBe('2');
  });
});

describe('the province’s JSON file', () => {
  it('fills the editor from the reference sample with nothing missing', () => {
    const parsed = parseRubricFile(sampleText, 'thematic');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { draft, problems, about } = parsed.value;
    expect(problems).toEqual([]);
    expect(about).toMatch(/SAMPLE rubric/);
    expect(draft.kind).toBe('regular');
    expect(draft.criteria).toHaveLength(8);
    expect(draft.criteria[1]).toMatchObject({ code: 'attendance', measure: 'attendance_rate', threshold: '90' });
    expect(draftTotal(draft)).toBe(100);
    expect(draft.levels.map((l) => l.name)).toEqual(['Tốt', 'Khá', 'Trung bình', 'Kém']);
    expect(checkDraft(draft, 'u').ok).toBe(true);
  });

  it('says when the file is not JSON or not a rubric', () => {
    const broken = parseRubricFile('{ "name": "x", ', 'regular');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.failure.reason).toBe('notJson');
    const other = parseRubricFile('[1, 2, 3]', 'regular');
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.failure.reason).toBe('notRubric');
  });

  it('lists missing fields and keeps what it could read', () => {
    const parsed = parseRubricFile(
      JSON.stringify({ name: 'Mẫu', criteria: [{ code: 'a', text: 'A', points: 'mười' }, { text: 'B', points: 5, measure: 'mood' }], verified: false }),
      'thematic',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.problems).toEqual(['source', 'kind', 'criteria[1].points', 'criteria[2].code', 'criteria[2].measure', 'levels']);
    expect(parsed.value.unverified).toBe(true);
    expect(parsed.value.draft.kind).toBe('thematic');
    expect(parsed.value.draft.criteria.map((c) => c.text)).toEqual(['A', 'B']);
  });
});
