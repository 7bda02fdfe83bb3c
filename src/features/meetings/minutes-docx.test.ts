import { describe, expect, it } from 'vitest';
import { convertDocxToPdf, docxText, unzipEntry } from '../../../test/helpers/docx.js';
import { renderMinutesDocx, type MinutesDocument } from './minutes-docx.js';

async function render(doc: MinutesDocument): Promise<{ text: string; documentXml: string; stylesXml: string }> {
  const buf = await renderMinutesDocx(doc);
  expect(Buffer.isBuffer(buf)).toBe(true);
  expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
  const documentXml = unzipEntry(buf, 'word/document.xml');
  const stylesXml = unzipEntry(buf, 'word/styles.xml');
  return { text: docxText(buf), documentXml, stylesXml };
}

function regularMeeting(): MinutesDocument {
  return {
    parentUnitName: 'Đảng bộ xã Minh Quang',
    cellName: 'Chi bộ thôn Đồng Thứ',
    placeName: 'Minh Quang',
    kind: 'regular',
    topic: null,
    date: '2022-04-15',
    startTime: '19:30',
    place: 'Nhà văn hóa thôn Đồng Thứ',
    chairName: 'Nguyễn Văn An',
    secretaryName: 'Trần Thị Bình',
    attendance: {
      total: 24,
      expected: 22,
      present: 20,
      onTime: 18,
      late: [
        { name: 'Lê Văn Cường', minutes: 15 },
        { name: 'Phạm Thị Dung', minutes: 5 },
      ],
      excused: [{ name: 'Hoàng Văn Em', reason: 'đi công tác', reported: 'before' }],
      absent: [{ name: 'Đỗ Văn Giang' }],
      exempt: [{ name: 'Vũ Văn Hải' }, { name: 'Ngô Thị Hạnh' }],
      guests: [{ name: 'Bùi Văn Khánh', present: true }],
    },
    reviewedTasks: [
      { title: 'Vận động nhân dân làm đường giao thông nội đồng', ownerName: 'Lê Văn Cường', deadline: '2022-03-31', status: 'on_time' },
    ],
    agenda: [
      {
        title: 'Đánh giá kết quả thực hiện nhiệm vụ tháng 3',
        presenterName: 'Nguyễn Văn An',
        minutes: 'Bí thư chi bộ báo cáo kết quả tháng 3.\n\nCác đồng chí thảo luận, bổ sung ý kiến.',
        outcomes: [
          { kind: 'information', text: 'Thôn hoàn thành 95% kế hoạch thu thuế.', votes: null, task: null },
          {
            kind: 'decision',
            text: 'Chi bộ thống nhất kế hoạch tu sửa nhà văn hóa thôn.',
            votes: { for: 19, against: 0, abstain: 1 },
            task: null,
          },
          {
            kind: 'task',
            text: 'Lập dự toán tu sửa nhà văn hóa',
            votes: null,
            task: {
              title: 'Lập dự toán tu sửa nhà văn hóa',
              deliverable: 'Bản dự toán trình chi bộ',
              ownerKind: 'member',
              ownerName: 'Phạm Thị Dung',
              deadline: '2022-05-15',
            },
          },
        ],
      },
    ],
    score: { total: 87.5, max: 100, level: 'Tốt', rubricName: 'Tiêu chí đánh giá chất lượng sinh hoạt chi bộ' },
    status: 'approved',
    version: 2,
  };
}

