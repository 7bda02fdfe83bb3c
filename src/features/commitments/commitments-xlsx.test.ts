import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { allowedYears, contentProblems, progressPercent, sectionOrder } from '../../domain/commitments.js';
import { parseCommitmentsXlsx, renderCommitmentsXlsx, type SheetLine } from './commitments-xlsx.js';

const members = [
  { memberId: 'm-an', fullName: 'Nguyễn Văn An', cardNumber: '41234567' },
  { memberId: 'm-binh', fullName: 'Trần Thị Bình', cardNumber: '00123456' },
  { memberId: 'm-binh-2', fullName: 'Lê Thị Bình', cardNumber: null },
  { memberId: 'm-binh-3', fullName: 'Lê Thị Bình', cardNumber: null },
];
const units = [
  { id: 'u-dong-thu', name: 'Chi bộ thôn Đồng Thứ' },
  { id: 'u-so-1', name: 'Chi bộ thôn Số 1' },
];
const people = { members, units, ownUnitId: 'u-dong-thu' };

const line = (extra: Partial<SheetLine>): SheetLine => ({
  subjectKind: 'member',
  cardNumber: '41234567',
  name: 'Nguyễn Văn An',
  section: 'duties',
  kind: 'qualitative',
  title: 'Hoàn thành tốt nhiệm vụ được giao',
  targetValue: null,
  measureUnit: null,
  direction: null,
  actualValue: null,
  evidence: null,
  confirmedOn: null,
  result: null,
  percent: null,
  ...extra,
});

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cam kết');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const HEADER = ['Đối tượng', 'Họ và tên / Đơn vị', 'Mục', 'Loại', 'Nội dung / chỉ tiêu', 'Chỉ tiêu (số)', 'Đơn vị tính', 'Chiều', 'Thực hiện', 'Minh chứng'];

describe('the commitments workbook', () => {
  it('reads back what it writes: members by card, the unit by name, numbers and words as enums', async () => {
    const lines = [
      line({ subjectKind: 'unit', cardNumber: null, unitKind: 'cell', name: 'Chi bộ thôn Đồng Thứ', kind: 'measurable', title: 'Kết nạp đảng viên mới', targetValue: 2, measureUnit: 'đảng viên', direction: 'more', confirmedOn: '2026-01-10' }),
      line({ kind: 'measurable', section: 'congress_resolution', title: 'Giảm số hộ nghèo', targetValue: 3, measureUnit: 'hộ', direction: 'less', actualValue: 2.5, percent: 120, result: 'exceeded' }),
      line({ cardNumber: '00123456', name: 'Trần Thị Bình', section: 'directive_05', evidence: 'Sổ theo dõi' }),
    ];
    const content = await renderCommitmentsXlsx({ year: 2026, unitName: 'Chi bộ thôn Đồng Thứ', lines });
    const result = await parseCommitmentsXlsx(content, people);
    expect(result.problems).toEqual([]);
    expect(result.rowsRead).toBe(3);
    expect(result.entries).toEqual([
      { row: 4, subjectKind: 'unit', memberId: null, unitId: 'u-dong-thu', section: 'duties', kind: 'measurable', title: 'Kết nạp đảng viên mới', targetValue: 2, measureUnit: 'đảng viên', direction: 'more', actualValue: null, evidence: null },
      { row: 5, subjectKind: 'member', memberId: 'm-an', unitId: null, section: 'congress_resolution', kind: 'measurable', title: 'Giảm số hộ nghèo', targetValue: 3, measureUnit: 'hộ', direction: 'less', actualValue: 2.5, evidence: null },
      { row: 6, subjectKind: 'member', memberId: 'm-binh', unitId: null, section: 'directive_05', kind: 'qualitative', title: 'Hoàn thành tốt nhiệm vụ được giao', targetValue: null, measureUnit: null, direction: null, actualValue: null, evidence: 'Sổ theo dõi' },
    ]);

    // The card keeps its leading zeros: it is written as text.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A6').value).toBe('00123456');
    expect(sheet.getCell('C5').value).toBe('Chương trình hành động thực hiện nghị quyết đại hội');
    expect(sheet.getCell('H5').value).toBe('Càng ít càng tốt');
    expect(sheet.getCell('L5').value).toBe('Vượt');
    expect(sheet.getCell('K4').value).toBe('10/01/2026');
    expect(sheet.getCell('E5').alignment).toMatchObject({ wrapText: true });
  });

  it('understands a hand-made sheet: short headers, no diacritics, decimal commas, the kind left out', async () => {
    const content = await xlsx([
      ['Chi bộ thôn Đồng Thứ — đăng ký năm 2026'],
      ['STT', 'Số thẻ', 'Họ tên', 'Mục', 'Nội dung', 'Chỉ tiêu', 'ĐVT', 'Chiều', 'Thực hiện'],
      [1, 41234567, 'nguyen van an', 've tu tuong chinh tri', 'Học tập đầy đủ các nghị quyết'],
      [2, null, 'TRẦN THỊ BÌNH', 'Chỉ thị 05', 'Trồng cây xanh', '12,5', 'cây', 'cang nhieu cang tot', '3'],
      [3, 'Chi bộ', '', 'Về thực hiện chức trách, nhiệm vụ được giao', 'Không có đảng viên vi phạm', 0, 'vụ', 'Càng ít càng tốt'],
      [4],
    ]);
    const result = await parseCommitmentsXlsx(content, people);
    expect(result.problems).toEqual([]);
    expect(result.rowsRead).toBe(3);
    expect(result.entries.map((e) => [e.row, e.memberId ?? e.unitId, e.section, e.kind, e.targetValue, e.direction, e.actualValue])).toEqual([
      [3, 'm-an', 'political_thought', 'qualitative', null, null, null],
      [4, 'm-binh', 'directive_05', 'measurable', 12.5, 'more', 3],
      [5, 'u-dong-thu', 'duties', 'measurable', 0, 'less', null],
    ]);
  });

  it('names every bad row, and refuses files it cannot use', async () => {
    const long = 'x'.repeat(501);
    const content = await xlsx([
      HEADER,
      ['', 'Lê Thị Bình', 'Về tư tưởng chính trị', 'Định tính', 'Học tập'],
      ['', '', 'Về tư tưởng chính trị', 'Định tính', 'Học tập'],
      ['41234567', '', '', 'Định tính', ''],
      ['41234567', '', 'Về tư tưởng chính trị', 'Định mức', long],
      ['41234567', '', 'Về tư tưởng chính trị', 'Định lượng', 'Thu nhập', '1e5'],
      ['Đơn vị', 'Chi bộ thôn Số 1', 'Về tư tưởng chính trị', 'Định tính', 'Học tập', null, 'buổi'],
    ]);
    const result = await parseCommitmentsXlsx(content, { ...people, ownUnitId: null });
    expect(result.entries).toEqual([]);
    expect(result.problems).toEqual([
      { row: 2, code: 'ambiguous_name', value: 'Lê Thị Bình' },
      { row: 3, code: 'missing_identity' },
      { row: 4, code: 'missing_section' },
      { row: 4, code: 'missing_title' },
      { row: 5, code: 'text_too_long', value: `${'x'.repeat(40)}…` },
      { row: 5, code: 'bad_kind', value: 'Định mức' },
      { row: 6, code: 'bad_number', value: '1e5' },
      { row: 6, code: 'missing_measure_unit' },
      { row: 6, code: 'missing_direction' },
      { row: 7, code: 'qualitative_with_target' },
    ]);

    // A unit's line without a name belongs to the importing unit, when it may commit itself.
    const ownLine = await xlsx([HEADER, ['Chi bộ', '', 'Về tư tưởng chính trị', 'Định tính', 'Học tập']]);
    expect((await parseCommitmentsXlsx(ownLine, { ...people, ownUnitId: null })).problems).toEqual([{ row: 2, code: 'unknown_unit', value: 'Chi bộ' }]);

    expect((await parseCommitmentsXlsx(Buffer.from('PK không phải excel'), people)).problems).toEqual([{ row: 1, code: 'unreadable_file' }]);
    expect((await parseCommitmentsXlsx(await xlsx([]), people)).problems).toEqual([{ row: 1, code: 'empty_file' }]);
    expect((await parseCommitmentsXlsx(await xlsx([['Họ và tên', 'Ghi chú'], ['Nguyễn Văn An', 'x']]), people)).problems).toEqual([{ row: 1, code: 'no_header' }]);
    expect((await parseCommitmentsXlsx(await xlsx([HEADER]), people)).problems).toEqual([{ row: 2, code: 'empty_file' }]);
    const many = await xlsx([HEADER, ...Array.from({ length: 2001 }, () => ['41234567', '', 'Về tư tưởng chính trị', 'Định tính', 'Học tập'])]);
    expect((await parseCommitmentsXlsx(many, people)).problems).toEqual([{ row: 2002, code: 'too_many_rows' }]);
  });
});

