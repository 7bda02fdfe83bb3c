import { describe, expect, it } from 'vitest';
import { convertDocxToPdf, docxText, unzipEntry } from '../../../test/helpers/docx.js';
import {
  documentFileName,
  inspectionConclusionDocx,
  inspectionDecisionDocx,
  inspectionPlanDocx,
  programmeDocx,
  type DocumentMeta,
} from './documents.js';
import type { InspectionDetail, ProgrammeDetail, ProgrammeItem, StepView } from './schemas.js';

// Fixtures built by hand as the API presents them; step names and documents as the rule set
// (reference/inspection-qd296.json) words them.

let seq = 0;
const uuid = (): string => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
const person = (name: string) => ({ id: uuid(), name });

const ubkt: DocumentMeta = {
  committeeName: 'Đảng ủy xã Minh Quang',
  bodyName: 'Ủy ban Kiểm tra',
  parentName: 'Đảng bộ huyện Tam Đảo',
  placeName: 'Minh Quang',
  signer: { title: 'Chủ nhiệm', name: 'Hoàng Văn Thắng' },
};

const RULE_STEPS: [code: string, name: string, documents: string[]][] = [
  ['decision', 'Quyết định kiểm tra/giám sát, thành lập đoàn (tổ)', ['Quyết định']],
  ['plan', 'Kế hoạch: mục đích, yêu cầu, nội dung, đối tượng, mốc thời gian, phương pháp, thành phần', ['Kế hoạch', 'Đề cương gợi ý báo cáo']],
  ['notice', 'Làm việc với đối tượng, công bố quyết định và kế hoạch', ['Biên bản làm việc']],
  ['subject_report', 'Đối tượng báo cáo tự kiểm tra (chuyên đề) hoặc giải trình (dấu hiệu vi phạm)', ['Báo cáo của đối tượng']],
  ['verification', 'Thẩm tra, xác minh', ['Biên bản thẩm tra, xác minh']],
  ['draft_report', 'Dự thảo báo cáo kết quả; hội nghị với đối tượng', ['Dự thảo báo cáo', 'Biên bản hội nghị']],
  ['result_report', 'Báo cáo kết quả với ủy ban kiểm tra / đảng ủy', ['Báo cáo kết quả']],
  ['conclusion', 'Thông báo kết luận', ['Thông báo kết luận']],
  ['follow_up', 'Theo dõi, đôn đốc thực hiện kết luận; đối tượng báo cáo khắc phục', ['Báo cáo khắc phục']],
];

/** The case's steps: due dates by code, and the dates steps were done on (with a document number). */
function steps(due: Record<string, string | null>, done: Record<string, [string, string | null]> = {}): StepView[] {
  return RULE_STEPS.map(([code, name, documents]) => {
    const d = done[code];
    return {
      code,
      name,
      documents,
      dueOn: due[code] ?? null,
      late: false,
      limitEnds: code === 'conclusion',
      entry: d
        ? { id: uuid(), doneOn: d[0], note: 'Đã thực hiện.', documentNo: d[1], subjectComments: null, attachment: null, byName: 'Phạm Minh Tuấn', evidence: [] }
        : null,
    };
  });
}

const counts = { total: 0, fixed: 0, open: 0, overdue: 0 };

