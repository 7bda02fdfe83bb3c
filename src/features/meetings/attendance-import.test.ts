import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseAttendanceFile, type ImportParticipant, type ImportResult } from './attendance-import.js';

const MEETING = { date: '2022-04-15' };

const PARTICIPANTS: ImportParticipant[] = [
  { memberId: 'duc', fullName: 'Nguyễn Văn Đức', cardNumber: '79.001234' },
  { memberId: 'ha', fullName: 'Lê Thị Thu Hà', cardNumber: '79.005678' },
  { memberId: 'an', fullName: 'Trần Văn An', cardNumber: null },
  { memberId: 'lan1', fullName: 'Nguyễn Thị Lan', cardNumber: null },
  { memberId: 'lan2', fullName: 'Nguyễn Thị Lan', cardNumber: null },
  { memberId: 'tuan', fullName: 'Phạm Minh Tuấn', cardNumber: '00123' },
];

function csv(text: string, { bom = false, fileName = 'diem-danh.csv' } = {}) {
  return { fileName, content: Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8') };
}

function parse(input: { fileName: string; content: Buffer }, participants = PARTICIPANTS): Promise<ImportResult> {
  return parseAttendanceFile(input, MEETING, participants);
}

/** Build an .xlsx in memory: `rows` written from row 1, `style` may tweak cells afterwards. */
async function xlsx(rows: unknown[][], style?: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Điểm danh');
  for (const row of rows) sheet.addRow(row);
  style?.(sheet);
  workbook.addWorksheet('Khác').addRow(['Họ và tên']);
  return { fileName: 'Diem danh.XLSX', content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** A file with the given rows under a plain English header. */
function rowsCsv(...lines: string[]) {
  return csv(['Name,Card,Status,Time,Reason', ...lines].join('\n'));
}

describe('parseAttendanceFile — CSV', () => {
  it('reads a BOM, `;` delimiter, CRLF and Vietnamese headers under a title line', async () => {
    const text = [
      'DANH SÁCH ĐIỂM DANH, CHI BỘ THÔN ĐỒNG THỨ',
      '',
      'STT;Số thẻ đảng viên;Họ và tên;Trạng thái;Giờ đến;Lý do',
      '1;79.001234;Nguyễn Văn Đức;Có mặt;19:30;',
      '2;;le thi thu ha;Vắng có lý do;;Ốm',
      '',
      '3;;Trần Văn An;Miễn sinh hoạt;;',
      '4;;;;;',
      '',
    ].join('\r\n');
    const result = await parse(csv(text, { bom: true }));
    expect(result).toEqual({
      entries: [
        { row: 4, memberId: 'duc', status: 'present', arrivedAt: '2022-04-15T12:30:00.000Z', reason: null },
        { row: 5, memberId: 'ha', status: 'excused', arrivedAt: null, reason: 'Ốm' },
        { row: 7, memberId: 'an', status: 'exempt', arrivedAt: null, reason: null },
      ],
      problems: [],
      rowsRead: 3,
    });
  });

  it('handles quoted fields with commas, doubled quotes and line breaks; tab delimiter too', async () => {
    const text = [
      'Họ và tên,Điểm danh,Giờ đến,Ghi chú',
      '"Nguyễn Văn Đức","x","19h45",',
      '"Lê Thị Thu Hà","Vắng (có lý do)",,"Đi công tác, về ""muộn""',
      'dòng hai"',
      'Trần Văn An,k,,',
    ].join('\n');
    const result = await parse(csv(text));
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual([
      { row: 2, memberId: 'duc', status: 'present', arrivedAt: '2022-04-15T12:45:00.000Z', reason: null },
      { row: 3, memberId: 'ha', status: 'excused', arrivedAt: null, reason: 'Đi công tác, về "muộn"\ndòng hai' },
      { row: 4, memberId: 'an', status: 'absent', arrivedAt: null, reason: null },
    ]);

    const tabbed = await parse(csv('Ho ten\tTrang thai\tGio den\nTrần Văn An\tco mat\t19:31:15\n'));
    expect(tabbed.entries).toEqual([
      { row: 2, memberId: 'an', status: 'present', arrivedAt: '2022-04-15T12:31:15.000Z', reason: null },
    ]);
  });

  it('matches names ignoring diacritics, case and extra spaces', async () => {
    const result = await parse(rowsCsv('  NGUYEN van   duc ,,co mat,19:30,', 'lê thị thu hà,,p,,'));
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => e.memberId)).toEqual(['duc', 'ha']);
  });

  it('matches card numbers first, ignoring spaces and case, then falls back to the name', async () => {
    const result = await parse(
      rowsCsv(
        ',79.001 234,present,19:30,', // card only, spaces inside
        'Somebody Else,79.005678,absent,,Bận', // card wins over the name
        'Trần Văn An,79.999999,excused,,', // unknown card: the name still matches
        'x,123,exempt,,', // Excel dropped the leading zeros of 00123
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => [e.memberId, e.status, e.reason])).toEqual([
      ['duc', 'present', null],
      ['ha', 'absent', 'Bận'],
      ['an', 'excused', null],
      ['tuan', 'exempt', null],
    ]);
  });

  it('accepts every status synonym and takes a time without a status as present', async () => {
    const words: [string, string][] = [
      ['Có mặt', 'present'],
      ['dự họp', 'present'],
      ['X', 'present'],
      ['có', 'present'],
      ['Đi muộn', 'present'],
      ['Vắng có phép', 'excused'],
      ['có phép', 'excused'],
      ['excused', 'excused'],
      ['Vắng', 'absent'],
      ['vắng không lý do', 'absent'],
      ['không phép', 'absent'],
      ['V', 'absent'],
      ['Miễn', 'exempt'],
      ['exempt', 'exempt'],
      ['', 'present'],
    ];
    for (const [word, status] of words) {
      const result = await parse(rowsCsv(`Trần Văn An,,${word},19:30,`));
      expect(result.problems, word).toEqual([]);
      expect(result.entries[0]?.status, word).toBe(status);
    }
  });

  it('converts local times to UTC instants (+7 h) in every accepted form', async () => {
    const forms = [
      '19:30',
      '19:30:00',
      '19h30',
      '15/04/2022 19:30',
      '15-04-2022 19:30',
      '2022-04-15 19:30',
      '2022-04-15T19:30',
      '2022-04-15T19:30:00+07:00',
      '2022-04-15T12:30:00Z',
    ];
    for (const form of forms) {
      const result = await parse(rowsCsv(`Trần Văn An,,,${form},`));
      expect(result.problems, form).toEqual([]);
      expect(result.entries[0]?.arrivedAt, form).toBe('2022-04-15T12:30:00.000Z');
    }
    // Early morning local time is still the meeting day, though the previous day in UTC.
    const early = await parse(rowsCsv('Trần Văn An,,,06:15,'));
    expect(early.entries[0]?.arrivedAt).toBe('2022-04-14T23:15:00.000Z');
  });

  it('rejects times on another day and forms that are not 24-hour times', async () => {
    const bad = [
      '14/04/2022 19:30', // the day before
      '2022-04-16 19:30',
      '2022-04-15T19:30:00Z', // 02:30 on the 16th in Vietnam
      '7:30 PM',
      '25:00',
      '19:75',
      '31/02/2022 19:30',
      '2022-04-15', // a date is not an arrival time
      'sáng',
    ];
    const result = await parse(rowsCsv(...bad.map((t) => `Trần Văn An,,có mặt,${t},`)));
    expect(result.entries).toEqual([]);
    expect(result.problems.filter((p) => p.code !== 'duplicate_member')).toEqual(
      bad.map((value, i) => ({ row: i + 2, column: 'Time', code: 'bad_time', value })),
    );
  });

  it('ignores the time of rows that are not present', async () => {
    const result = await parse(rowsCsv('Trần Văn An,,vắng,nonsense,Ốm'));
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual([{ row: 2, memberId: 'an', status: 'absent', arrivedAt: null, reason: 'Ốm' }]);
  });
});

describe('parseAttendanceFile — XLSX', () => {
  it('reads Excel time cells, text times, serial fractions, rich text, formulas and hyperlinks', async () => {
    const file = await xlsx(
      [
        ['Danh sách điểm danh'],
        ['STT', 'Số thẻ', 'Họ và tên', 'Tình trạng', 'Thời gian', 'Ghi chú'],
        [1, '79.001234', 'Nguyễn Văn Đức', 'Có mặt', new Date(Date.UTC(1899, 11, 30, 19, 30)), null],
        [2, null, { richText: [{ text: 'Lê Thị ' }, { text: 'Thu Hà', font: { bold: true } }] }, 'x', '19h40', null],
        [3, null, 'Trần Văn An', { formula: '"có mặt"', result: 'có mặt' }, 0.8125, null],
        [4, { text: '00123', hyperlink: 'https://example.org' }, null, null, new Date(Date.UTC(2022, 3, 15, 19, 50)), null],
        [5, null, 'Nguyễn Thị Lan', 'vắng', null, 'Ốm'],
        [6],
        [7],
      ],
      (sheet) => {
        sheet.getCell('E3').numFmt = 'hh:mm';
        sheet.getCell('E6').numFmt = 'dd/mm/yyyy hh:mm';
      },
    );
    const participants = PARTICIPANTS.filter((p) => p.memberId !== 'lan2');
    const result = await parse(file, participants);
    expect(result).toEqual({
      entries: [
        { row: 3, memberId: 'duc', status: 'present', arrivedAt: '2022-04-15T12:30:00.000Z', reason: null },
        { row: 4, memberId: 'ha', status: 'present', arrivedAt: '2022-04-15T12:40:00.000Z', reason: null },
        { row: 5, memberId: 'an', status: 'present', arrivedAt: '2022-04-15T12:30:00.000Z', reason: null },
        { row: 6, memberId: 'tuan', status: 'present', arrivedAt: '2022-04-15T12:50:00.000Z', reason: null },
        { row: 7, memberId: 'lan1', status: 'absent', arrivedAt: null, reason: 'Ốm' },
      ],
      problems: [],
      rowsRead: 5,
    });
  });

  it('rejects an Excel date-time cell on another day, and a bare date', async () => {
    const file = await xlsx(
      [
        ['Họ tên', 'Giờ điểm danh'],
        ['Trần Văn An', new Date(Date.UTC(2022, 3, 14, 19, 30))],
        ['Nguyễn Văn Đức', new Date(Date.UTC(2022, 3, 15))],
      ],
      (sheet) => {
        sheet.getCell('B2').numFmt = 'dd/mm/yyyy hh:mm';
        sheet.getCell('B3').numFmt = 'dd/mm/yyyy';
      },
    );
    const result = await parse(file);
    expect(result.entries).toEqual([]);
    expect(result.problems).toEqual([
      { row: 2, column: 'Giờ điểm danh', code: 'bad_time', value: '14/04/2022 19:30' },
      { row: 3, column: 'Giờ điểm danh', code: 'bad_time', value: '15/04/2022 00:00' },
    ]);
  });
});

describe('parseAttendanceFile — problems', () => {
  it('reports every row problem, still returns the good rows, sorted by row', async () => {
    const result = await parse(
      rowsCsv(
        'Nguyễn Văn Đức,,có mặt,19:30,', // 2 good
        'Nguyễn Thị Lan,,có mặt,19:30,', // 3 ambiguous_name
        'Hoàng Văn Tý,,có mặt,19:30,', // 4 unknown_member
        'nguyen van duc,,vắng,,', // 5 duplicate_member
        ',,có mặt,19:30,', // 6 missing_identity
        'Trần Văn An,,đến rồi,,', // 7 bad_status
        'Lê Thị Thu Hà,,,,Ốm', // 8 bad_status (no status, no time)
        'Phạm Minh Tuấn,,có mặt,,', // 9 missing_time
        ',79.000000,có mặt,7:30 PM,', // 10 unknown card + bad_time
      ),
    );
    expect(result.entries).toEqual([
      { row: 2, memberId: 'duc', status: 'present', arrivedAt: '2022-04-15T12:30:00.000Z', reason: null },
    ]);
    expect(result.problems).toEqual([
      { row: 3, column: 'Name', code: 'ambiguous_name', value: 'Nguyễn Thị Lan' },
      { row: 4, column: 'Name', code: 'unknown_member', value: 'Hoàng Văn Tý' },
      { row: 5, column: 'Name', code: 'duplicate_member', value: 'nguyen van duc' },
      { row: 6, column: 'Name', code: 'missing_identity' },
      { row: 7, column: 'Status', code: 'bad_status', value: 'đến rồi' },
      { row: 8, column: 'Status', code: 'bad_status' },
      { row: 9, column: 'Time', code: 'missing_time' },
      { row: 10, column: 'Card', code: 'unknown_member', value: '79.000000' },
      { row: 10, column: 'Time', code: 'bad_time', value: '7:30 PM' },
    ]);
    expect(result.rowsRead).toBe(9);
  });

  it('no_header when no card-number or name column is in the first 10 rows', async () => {
    expect(await parse(csv('Trạng thái,Giờ đến\ncó mặt,19:30\n'))).toEqual({
      entries: [],
      problems: [{ row: 1, code: 'no_header' }],
      rowsRead: 0,
    });
    const late = [...Array(10).fill('tiêu đề'), 'Họ và tên', 'Trần Văn An'].join('\n');
    expect((await parse(csv(late))).problems).toEqual([{ row: 1, code: 'no_header' }]);
  });

  it('empty_file for an empty file, blank lines only, or a header without data', async () => {
    for (const file of [csv(''), csv('', { bom: true }), csv('\r\n\r\n;;\r\n')]) {
      expect(await parse(file)).toEqual({ entries: [], problems: [{ row: 1, code: 'empty_file' }], rowsRead: 0 });
    }
    expect((await parse(csv('Tiêu đề\nHọ và tên;Trạng thái\n;\n'))).problems).toEqual([{ row: 3, code: 'empty_file' }]);
    expect((await parse(await xlsx([]))).problems).toEqual([{ row: 1, code: 'empty_file' }]);
  });

  it('too_many_rows above 2,000 data rows', async () => {
    const row = 'Trần Văn An,,có mặt,19:30,';
    const ok = await parse(rowsCsv(...Array(2000).fill(row)));
    expect(ok.problems.every((p) => p.code === 'duplicate_member')).toBe(true);
    const tooMany = await parse(rowsCsv(...Array(2001).fill(row)));
    expect(tooMany).toEqual({ entries: [], problems: [{ row: 2002, code: 'too_many_rows' }], rowsRead: 2001 });
  });

  it('unreadable_file for other formats, broken XLSX and non-UTF-8 CSV', async () => {
    const unreadable = { entries: [], problems: [{ row: 1, code: 'unreadable_file' }], rowsRead: 0 };
    const good = (await xlsx([['Họ và tên'], ['Trần Văn An']])).content;
    expect(await parse({ fileName: 'diem-danh.xls', content: good })).toEqual(unreadable);
    expect(await parse({ fileName: 'diem-danh', content: good })).toEqual(unreadable);
    expect(await parse({ fileName: 'diem-danh.xlsx', content: Buffer.from('Họ và tên\nTrần Văn An') })).toEqual(unreadable);
    expect(await parse({ fileName: 'diem-danh.xlsx', content: good.subarray(0, good.length / 2) })).toEqual(unreadable);
    // "Trần" in Windows-1258 is not valid UTF-8.
    expect(await parse({ fileName: 'a.csv', content: Buffer.from([0x48, 0x6f, 0x20, 0x74, 0xea, 0x6e, 0x0a, 0x54, 0x72, 0xe2, 0xd2, 0x6e]) })).toEqual(
      unreadable,
    );
  });
});