describe('renderMinutesDocx', () => {
  it('renders a regular meeting in the party-document layout', async () => {
    const { text, documentXml, stylesXml } = await render(regularMeeting());

    for (const expected of [
      'ĐẢNG BỘ XÃ MINH QUANG',
      'CHI BỘ THÔN ĐỒNG THỨ',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      // Days below 10 and months below 3 take a leading zero; April does not.
      'Minh Quang, ngày 15 tháng 4 năm 2022',
      'BIÊN BẢN',
      'SINH HOẠT CHI BỘ THÁNG 4 NĂM 2022',
      '(Bản điều chỉnh lần 1)',
      'Thời gian: bắt đầu lúc 19 giờ 30 phút, ngày 15/04/2022.',
      'Địa điểm: Nhà văn hóa thôn Đồng Thứ.',
      'Chủ trì: đồng chí Nguyễn Văn An.',
      'Thư ký: đồng chí Trần Thị Bình.',
      'I. THÀNH PHẦN',
      'Tổng số đảng viên của chi bộ: 24 đồng chí; miễn sinh hoạt: 2; phải dự: 22.',
      'Có mặt: 20 đồng chí (18 đúng giờ, 2 đến muộn).',
      'Đến muộn: đồng chí Lê Văn Cường (15 phút), đồng chí Phạm Thị Dung (5 phút).',
      'Vắng có lý do: 1 đồng chí, gồm: đồng chí Hoàng Văn Em (đi công tác, báo trước).',
      'Vắng không lý do: 1 đồng chí, gồm: đồng chí Đỗ Văn Giang.',
      'Miễn sinh hoạt: đồng chí Vũ Văn Hải, đồng chí Ngô Thị Hạnh.',
      'Khách mời: đồng chí Bùi Văn Khánh (có mặt).',
      'II. NỘI DUNG',
      'Kiểm điểm nhiệm vụ từ kỳ họp trước',
      '- Vận động nhân dân làm đường giao thông nội đồng — đồng chí Lê Văn Cường, hạn 31/03/2022: hoàn thành đúng hạn.',
      '1. Đánh giá kết quả thực hiện nhiệm vụ tháng 3 (trình bày: đồng chí Nguyễn Văn An)',
      'Bí thư chi bộ báo cáo kết quả tháng 3.\nCác đồng chí thảo luận, bổ sung ý kiến.',
      'Thông tin: Thôn hoàn thành 95% kế hoạch thu thuế.',
      'Kết luận: Chi bộ thống nhất kế hoạch tu sửa nhà văn hóa thôn. Biểu quyết: 19 tán thành, 0 không tán thành, 1 không biểu quyết.',
      'Nhiệm vụ: Lập dự toán tu sửa nhà văn hóa — kết quả cần đạt: Bản dự toán trình chi bộ; người chịu trách nhiệm: đồng chí Phạm Thị Dung; thời hạn: 15/05/2022.',
      'III. NHIỆM VỤ GIAO',
      'STT\nNhiệm vụ\nNgười chịu trách nhiệm\nThời hạn\n1\nLập dự toán tu sửa nhà văn hóa\nKết quả cần đạt: Bản dự toán trình chi bộ\nĐồng chí Phạm Thị Dung\n15/05/2022',
      'IV. ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT',
      'Tổng điểm: 87,5/100 (Tiêu chí đánh giá chất lượng sinh hoạt chi bộ); xếp loại: Tốt.',
      'Buổi sinh hoạt kết thúc lúc ……… giờ ……… cùng ngày. Biên bản đã được đọc lại cho các đồng chí dự họp nghe và nhất trí.',
      'THƯ KÝ',
      'CHỦ TRÌ',
      '(Ký, ghi rõ họ tên)',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Dự thảo');
    expect(text).not.toContain('CHUYÊN ĐỀ');
    // Header is a table; the signature block is at the end, secretary left, chair right.
    expect(text.indexOf('ĐẢNG BỘ XÃ MINH QUANG')).toBeLessThan(text.indexOf('BIÊN BẢN'));
    expect(text.lastIndexOf('THƯ KÝ')).toBeLessThan(text.lastIndexOf('CHỦ TRÌ'));
    expect(text.slice(text.lastIndexOf('THƯ KÝ'))).toContain('Trần Thị Bình');
    expect(text.slice(text.lastIndexOf('CHỦ TRÌ'))).toContain('Nguyễn Văn An');
    // Text is NFC, diacritics are not escaped.
    expect(text).toBe(text.normalize('NFC'));
    expect(documentXml).toContain('Đồng Thứ');

    // Times New Roman as the document default, for Latin, East Asian and complex scripts.
    expect(stylesXml + documentXml).toContain('Times New Roman');
    expect(stylesXml).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<\/w:docDefaults>/);
    expect(stylesXml).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="Times New Roman"[\s\S]*<\/w:docDefaults>/);
    expect(stylesXml).toMatch(/<w:docDefaults>[\s\S]*w:cs="Times New Roman"[\s\S]*<\/w:docDefaults>/);
    expect(stylesXml).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="28"\/>[\s\S]*<\/w:docDefaults>/);
    // A4 with 2/2/3/1.5 cm margins.
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar[^>]*w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
  });

  it('renders a thematic meeting with its topic and leading zeros in the date line', async () => {
    const doc: MinutesDocument = {
      ...regularMeeting(),
      kind: 'thematic',
      topic: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      date: '2022-02-05',
      startTime: '8:05',
      status: 'planned',
      version: 1,
    };
    const { text } = await render(doc);
    expect(text).toContain('Minh Quang, ngày 05 tháng 02 năm 2022');
    expect(text).toContain('SINH HOẠT CHUYÊN ĐỀ CHI BỘ THÁNG 2 NĂM 2022');
    expect(text).toContain('“Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”');
    expect(text).toContain('Thời gian: bắt đầu lúc 08 giờ 05 phút, ngày 05/02/2022.');
    expect(text).toContain('(Dự thảo — biên bản chưa được thông qua.)');
    expect(text).not.toContain('Bản điều chỉnh');
  });

  it('says each reviewed task\'s status in Vietnamese, with its deliverable; a unit owner goes by its name', async () => {
    const base = regularMeeting();
    const reviewed = (title: string, status: MinutesDocument['reviewedTasks'][number]['status'], extra: Partial<MinutesDocument['reviewedTasks'][number]> = {}) => ({
      title,
      ownerName: 'Lê Văn Cường',
      deadline: '2022-03-31',
      status,
      ...extra,
    });
    const doc: MinutesDocument = {
      ...base,
      reviewedTasks: [
        reviewed('Việc A', 'open'),
        reviewed('Việc B', 'on_time', { deliverable: 'Biên bản nghiệm thu' }),
        reviewed('Việc C', 'late'),
        reviewed('Việc D', 'exceeded'),
        reviewed('Việc E', 'not_done', { ownerKind: 'unit', ownerName: 'Chi hội Phụ nữ thôn Đồng Thứ' }),
      ],
      agenda: [
        {
          title: 'Giao nhiệm vụ cho đoàn thể',
          presenterName: null,
          minutes: 'Chi bộ giao Chi hội Phụ nữ vận động hội viên.',
          outcomes: [
            {
              kind: 'task',
              text: '',
              votes: null,
              task: { title: 'Vận động hội viên phân loại rác', deliverable: null, ownerKind: 'unit', ownerName: 'Chi hội Phụ nữ thôn Đồng Thứ', deadline: '2022-05-31' },
            },
          ],
        },
      ],
    };
    const { text } = await render(doc);
    for (const expected of [
      '- Việc A — đồng chí Lê Văn Cường, hạn 31/03/2022: đang thực hiện.',
      '- Việc B (kết quả cần đạt: Biên bản nghiệm thu) — đồng chí Lê Văn Cường, hạn 31/03/2022: hoàn thành đúng hạn.',
      '- Việc C — đồng chí Lê Văn Cường, hạn 31/03/2022: hoàn thành chậm.',
      '- Việc D — đồng chí Lê Văn Cường, hạn 31/03/2022: vượt yêu cầu.',
      '- Việc E — Chi hội Phụ nữ thôn Đồng Thứ, hạn 31/03/2022: không hoàn thành.',
      'Nhiệm vụ: Vận động hội viên phân loại rác — đơn vị chịu trách nhiệm: Chi hội Phụ nữ thôn Đồng Thứ; thời hạn: 31/05/2022.',
      '1\nVận động hội viên phân loại rác\nChi hội Phụ nữ thôn Đồng Thứ\n31/05/2022',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('đồng chí Chi hội');
    expect(text).not.toContain('Đồng chí Chi hội');
  });

  it('renders an empty draft: no tasks, nobody late, no minutes, no score', async () => {
    const doc: MinutesDocument = {
      parentUnitName: 'Đảng bộ xã Minh Quang',
      cellName: 'Chi bộ thôn Đồng Thứ',
      placeName: 'Minh Quang',
      kind: 'regular',
      topic: null,
      date: '2022-12-01',
      startTime: '19:00',
      place: 'Nhà văn hóa thôn Đồng Thứ',
      chairName: null,
      secretaryName: null,
      attendance: {
        total: 10,
        expected: 10,
        present: 10,
        onTime: 10,
        late: [],
        excused: [],
        absent: [],
        exempt: [],
        guests: [],
      },
      reviewedTasks: [],
      agenda: [{ title: 'Triển khai nhiệm vụ tháng 12', presenterName: null, minutes: '  \n ', outcomes: [] }],
      score: null,
      status: 'held',
      version: 1,
    };
    const { text } = await render(doc);
    expect(text).toContain('Dự thảo');
    expect(text).toContain('Minh Quang, ngày 01 tháng 12 năm 2022');
    expect(text).toContain('SINH HOẠT CHI BỘ THÁNG 12 NĂM 2022');
    expect(text).toContain('Chủ trì: đồng chí ………');
    expect(text).toContain('Thư ký: đồng chí ………');
    expect(text).toContain('Đến muộn: không.');
    expect(text).toContain('Vắng có lý do: không.');
    expect(text).toContain('Vắng không lý do: không.');
    expect(text).toContain('1. Triển khai nhiệm vụ tháng 12\n(Chưa ghi biên bản.)');
    expect(text).toContain('Không có nhiệm vụ mới.');
    expect(text).not.toContain('Kiểm điểm nhiệm vụ');
    expect(text).not.toContain('Miễn sinh hoạt:');
    expect(text).not.toContain('Khách mời');
    expect(text).not.toContain('IV. ĐÁNH GIÁ');
    expect(text).not.toContain('trình bày');
    expect(text).toContain('THƯ KÝ');
    expect(text).toContain('CHỦ TRÌ');
  });

  // "Opening it in LibreOffice and converting to PDF shows it intact": the real office suite
  // converts it, and the PDF's text reads back with every diacritic in place.
  it('converts to PDF in LibreOffice with the Vietnamese text intact', async () => {
    const { minutes } = convertDocxToPdf({ minutes: await renderMinutesDocx(regularMeeting()) });
    expect(minutes!.pageSize).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    for (const expected of [
      'ĐẢNG BỘ XÃ MINH QUANG',
      'CHI BỘ THÔN ĐỒNG THỨ',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Minh Quang, ngày 15 tháng 4 năm 2022',
      'SINH HOẠT CHI BỘ THÁNG 4 NĂM 2022',
      'Phạm Thị Dung',
      'Lê Văn Cường',
      'THƯ KÝ',
      'CHỦ TRÌ',
    ]) {
      expect(minutes!.text).toContain(expected);
    }
  }, 180_000);
});