/** UBKT Minh Quang's thematic supervision of Chi bộ thôn Đồng Thứ, 2022: concluded with three recommendations. */
function thematicSupervision(): InspectionDetail {
  const inspectionId = uuid();
  const lead = person('Phạm Minh Tuấn');
  const recommendation = (position: number, text: string, deadline: string) => ({
    id: uuid(),
    inspectionId,
    position,
    text,
    deadline,
    status: 'open' as const,
    overdue: false,
    reportedOn: null,
    reportNote: null,
    verifiedOn: null,
    verifiedByName: null,
    verificationComment: null,
    followUp: null,
    actions: [],
  });
  return {
    id: inspectionId,
    unitId: uuid(),
    unitName: 'Đảng bộ xã Minh Quang',
    body: 'inspection_committee',
    kindCode: 'supervision_thematic',
    kindName: 'Giám sát chuyên đề',
    family: 'supervision',
    ruleVersionId: uuid(),
    year: 2022,
    title: 'Giám sát chất lượng sinh hoạt Chi bộ thôn Đồng Thứ quý I/2022',
    content: 'Việc chấp hành giờ giấc, chất lượng tự phê bình và phê bình trong sinh hoạt chi bộ quý I năm 2022.\nViệc giao nhiệm vụ rõ người, rõ việc, rõ thời hạn.',
    reviewFrom: '2022-01-01',
    reviewTo: '2022-03-31',
    decisionNo: '05-QĐ/UBKT',
    decidedOn: '2022-04-04',
    subject: { kind: 'unit', unitId: uuid(), unitName: 'Chi bộ thôn Đồng Thứ', memberId: null, memberName: null },
    lead,
    team: [lead, person('Lê Thị Hoa'), person('Vũ Đức Long')],
    status: 'concluded',
    notifiedOn: '2022-04-13',
    extensionWorkingDays: 0,
    extensionReason: null,
    maxExtensionWorkingDays: 6,
    timeLimit: { workingDays: 20, fromStep: 'subject_report', toStep: 'conclusion', source: 'Hướng dẫn 02-HD/UBKTTW (chưa đối chiếu)' },
    nextStep: 'follow_up',
    lateSteps: 0,
    steps: steps(
      {
        plan: '2022-04-12',
        notice: '2022-04-19',
        subject_report: '2022-05-06',
        verification: '2022-05-13',
        draft_report: '2022-05-20',
        result_report: '2022-05-27',
        conclusion: '2022-06-03',
      },
      { decision: ['2022-04-04', '05-QĐ/UBKT'], plan: ['2022-04-08', '02-KH/ĐGS'], conclusion: ['2022-05-31', '07-TB/UBKT'] },
    ),
    conclusion: {
      concludedOn: '2022-05-31',
      documentNo: '07-TB/UBKT',
      strengths: 'Chi bộ duy trì sinh hoạt thường kỳ hằng tháng.\nBuổi sinh hoạt tháng 4/2022 mọi đảng viên đều đúng giờ.',
      shortcomings: 'Tháng 1 đến tháng 3 nhiều đảng viên đến muộn; tự phê bình và phê bình còn ngại va chạm.',
      violations: null,
      causes: 'Chi ủy chưa nhắc nhở kịp thời; một số đảng viên chưa coi trọng sinh hoạt chi bộ.',
      responsibility: 'Trách nhiệm chính thuộc về chi ủy và đồng chí bí thư chi bộ.',
      signsOfViolation: false,
    },
    // Out of order on purpose: the document numbers them by position.
    recommendations: [
      recommendation(2, 'Phân công rõ người, rõ việc, rõ thời hạn cho mọi nhiệm vụ chi bộ giao', '2022-07-31'),
      recommendation(1, 'Chấn chỉnh giờ giấc sinh hoạt chi bộ, điểm danh và ghi số phút đến muộn', '2022-06-30'),
      recommendation(3, 'Tổ chức sinh hoạt chuyên đề về tự phê bình và phê bình.', '2022-12-31'),
    ],
    recommendationCounts: { ...counts, total: 3, open: 3 },
    complaint: null,
    programmeItemId: uuid(),
    origin: null,
    linked: [],
    viewer: 'staff',
    unconfirmedRules: [],
    actions: ['download'],
  };
}

const COMPLAINANT = { name: 'Trần Văn Mười', contact: '0912 345 678 · muoi.tran@example.vn' };