describe('commitment rules', () => {
  it('a measurable line needs target, unit and direction; a qualitative one carries none of them', () => {
    expect(contentProblems({ kind: 'measurable', targetValue: 5, measureUnit: 'hộ', direction: 'more' })).toEqual([]);
    expect(contentProblems({ kind: 'measurable', targetValue: null, measureUnit: '', direction: null })).toEqual([
      { field: 'targetValue', problem: 'required' },
      { field: 'measureUnit', problem: 'required' },
      { field: 'direction', problem: 'required' },
    ]);
    expect(contentProblems({ kind: 'qualitative', targetValue: null, measureUnit: null, direction: null })).toEqual([]);
    expect(contentProblems({ kind: 'qualitative', targetValue: 0, measureUnit: null, direction: 'less' })).toEqual([
      { field: 'targetValue', problem: 'not_allowed' },
      { field: 'direction', problem: 'not_allowed' },
    ]);
  });

  it('percent so far only for a measurable line with an actual value', () => {
    expect(progressPercent({ kind: 'measurable', targetValue: 8, measureUnit: 'hộ', direction: 'more', actualValue: 6 })).toBe(75);
    expect(progressPercent({ kind: 'measurable', targetValue: 2, measureUnit: 'buổi', direction: 'less', actualValue: 4 })).toBe(50);
    expect(progressPercent({ kind: 'measurable', targetValue: 8, measureUnit: 'hộ', direction: 'more', actualValue: null })).toBeNull();
    expect(progressPercent({ kind: 'qualitative', targetValue: null, measureUnit: null, direction: null, actualValue: null })).toBeNull();
  });

  it('years from last year to next; sections in the order of the pledge', () => {
    expect(allowedYears('2026-01-05')).toEqual({ from: 2025, to: 2027 });
    expect(sectionOrder('political_thought')).toBe(0);
    expect(sectionOrder('directive_05')).toBe(7);
    expect(sectionOrder('unknown')).toBe(8);
  });
});