/** A denunciation of a member of Chi bộ thôn Lưu Quang, concluded unfounded. */
function unfoundedDenunciation(): InspectionDetail {
  const base = thematicSupervision();
  return {
    ...base,
    id: uuid(),
    kindCode: 'denunciation',
    kindName: 'Giải quyết tố cáo',
    family: 'denunciation',
    title: 'Giải quyết tố cáo đối với đồng chí Nguyễn Văn Tư',
    content: 'Nội dung tố cáo đồng chí Nguyễn Văn Tư sử dụng đất công sai mục đích.',
    reviewFrom: '2021-01-01',
    reviewTo: '2022-06-30',
    decisionNo: '09-QĐ/UBKT',
    decidedOn: '2022-07-11',
    subject: { kind: 'member', unitId: uuid(), unitName: 'Chi bộ thôn Lưu Quang', memberId: uuid(), memberName: 'Nguyễn Văn Tư' },
    timeLimit: { workingDays: 90, fromStep: 'decision', toStep: 'conclusion', source: null },
    steps: steps({ plan: '2022-07-18', conclusion: '2022-11-16' }, { conclusion: ['2022-09-15', '12-TB/UBKT'] }),
    conclusion: {
      concludedOn: '2022-09-15',
      documentNo: '12-TB/UBKT',
      strengths: 'Đồng chí Nguyễn Văn Tư chấp hành nghiêm việc quản lý đất công được giao.',
      shortcomings: 'Chưa báo cáo kịp thời với chi bộ khi có ý kiến của nhân dân.',
      violations: null,
      causes: 'Thông tin trong đơn không đúng thực tế sử dụng đất.',
      responsibility: null,
      signsOfViolation: false,
    },
    recommendations: [],
    recommendationCounts: counts,
    complaint: {
      receivedOn: '2022-07-01',
      complainantName: COMPLAINANT.name,
      complainantContact: COMPLAINANT.contact,
      sourceCitizenFeedbackId: uuid(),
      verdict: 'unfounded',
    },
    programmeItemId: null,
  };
}

/** UBKT Minh Quang's 2022 programme of five items. */
function programme2022(status: ProgrammeDetail['status'] = 'adopted'): ProgrammeDetail {
  const item = (
    position: number,
    kindName: string,
    subjectUnitName: string,
    content: string,
    period: [string, string],
    window: [string, string],
    lead: string,
    team: string[],
    member: string | null = null,
  ): ProgrammeItem => {
    const leadPerson = person(lead);
    return {
      id: uuid(),
      position,
      kindCode: 'k',
      kindName,
      subjectKind: member ? 'member' : 'unit',
      subjectUnitId: uuid(),
      subjectUnitName,
      subjectMemberId: member ? uuid() : null,
      subjectMemberName: member,
      content,
      reviewFrom: period[0],
      reviewTo: period[1],
      plannedStart: window[0],
      plannedEnd: window[1],
      lead: leadPerson,
      team: [leadPerson, ...team.map(person)],
      state: 'planned',
      inspectionId: null,
      inspectionStatus: null,
      actions: [],
    };
  };
  return {
    id: uuid(),
    unitId: uuid(),
    unitName: 'Đảng bộ xã Minh Quang',
    body: 'inspection_committee',
    year: 2022,
    title: 'Chương trình kiểm tra, giám sát năm 2022',
    status,
    adoptedOn: status === 'adopted' ? '2022-01-10' : null,
    counts: { total: 5, planned: 5, in_progress: 0, concluded: 0, late: 0 },
    adoptedByName: 'Hoàng Văn Thắng',
    // Out of order on purpose: the table follows their positions.
    items: [
      item(2, 'Giám sát chuyên đề', 'Chi bộ thôn Lưu Quang', 'Việc triển khai Nghị quyết Trung ương 4 tới từng đảng viên', ['2021-10-01', '2022-03-31'], ['2022-05-02', '2022-05-31'], 'Lê Thị Hoa', []),
      item(1, 'Giám sát chuyên đề', 'Chi bộ thôn Đồng Thứ', 'Chất lượng sinh hoạt chi bộ quý I năm 2022', ['2022-01-01', '2022-03-31'], ['2022-04-04', '2022-04-29'], 'Phạm Minh Tuấn', ['Lê Thị Hoa', 'Vũ Đức Long']),
      item(3, 'Giám sát thường xuyên', 'Chi bộ thôn Khâu Vai', 'Việc thực hiện nhiệm vụ chi bộ giao cho đảng viên', ['2022-01-01', '2022-12-31'], ['2022-01-10', '2022-12-20'], 'Vũ Đức Long', []),
      item(4, 'Kiểm tra khi có dấu hiệu vi phạm', 'Chi bộ thôn Lồng Chấy', 'Việc chấp hành quy định về đất dịch vụ', ['2020-01-01', '2022-06-30'], ['2022-08-01', '2022-09-15'], 'Phạm Minh Tuấn', ['Lê Thị Hoa'], 'Đặng Văn Sáu'),
      item(5, 'Kiểm tra tổ chức đảng cấp dưới thực hiện nhiệm vụ kiểm tra, giám sát', 'Chi bộ thôn Trại Khóng', 'Việc xây dựng và thực hiện kế hoạch giám sát năm 2022 của chi bộ', ['2022-01-01', '2022-09-30'], ['2022-10-03', '2022-10-31'], 'Lê Thị Hoa', ['Vũ Đức Long']),
    ],
    actions: ['download'],
  };
}

async function open(buf: Buffer): Promise<{ text: string; documentXml: string }> {
  expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
  const text = docxText(buf);
  expect(text).toBe(text.normalize('NFC'));
  return { text, documentXml: unzipEntry(buf, 'word/document.xml') };
}

function expectAll(text: string, expected: string[]): void {
  for (const e of expected) expect(text).toContain(e);
}

describe('inspection decision (quyết định)', () => {
  it('names the deciding body, the number and date, the subject, content, period, team and time', async () => {
    const { text, documentXml } = await open(await inspectionDecisionDocx(thematicSupervision(), ubkt));
    expectAll(text, [
      // Header: the UBKT under its committee, the number, the dated line.
      'ĐẢNG ỦY XÃ MINH QUANG\nỦY BAN KIỂM TRA\n*\nSố 05-QĐ/UBKT',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Minh Quang, ngày 04 tháng 4 năm 2022',
      'QUYẾT ĐỊNH\nvề việc giám sát chuyên đề đối với Chi bộ thôn Đồng Thứ',
      'ỦY BAN KIỂM TRA ĐẢNG ỦY XÃ MINH QUANG',
      'Căn cứ Chương trình kiểm tra, giám sát năm 2022 của Ủy ban Kiểm tra Đảng ủy xã Minh Quang;',
      'Điều 1. Giám sát chuyên đề đối với Chi bộ thôn Đồng Thứ.',
      'Nội dung: Việc chấp hành giờ giấc, chất lượng tự phê bình và phê bình trong sinh hoạt chi bộ quý I năm 2022.\nViệc giao nhiệm vụ rõ người, rõ việc, rõ thời hạn.',
      'Thời kỳ giám sát: từ ngày 01/01/2022 đến ngày 31/03/2022.',
      // The time runs to the step that closes the kind's limit.
      'Thời gian tiến hành: từ ngày 04/04/2022 đến ngày 03/06/2022.',
      'Điều 2. Thành lập Đoàn giám sát gồm các đồng chí:',
      '1. Đồng chí Phạm Minh Tuấn — Trưởng đoàn;\n2. Đồng chí Lê Thị Hoa — Thành viên;\n3. Đồng chí Vũ Đức Long — Thành viên.',
      'Điều 3. Chi bộ thôn Đồng Thứ, Đoàn giám sát và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.',
      'Nơi nhận:\n- Như Điều 3,\n- Đảng ủy xã Minh Quang (để báo cáo),\n- Lưu hồ sơ.',
      'T/M ỦY BAN KIỂM TRA\nCHỦ NHIỆM',
      'Hoàng Văn Thắng',
    ]);
    expect(text.indexOf('Nơi nhận:')).toBeGreaterThan(text.indexOf('Điều 3.'));
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('takes the kind and the document name from the case, not from code', async () => {
    const detail = thematicSupervision();
    detail.kindName = 'Giám sát theo chuyên đề riêng';
    detail.steps = detail.steps.map((s) => (s.code === 'decision' ? { ...s, documents: ['Quyết định thành lập đoàn'] } : s));
    const { text } = await open(await inspectionDecisionDocx(detail, ubkt));
    expect(text).toContain('QUYẾT ĐỊNH THÀNH LẬP ĐOÀN\nvề việc giám sát theo chuyên đề riêng đối với Chi bộ thôn Đồng Thứ');
    expect(text).toContain('Điều 1. Giám sát theo chuyên đề riêng đối với Chi bộ thôn Đồng Thứ.');
  });

  it('issued by the party committee itself: its parent above it, no number yet, a signer to write in', async () => {
    const detail = { ...thematicSupervision(), decisionNo: null, team: [], lead: null };
    const meta: DocumentMeta = { ...ubkt, bodyName: null, signer: { title: 'Bí thư', name: null } };
    const { text } = await open(await inspectionDecisionDocx(detail, meta));
    expectAll(text, ['ĐẢNG BỘ HUYỆN TAM ĐẢO\nĐẢNG ỦY XÃ MINH QUANG\n*\nSố ………', 'Chưa phân công.', 'T/M ĐẢNG ỦY XÃ MINH QUANG\nBÍ THƯ']);
    expect(text).not.toContain('(để báo cáo)');
  });
});

describe('inspection plan (kế hoạch)', () => {
  it('sets out purpose, content, subject, period, method, each step with its due date, and the team', async () => {
    const { text } = await open(await inspectionPlanDocx(thematicSupervision(), ubkt));
    expectAll(text, [
      'Số 02-KH/ĐGS',
      'Minh Quang, ngày 08 tháng 4 năm 2022',
      'KẾ HOẠCH\ngiám sát chuyên đề đối với Chi bộ thôn Đồng Thứ',
      'Thực hiện Quyết định số 05-QĐ/UBKT ngày 04/04/2022 của Ủy ban Kiểm tra Đảng ủy xã Minh Quang về việc giám sát chuyên đề đối với Chi bộ thôn Đồng Thứ, Đoàn giám sát xây dựng kế hoạch như sau:',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG, ĐỐI TƯỢNG, THỜI KỲ',
      '1. Nội dung: Việc chấp hành giờ giấc',
      '2. Đối tượng: Chi bộ thôn Đồng Thứ.',
      '3. Thời kỳ giám sát: từ ngày 01/01/2022 đến ngày 31/03/2022.',
      'III. PHƯƠNG PHÁP',
      'IV. CÁC BƯỚC VÀ THỜI GIAN TIẾN HÀNH',
      'STT\nBước tiến hành\nVăn bản\nThời hạn',
      '1\nQuyết định kiểm tra/giám sát, thành lập đoàn (tổ)\nQuyết định\n—',
      '2\nKế hoạch: mục đích, yêu cầu, nội dung, đối tượng, mốc thời gian, phương pháp, thành phần\nKế hoạch, Đề cương gợi ý báo cáo\n12/04/2022',
      '4\nĐối tượng báo cáo tự kiểm tra (chuyên đề) hoặc giải trình (dấu hiệu vi phạm)\nBáo cáo của đối tượng\n06/05/2022',
      '8\nThông báo kết luận\nThông báo kết luận\n03/06/2022',
      'Thời hạn: không quá 20 ngày làm việc, từ bước “Đối tượng báo cáo tự kiểm tra (chuyên đề) hoặc giải trình (dấu hiệu vi phạm)” đến bước “Thông báo kết luận”.',
      'V. THÀNH PHẦN ĐOÀN GIÁM SÁT',
      '1. Đồng chí Phạm Minh Tuấn — Trưởng đoàn;',
      'VI. TỔ CHỨC THỰC HIỆN',
      'T/M ĐOÀN GIÁM SÁT\nTRƯỞNG ĐOÀN',
    ]);
    expect(text.slice(text.lastIndexOf('TRƯỞNG ĐOÀN'))).toContain('Phạm Minh Tuấn');
    expect(text).not.toContain('gia hạn');
  });

  it('states an extension with its reason', async () => {
    const detail = { ...thematicSupervision(), extensionWorkingDays: 5, extensionReason: 'chờ xác minh thêm tài liệu' };
    const { text } = await open(await inspectionPlanDocx(detail, ubkt));
    expect(text).toContain('Đã gia hạn thêm 5 ngày làm việc (chờ xác minh thêm tài liệu).');
  });
});

describe('notice of conclusion (thông báo kết luận)', () => {
  it('concludes strengths, shortcomings, causes, responsibility and numbers each recommendation with its deadline', async () => {
    const { text } = await open(await inspectionConclusionDocx(thematicSupervision(), ubkt));
    expectAll(text, [
      'Số 07-TB/UBKT',
      'Minh Quang, ngày 31 tháng 5 năm 2022',
      'THÔNG BÁO KẾT LUẬN\ngiám sát chuyên đề đối với Chi bộ thôn Đồng Thứ',
      'Thực hiện Quyết định số 05-QĐ/UBKT ngày 04/04/2022 của Ủy ban Kiểm tra Đảng ủy xã Minh Quang về việc giám sát chuyên đề đối với Chi bộ thôn Đồng Thứ, Đoàn giám sát đã tiến hành giám sát (thời kỳ giám sát: từ ngày 01/01/2022 đến ngày 31/03/2022).',
      'I. ƯU ĐIỂM\nChi bộ duy trì sinh hoạt thường kỳ hằng tháng.\nBuổi sinh hoạt tháng 4/2022 mọi đảng viên đều đúng giờ.',
      'II. HẠN CHẾ, KHUYẾT ĐIỂM\nTháng 1 đến tháng 3 nhiều đảng viên đến muộn',
      'III. NGUYÊN NHÂN\nChi ủy chưa nhắc nhở kịp thời',
      'IV. TRÁCH NHIỆM\nTrách nhiệm chính thuộc về chi ủy',
      'V. KIẾN NGHỊ, YÊU CẦU\nỦy ban Kiểm tra Đảng ủy xã Minh Quang yêu cầu Chi bộ thôn Đồng Thứ:',
      '1. Chấn chỉnh giờ giấc sinh hoạt chi bộ, điểm danh và ghi số phút đến muộn. Thời hạn: 30/06/2022.\n' +
        '2. Phân công rõ người, rõ việc, rõ thời hạn cho mọi nhiệm vụ chi bộ giao. Thời hạn: 31/07/2022.\n' +
        '3. Tổ chức sinh hoạt chuyên đề về tự phê bình và phê bình. Thời hạn: 31/12/2022.',
      'Chi bộ thôn Đồng Thứ báo cáo kết quả thực hiện với Ủy ban Kiểm tra Đảng ủy xã Minh Quang theo thời hạn trên.',
      'Nơi nhận:\n- Chi bộ thôn Đồng Thứ (để thực hiện),\n- Đảng ủy xã Minh Quang (để báo cáo),\n- Lưu hồ sơ.',
      'T/M ỦY BAN KIỂM TRA\nCHỦ NHIỆM',
    ]);
    // No violations were found and a supervision has no verdict.
    expect(text).not.toContain('VI PHẠM');
    expect(text).not.toContain('KẾT LUẬN NỘI DUNG');
  });

  it('states violations and the signs of violation a supervision found', async () => {
    const detail = thematicSupervision();
    detail.conclusion = { ...detail.conclusion!, violations: 'Không tổ chức sinh hoạt tháng 2/2022.', signsOfViolation: true };
    const { text } = await open(await inspectionConclusionDocx(detail, ubkt));
    expect(text).toContain('III. VI PHẠM\nKhông tổ chức sinh hoạt tháng 2/2022.\nIV. NGUYÊN NHÂN');
    expect(text).toContain('Qua giám sát phát hiện có dấu hiệu vi phạm, cần được xem xét kiểm tra.');
  });

  it('gives a denunciation its verdict and addresses the member, with no recommendations', async () => {
    const { text } = await open(await inspectionConclusionDocx(unfoundedDenunciation(), ubkt));
    expectAll(text, [
      'THÔNG BÁO KẾT LUẬN\ngiải quyết tố cáo đối với đồng chí Nguyễn Văn Tư, đảng viên Chi bộ thôn Lưu Quang',
      'Ngày 01/07/2022, Ủy ban Kiểm tra Đảng ủy xã Minh Quang nhận được đơn tố cáo đối với đồng chí Nguyễn Văn Tư, đảng viên Chi bộ thôn Lưu Quang.',
      'KẾT LUẬN NỘI DUNG TỐ CÁO\nTố cáo sai.',
      'KIẾN NGHỊ, YÊU CẦU\nKhông có kiến nghị.',
      'Nơi nhận:\n- Đồng chí Nguyễn Văn Tư (để thực hiện),\n- Chi bộ thôn Lưu Quang,',
    ]);
    for (const [verdict, words] of [['founded', 'Tố cáo đúng.'], ['partly_founded', 'Tố cáo đúng một phần.']] as const) {
      const d = unfoundedDenunciation();
      d.complaint = { ...d.complaint!, verdict };
      expect((await open(await inspectionConclusionDocx(d, ubkt))).text).toContain(words);
    }
  });

  it('marks a case not yet concluded as a draft with empty findings', async () => {
    const detail = { ...thematicSupervision(), conclusion: null, recommendations: [] };
    const { text } = await open(await inspectionConclusionDocx(detail, ubkt));
    expectAll(text, ['(Dự thảo — chưa có kết luận.)', 'Minh Quang, ngày ……… tháng ……… năm ………', 'I. ƯU ĐIỂM\nKhông.']);
  });

  it("never carries the complainant's name or contact, in any document", async () => {
    const detail = unfoundedDenunciation();
    for (const render of [inspectionDecisionDocx, inspectionPlanDocx, inspectionConclusionDocx]) {
      const buf = await render(detail, ubkt);
      const xml = ['word/document.xml', 'docProps/core.xml'].map((f) => unzipEntry(buf, f)).join('\n');
      for (const secret of [COMPLAINANT.name, COMPLAINANT.contact, '0912', 'muoi.tran']) {
        expect(xml).not.toContain(secret);
      }
    }
  });
});

describe('programme (chương trình kiểm tra, giám sát)', () => {
  it('lists the items in order in a table on a landscape page', async () => {
    const { text, documentXml } = await open(await programmeDocx(programme2022(), ubkt));
    expectAll(text, [
      'ĐẢNG ỦY XÃ MINH QUANG\nỦY BAN KIỂM TRA',
      'Minh Quang, ngày 10 tháng 01 năm 2022',
      'CHƯƠNG TRÌNH\nKIỂM TRA, GIÁM SÁT NĂM 2022',
      'STT\nHình thức\nĐối tượng\nNội dung\nThời kỳ kiểm tra, giám sát\nThời gian tiến hành\nTrưởng đoàn, thành viên',
      '1\nGiám sát chuyên đề\nChi bộ thôn Đồng Thứ\nChất lượng sinh hoạt chi bộ quý I năm 2022\n01/01/2022 – 31/03/2022\n04/04/2022 – 29/04/2022\nPhạm Minh Tuấn\nThành viên: Lê Thị Hoa, Vũ Đức Long',
      '2\nGiám sát chuyên đề\nChi bộ thôn Lưu Quang\nViệc triển khai Nghị quyết Trung ương 4 tới từng đảng viên\n01/10/2021 – 31/03/2022\n02/05/2022 – 31/05/2022\nLê Thị Hoa\n3',
      '3\nGiám sát thường xuyên\nChi bộ thôn Khâu Vai',
      '4\nKiểm tra khi có dấu hiệu vi phạm\nĐồng chí Đặng Văn Sáu, đảng viên Chi bộ thôn Lồng Chấy',
      '5\nKiểm tra tổ chức đảng cấp dưới thực hiện nhiệm vụ kiểm tra, giám sát\nChi bộ thôn Trại Khóng',
      'T/M ỦY BAN KIỂM TRA\nCHỦ NHIỆM',
    ]);
    expect(text).not.toContain('Dự thảo');
    // The title the programme already says is not repeated.
    expect(text).not.toContain('Chương trình kiểm tra, giám sát năm 2022');
    expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    // The closing words stay with the signature block, which never splits across pages.
    const signature = documentXml.slice(documentXml.lastIndexOf('<w:tbl>'));
    expect(signature).toContain('<w:cantSplit/>');
    expect(signature).toContain('Nơi nhận:');
    expect(documentXml.slice(documentXml.lastIndexOf('<w:p>', documentXml.lastIndexOf('Các chi bộ, đảng viên')))).toMatch(/^<w:p><w:pPr><w:keepNext\/>/);
  });

  it('marks a draft and shows a title of its own', async () => {
    const p = { ...programme2022('draft'), title: 'Chương trình giám sát bổ sung năm 2022' };
    const { text } = await open(await programmeDocx(p, ubkt));
    expectAll(text, ['Chương trình giám sát bổ sung năm 2022', '(Dự thảo — chưa được thông qua.)', 'Minh Quang, ngày ……… tháng ……… năm ………']);
  });
});

describe('documentFileName', () => {
  it('gives ASCII-safe names from the document, the work, the subject and the year', () => {
    expect(documentFileName('conclusion', thematicSupervision())).toBe('ket-luan-giam-sat-chi-bo-thon-dong-thu-2022.docx');
    expect(documentFileName('decision', thematicSupervision())).toBe('quyet-dinh-giam-sat-chi-bo-thon-dong-thu-2022.docx');
    expect(documentFileName('plan', unfoundedDenunciation())).toBe('ke-hoach-giai-quyet-to-cao-nguyen-van-tu-2022.docx');
    expect(documentFileName('programme', programme2022())).toBe('chuong-trinh-kiem-tra-giam-sat-dang-bo-xa-minh-quang-2022.docx');
  });
});

// As the minutes test does: the real office suite converts each document to PDF and its text
// reads back with every diacritic in place, on an A4 page (landscape for the programme).
describe('in LibreOffice', () => {
  it('converts each document to PDF with the Vietnamese text intact', async () => {
    const detail = thematicSupervision();
    const portrait = /595\.\d+ x 841\.\d+ pts \(A4\)/;
    const expected: Record<string, [RegExp, string[]]> = {
      decision: [portrait, ['QUYẾT ĐỊNH', 'Chi bộ thôn Đồng Thứ', '01/01/2022', 'Hoàng Văn Thắng']],
      plan: [portrait, ['KẾ HOẠCH', 'Thẩm tra, xác minh', '12/04/2022']],
      conclusion: [portrait, ['THÔNG BÁO KẾT LUẬN', 'HẠN CHẾ, KHUYẾT ĐIỂM', '31/12/2022']],
      programme: [/841\.\d+ x 595\.\d+ pts \(A4\)/, ['CHƯƠNG TRÌNH', 'Trại', 'Khóng', 'Lồng Chấy', '29/04/2022']],
    };
    const pdfs = convertDocxToPdf({
      decision: await inspectionDecisionDocx(detail, ubkt),
      plan: await inspectionPlanDocx(detail, ubkt),
      conclusion: await inspectionConclusionDocx(detail, ubkt),
      programme: await programmeDocx(programme2022(), ubkt),
    });
    for (const [name, [pageSize, words]] of Object.entries(expected)) {
      expect(pdfs[name]!.pageSize).toMatch(pageSize);
      // Table cells wrap, and pdftotext interleaves a row's cells line by line: fold white space.
      expectAll(pdfs[name]!.text.replace(/\s+/g, ' '), ['ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẢNG ỦY XÃ MINH QUANG', ...words]);
    }
  }, 240_000);
});
