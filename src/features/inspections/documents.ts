/**
 * The Word documents of inspection and supervision work, in party-document layout: a case's
 * decision (quyết định), its plan (kế hoạch) and its notice of conclusion (thông báo kết luận),
 * and the year's programme (chương trình kiểm tra, giám sát). Pure: the presented API objects
 * and the issuing body's names in, .docx bytes out.
 *
 * The wording of kinds, steps and document names comes from the case (the rule set it was
 * opened under); only the fixed frame of the documents is written here, all of it in FRAME.
 * A complainant's name and contact never appear: these documents go to the subject.
 */

import type { Paragraph, Table } from 'docx';
import {
  BLANK,
  blankLine,
  body,
  bodyLines,
  centred,
  documentTitle,
  fileSlug,
  fillWidths,
  formatDate,
  gridTable,
  keepWithNext,
  LANDSCAPE_TEXT_WIDTH,
  layoutTable,
  numberedHeadings,
  partyHeader,
  plain,
  renderPartyDocx,
  signatureColumn,
  SIZE_SMALL,
  TEXT_WIDTH,
  titleRule,
  upper,
  type Part,
} from '../../core/party-docx.js';
import { foldVietnamese } from '../../domain/vietnamese.js';
import type { InspectionFamily, InspectionVerdict } from '../../shared/enums.js';
import type { InspectionDetail, ProgrammeDetail, ProgrammeItem } from './schemas.js';

/** Who issues and signs a document: resolved from the deciding unit by the caller. */
export interface DocumentMeta {
  /** The party committee: "Đảng ủy xã Minh Quang" (or the cell: "Chi bộ thôn Đồng Thứ"). */
  committeeName: string;
  /** "Ủy ban Kiểm tra" when its inspection committee issues the document; null when the committee does. */
  bodyName: string | null;
  /** The committee's parent: "Đảng bộ huyện Cẩm Khê", or the parent unit's name. */
  parentName: string;
  /** For the dated line: "Minh Quang, ngày … tháng … năm …". */
  placeName: string;
  /** Who signs for the body: "Chủ nhiệm", "Bí thư"; the name may be left to write by hand. */
  signer: { title: string; name: string | null } | null;
}

export type CaseDocumentKind = 'decision' | 'plan' | 'conclusion';

// ---------------------------------------------------------------------------
// The fixed frame: every word the documents say that is not the case's own
// ---------------------------------------------------------------------------

const FRAME = {
  /** Document names when the case's steps do not name one (the rule set names them). */
  title: { decision: 'Quyết định', plan: 'Kế hoạch', conclusion: 'Thông báo kết luận', programme: 'Chương trình' },
  programmeSubtitle: (year: number) => `kiểm tra, giám sát năm ${year}`,
  /** The work in a sentence, by family: "tiến hành giám sát", "thời kỳ kiểm tra". */
  work: { supervision: 'giám sát', inspection: 'kiểm tra', denunciation: 'giải quyết tố cáo', appeal: 'giải quyết khiếu nại' } satisfies Record<InspectionFamily, string>,
  period: { supervision: 'Thời kỳ giám sát', inspection: 'Thời kỳ kiểm tra', denunciation: 'Thời kỳ kiểm tra', appeal: 'Thời kỳ kiểm tra' } satisfies Record<InspectionFamily, string>,
  team: { supervision: 'Đoàn giám sát', inspection: 'Đoàn kiểm tra', denunciation: 'Đoàn kiểm tra', appeal: 'Đoàn kiểm tra' } satisfies Record<InspectionFamily, string>,
  /** A denunciation's or an appeal's verdict: "Tố cáo sai." */
  complaint: { denunciation: 'tố cáo', appeal: 'khiếu nại' },
  verdict: { founded: 'đúng', partly_founded: 'đúng một phần', unfounded: 'sai' } satisfies Record<InspectionVerdict, string>,
  number: (no: string | null) => `Số ${no && no.trim() ? no.trim() : BLANK}`,
  draft: '(Dự thảo — chưa được thông qua.)',
  noConclusion: '(Dự thảo — chưa có kết luận.)',
  onBehalf: (name: string) => `T/M ${upper(name)}`,
  teamLead: 'Trưởng đoàn',
  teamMember: 'Thành viên',
  noTeam: 'Chưa phân công.',
  recipients: 'Nơi nhận:',
  forReport: (name: string) => `${name} (để báo cáo)`,
  forAction: (name: string) => `${name} (để thực hiện)`,
  asArticle3: 'Như Điều 3',
  teamMembers: 'Thành viên đoàn',
  cells: 'Các chi bộ trực thuộc',
  archive: 'Lưu hồ sơ',
  comrade: (name: string) => `đồng chí ${name}`,
  memberOf: (member: string, unit: string) => `đồng chí ${member}, đảng viên ${unit}`,
  fromTo: (from: string, to: string) => `từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`,
  decision: {
    basisCharter: 'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
    basisProgramme: (year: number, issuer: string) => `Căn cứ Chương trình kiểm tra, giám sát năm ${year} của ${issuer};`,
    basisComplaint: (noun: string, on: string | null) => `Căn cứ đơn ${noun}${on ? ` nhận ngày ${formatDate(on)}` : ''};`,
    basisOrigin: (kind: string, title: string) => `Căn cứ kết quả ${lowerFirst(kind)}: ${title};`,
    decides: 'QUYẾT ĐỊNH:',
    article: (n: number) => `Điều ${n}. `,
    what: (kind: string, subject: string) => `${kind} đối với ${subject}.`,
    content: 'Nội dung',
    time: 'Thời gian tiến hành',
    setUp: (team: string) => `Thành lập ${team} gồm các đồng chí:`,
    teamDuty: (team: string, work: string, issuer: string) =>
      `${team} có nhiệm vụ xây dựng kế hoạch, tiến hành ${work} theo quy định và báo cáo kết quả với ${issuer}; tự giải thể sau khi hoàn thành nhiệm vụ.`,
    execution: (subject: string, team: string) =>
      `${upperFirst(subject)}, ${team} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này. Quyết định có hiệu lực kể từ ngày ký.`,
  },
  plan: {
    following: (decisionNo: string | null, on: string, issuer: string, what: string, team: string) =>
      `Thực hiện Quyết định số ${decisionNo ?? BLANK} ngày ${formatDate(on)} của ${issuer} về việc ${what}, ${team} xây dựng kế hoạch như sau:`,
    followingProgramme: (year: number, issuer: string, team: string) =>
      `Thực hiện Chương trình kiểm tra, giám sát năm ${year} của ${issuer}, ${team} xây dựng kế hoạch như sau:`,
    aims: 'MỤC ĐÍCH, YÊU CẦU',
    aim: (subject: string, work: string) =>
      `Mục đích: xem xét, đánh giá đúng ưu điểm, hạn chế, khuyết điểm, vi phạm (nếu có) của ${subject} về nội dung ${work}; giúp đối tượng phát huy ưu điểm, kịp thời khắc phục hạn chế, khuyết điểm, phòng ngừa vi phạm.`,
    requirement:
      'Yêu cầu: tiến hành đúng nguyên tắc, quy trình, thủ tục; khách quan, công tâm, thận trọng, chặt chẽ; kết luận rõ ưu điểm, khuyết điểm, vi phạm (nếu có), nguyên nhân và trách nhiệm; không làm ảnh hưởng đến hoạt động bình thường của đối tượng.',
    scope: 'NỘI DUNG, ĐỐI TƯỢNG, THỜI KỲ',
    content: '1. Nội dung',
    subject: (s: string) => `2. Đối tượng: ${s}.`,
    period: (label: string, range: string) => `3. ${label}: ${range}.`,
    method: 'PHƯƠNG PHÁP',
    methodText: (subject: string, team: string) =>
      `${upperFirst(subject)} báo cáo bằng văn bản; ${team} nghiên cứu báo cáo, hồ sơ, tài liệu có liên quan (biên bản sinh hoạt, nhiệm vụ, bản cam kết, bản tự soi, kế hoạch tự sửa), làm việc với tổ chức, cá nhân có liên quan, thẩm tra, xác minh khi cần thiết.`,
    steps: 'CÁC BƯỚC VÀ THỜI GIAN TIẾN HÀNH',
    stepColumns: ['STT', 'Bước tiến hành', 'Văn bản', 'Thời hạn'],
    noDue: '—',
    limit: (days: number, from: string, to: string) => `Thời hạn: không quá ${days} ngày làm việc, từ bước “${from}” đến bước “${to}”.`,
    extension: (days: number, reason: string | null) => `Đã gia hạn thêm ${days} ngày làm việc${reason ? ` (${reason})` : ''}.`,
    members: (team: string) => `THÀNH PHẦN ${upper(team)}`,
    organisation: 'TỔ CHỨC THỰC HIỆN',
    organisationText: (team: string, issuer: string, subject: string) =>
      `${team} tiến hành theo các mốc thời gian trên và báo cáo kết quả với ${issuer}. ${upperFirst(subject)} chuẩn bị báo cáo, hồ sơ, tài liệu theo yêu cầu của ${team}.`,
  },
  conclusion: {
    following: (decisionNo: string | null, on: string, issuer: string, what: string) =>
      `Thực hiện Quyết định số ${decisionNo ?? BLANK} ngày ${formatDate(on)} của ${issuer} về việc ${what}`,
    carriedOut: (team: string, work: string, period: string, range: string) => `, ${team} đã tiến hành ${work} (${lowerFirst(period)}: ${range}).`,
    received: (noun: string, on: string, issuer: string, subject: string) => `Ngày ${formatDate(on)}, ${issuer} nhận được đơn ${noun} đối với ${subject}.`,
    concludes: (team: string, issuer: string) => `Trên cơ sở báo cáo kết quả của ${team}, ${issuer} kết luận như sau:`,
    strengths: 'ƯU ĐIỂM',
    shortcomings: 'HẠN CHẾ, KHUYẾT ĐIỂM',
    violations: 'VI PHẠM',
    causes: 'NGUYÊN NHÂN',
    responsibility: 'TRÁCH NHIỆM',
    verdictHeading: (noun: string) => `KẾT LUẬN NỘI DUNG ${upper(noun)}`,
    verdict: (noun: string, verdict: string) => `${upperFirst(noun)} ${verdict}.`,
    signs: (work: string) => `Qua ${work} phát hiện có dấu hiệu vi phạm, cần được xem xét kiểm tra.`,
    requests: 'KIẾN NGHỊ, YÊU CẦU',
    requestsIntro: (issuer: string, subject: string) => `${upperFirst(issuer)} yêu cầu ${subject}:`,
    request: (n: number, text: string, deadline: string) => `${n}. ${text.replace(/[.;\s]+$/, '')}. Thời hạn: ${formatDate(deadline)}.`,
    reportBack: (subject: string, issuer: string) => `${upperFirst(subject)} báo cáo kết quả thực hiện với ${issuer} theo thời hạn trên.`,
    noRequests: 'Không có kiến nghị.',
    nothing: 'Không.',
  },
  programme: {
    intro: (issuer: string, year: number) =>
      `Thực hiện Điều lệ Đảng và các quy định về công tác kiểm tra, giám sát của Đảng, ${issuer} xây dựng chương trình kiểm tra, giám sát năm ${year} như sau:`,
    columns: ['STT', 'Hình thức', 'Đối tượng', 'Nội dung', 'Thời kỳ kiểm tra, giám sát', 'Thời gian tiến hành', 'Trưởng đoàn, thành viên'],
    range: (from: string, to: string) => `${formatDate(from)} – ${formatDate(to)}`,
    members: (names: string[]) => `Thành viên: ${names.join(', ')}`,
    empty: 'Chương trình chưa có nội dung.',
    organisation: (issuer: string) =>
      `Các chi bộ, đảng viên là đối tượng kiểm tra, giám sát chuẩn bị báo cáo, hồ sơ, tài liệu theo yêu cầu; ${issuer} theo dõi, đôn đốc thực hiện chương trình.`,
  },
  /** File names: folded to ASCII, one word per document. */
  fileWord: { decision: 'Quyết định', plan: 'Kế hoạch', conclusion: 'Kết luận', programme: 'Chương trình kiểm tra giám sát' },
} as const;

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function lowerFirst(s: string): string {
  return s.length ? s[0]!.toLocaleLowerCase('vi') + s.slice(1) : s;
}

function upperFirst(s: string): string {
  return s.length ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s;
}

/** The issuing body as the header shows it, and its full name in a sentence. */
function issuerOf(meta: DocumentMeta): { parentName: string; issuerName: string; fullName: string } {
  return meta.bodyName
    ? { parentName: meta.committeeName, issuerName: meta.bodyName, fullName: `${meta.bodyName} ${meta.committeeName}` }
    : { parentName: meta.parentName, issuerName: meta.committeeName, fullName: meta.committeeName };
}

/** The subject in a sentence: the cell by its name, a member as "đồng chí …, đảng viên Chi bộ …". */
function subjectOf(detail: InspectionDetail): string {
  const s = detail.subject;
  return s.kind === 'member' && s.memberName ? FRAME.memberOf(s.memberName, s.unitName) : s.unitName;
}

/** "giám sát chuyên đề đối với Chi bộ thôn Đồng Thứ": the kind's name from the rule set. */
function whatOf(detail: InspectionDetail): string {
  return `${lowerFirst(detail.kindName)} đối với ${subjectOf(detail)}`;
}

/** The document's name from the case's step of that code (the rule set names it), or the frame's. */
function documentName(detail: InspectionDetail, kind: CaseDocumentKind): string {
  return detail.steps.find((s) => s.code === kind)?.documents[0] ?? FRAME.title[kind];
}

/** A labelled paragraph of typed text: "Nội dung: …" then the rest of its lines. */
function labelled(label: string, text: string): Paragraph[] {
  const [first = BLANK, ...rest] = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return [body([[`${label}: `, { bold: true }], first]), ...rest.map((l) => body(l))];
}

/** The case's lead first, then the rest of the team, each once. */
function teamOf(detail: Pick<InspectionDetail, 'lead' | 'team'>): { lead: string | null; members: string[] } {
  const lead = detail.lead?.name ?? null;
  const members = detail.team.filter((p) => p.id !== detail.lead?.id).map((p) => p.name);
  return { lead, members: [...new Set(members)] };
}

function teamLines(detail: InspectionDetail): Paragraph[] {
  const { lead, members } = teamOf(detail);
  const lines = [
    ...(lead ? [`${upperFirst(FRAME.comrade(lead))} — ${FRAME.teamLead}`] : []),
    ...members.map((m) => `${upperFirst(FRAME.comrade(m))} — ${FRAME.teamMember}`),
  ];
  if (!lines.length) return [body(FRAME.noTeam, { italics: true })];
  return lines.map((l, i) => body(`${i + 1}. ${l}${i === lines.length - 1 ? '.' : ';'}`));
}

function header(meta: DocumentMeta, numberLine: string | null, date: string | null, textWidth = TEXT_WIDTH): Table {
  const issuer = issuerOf(meta);
  return partyHeader({ parentName: issuer.parentName, issuerName: issuer.issuerName, numberLine, placeName: meta.placeName, date }, textWidth);
}

function titleBlock(name: string, subtitle: string, notes: string[] = []): Paragraph[] {
  return [documentTitle(name), centred(subtitle, { bold: true }), ...notes.map((n) => centred(n, { italics: true })), titleRule()];
}

/** "Nơi nhận" on the left, the signer on the right. */
function closingBlock(recipients: string[], onBehalfOf: string, signer: { title: string; name: string | null } | null, textWidth = TEXT_WIDTH): Table {
  const left = [
    plain(FRAME.recipients, { bold: true, italics: true, size: SIZE_SMALL }),
    ...recipients.map((r, i) => plain(`- ${r}${i === recipients.length - 1 ? '.' : ','}`, { size: SIZE_SMALL })),
  ];
  const right = signatureColumn(
    [centred(FRAME.onBehalf(onBehalfOf), { bold: true }), ...(signer ? [centred(upper(signer.title), { bold: true })] : [])],
    signer?.name ?? null,
  );
  return layoutTable(left, right, Math.round(textWidth * 0.45), textWidth);
}

// ---------------------------------------------------------------------------
// The case's documents
// ---------------------------------------------------------------------------

/** Quyết định kiểm tra / giám sát: the deciding body, the subject, content, period, team and time. */
export async function inspectionDecisionDocx(detail: InspectionDetail, meta: DocumentMeta): Promise<Buffer> {
  const issuer = issuerOf(meta);
  const D = FRAME.decision;
  const team = FRAME.team[detail.family];
  const subject = subjectOf(detail);
  const basis: string[] = [D.basisCharter];
  if (detail.programmeItemId) basis.push(D.basisProgramme(detail.year, issuer.fullName));
  if (detail.complaint && (detail.family === 'denunciation' || detail.family === 'appeal')) {
    basis.push(D.basisComplaint(FRAME.complaint[detail.family], detail.complaint.receivedOn));
  }
  if (detail.origin) basis.push(D.basisOrigin(detail.origin.kindName, detail.origin.title));
  const end = detail.steps.find((s) => s.limitEnds)?.dueOn ?? detail.steps.find((s) => s.code === 'conclusion')?.dueOn ?? null;
  const article = (n: number, parts: Part[] | string): Paragraph =>
    body([[D.article(n), { bold: true }], ...(typeof parts === 'string' ? [parts] : parts)]);

  const name = documentName(detail, 'decision');
  return renderPartyDocx({
    title: `${name} ${whatOf(detail)}`,
    children: [
      header(meta, FRAME.number(detail.decisionNo), detail.decidedOn),
      ...titleBlock(name, `về việc ${whatOf(detail)}`),
      centred(upper(issuer.fullName), { bold: true }, 240),
      ...basis.map((b) => body(b, { italics: true })),
      centred(D.decides, { bold: true }, 240),
      article(1, D.what(detail.kindName, subject)),
      ...labelled(D.content, detail.content),
      body([[`${FRAME.period[detail.family]}: `, { bold: true }], `${FRAME.fromTo(detail.reviewFrom, detail.reviewTo)}.`]),
      body([[`${D.time}: `, { bold: true }], end ? `${FRAME.fromTo(detail.decidedOn, end)}.` : `từ ngày ${formatDate(detail.decidedOn)}.`]),
      article(2, D.setUp(team)),
      ...teamLines(detail),
      body(D.teamDuty(team, FRAME.work[detail.family], issuer.fullName)),
      article(3, D.execution(subject, team)),
      keepWithNext(),
      closingBlock(
        [FRAME.asArticle3, ...(meta.bodyName ? [FRAME.forReport(meta.committeeName)] : []), FRAME.archive],
        meta.bodyName ?? meta.committeeName,
        meta.signer,
      ),
    ],
  });
}

/** Kế hoạch: purpose and requirements, content, subject, period, method, the steps with their due dates, the team. */
export async function inspectionPlanDocx(detail: InspectionDetail, meta: DocumentMeta): Promise<Buffer> {
  const issuer = issuerOf(meta);
  const P = FRAME.plan;
  const team = FRAME.team[detail.family];
  const subject = subjectOf(detail);
  const planStep = detail.steps.find((s) => s.code === 'plan');
  const hasDecision = detail.steps.some((s) => s.code === 'decision');
  const section = numberedHeadings();
  const stepRows = detail.steps.map((s, i) => [
    String(i + 1),
    { text: s.name, align: 'left' as const },
    { text: s.documents.join(', '), align: 'left' as const },
    s.dueOn ? formatDate(s.dueOn) : P.noDue,
  ]);
  const limit = detail.timeLimit;
  const stepName = (code: string) => detail.steps.find((s) => s.code === code)?.name ?? code;
  const { lead } = teamOf(detail);

  const name = documentName(detail, 'plan');
  return renderPartyDocx({
    title: `${name} ${whatOf(detail)}`,
    children: [
      header(meta, planStep?.entry?.documentNo ? FRAME.number(planStep.entry.documentNo) : null, planStep?.entry?.doneOn ?? null),
      ...titleBlock(name, whatOf(detail)),
      body(
        hasDecision || !detail.programmeItemId
          ? P.following(detail.decisionNo, detail.decidedOn, issuer.fullName, whatOf(detail), team)
          : P.followingProgramme(detail.year, issuer.fullName, team),
      ),
      section(P.aims),
      body(P.aim(subject, FRAME.work[detail.family])),
      body(P.requirement),
      section(P.scope),
      ...labelled(P.content, detail.content),
      body(P.subject(subject)),
      body(P.period(FRAME.period[detail.family], FRAME.fromTo(detail.reviewFrom, detail.reviewTo))),
      section(P.method),
      body(P.methodText(subject, team)),
      section(P.steps),
      gridTable(fillWidths([700, 0, 2600, 1500]), [...P.stepColumns], stepRows),
      blankLine(),
      ...(limit ? [body(P.limit(limit.workingDays, stepName(limit.fromStep), stepName(limit.toStep)))] : []),
      ...(detail.extensionWorkingDays > 0 ? [body(P.extension(detail.extensionWorkingDays, detail.extensionReason))] : []),
      section(P.members(team)),
      ...teamLines(detail),
      section(P.organisation),
      body(P.organisationText(team, issuer.fullName, subject)),
      keepWithNext(),
      closingBlock(
        [FRAME.forReport(issuer.fullName), subject, FRAME.teamMembers, FRAME.archive],
        team,
        { title: FRAME.teamLead, name: lead },
      ),
    ],
  });
}

/** Thông báo kết luận: strengths, shortcomings, violations, causes, responsibility, the verdict and the numbered recommendations. */
export async function inspectionConclusionDocx(detail: InspectionDetail, meta: DocumentMeta): Promise<Buffer> {
  const issuer = issuerOf(meta);
  const C = FRAME.conclusion;
  const team = FRAME.team[detail.family];
  const work = FRAME.work[detail.family];
  const subject = subjectOf(detail);
  const c = detail.conclusion;
  const section = numberedHeadings();
  const findings = (title: string, text: string | null | undefined, always: boolean): Paragraph[] => {
    const lines = text ? bodyLines(text) : [];
    if (!lines.length && !always) return [];
    return [section(title), ...(lines.length ? lines : [body(C.nothing)])];
  };
  const complaintNoun = detail.family === 'denunciation' || detail.family === 'appeal' ? FRAME.complaint[detail.family] : null;
  const verdict = detail.complaint?.verdict ?? null;
  const recommendations = [...detail.recommendations].sort((a, b) => a.position - b.position);

  const opening: Paragraph[] = [];
  if (complaintNoun && detail.complaint?.receivedOn) opening.push(body(C.received(complaintNoun, detail.complaint.receivedOn, issuer.fullName, subject)));
  opening.push(
    body(
      C.following(detail.decisionNo, detail.decidedOn, issuer.fullName, whatOf(detail)) +
        C.carriedOut(team, work, FRAME.period[detail.family], FRAME.fromTo(detail.reviewFrom, detail.reviewTo)),
    ),
    body(C.concludes(team, issuer.fullName)),
  );

  const name = documentName(detail, 'conclusion');
  return renderPartyDocx({
    title: `${name} ${whatOf(detail)}`,
    children: [
      header(meta, c ? FRAME.number(c.documentNo) : null, c?.concludedOn ?? null),
      ...titleBlock(name, whatOf(detail), c ? [] : [FRAME.noConclusion]),
      ...opening,
      ...findings(C.strengths, c?.strengths, true),
      ...findings(C.shortcomings, c?.shortcomings, true),
      ...findings(C.violations, c?.violations, false),
      ...findings(C.causes, c?.causes, true),
      ...findings(C.responsibility, c?.responsibility, false),
      ...(complaintNoun && verdict ? [section(C.verdictHeading(complaintNoun)), body(C.verdict(complaintNoun, FRAME.verdict[verdict]), { bold: true })] : []),
      ...(c?.signsOfViolation ? [body(C.signs(work), { italics: true })] : []),
      section(C.requests),
      ...(recommendations.length
        ? [
            body(C.requestsIntro(issuer.fullName, subject)),
            ...recommendations.map((r, i) => body(C.request(i + 1, r.text, r.deadline))),
            body(C.reportBack(subject, issuer.fullName)),
          ]
        : [body(C.noRequests)]),
      keepWithNext(),
      closingBlock(
        [
          FRAME.forAction(detail.subject.kind === 'member' && detail.subject.memberName ? upperFirst(FRAME.comrade(detail.subject.memberName)) : detail.subject.unitName),
          ...(detail.subject.kind === 'member' ? [detail.subject.unitName] : []),
          ...(meta.bodyName ? [FRAME.forReport(meta.committeeName)] : []),
          FRAME.archive,
        ],
        meta.bodyName ?? meta.committeeName,
        meta.signer,
      ),
    ],
  });
}

// ---------------------------------------------------------------------------
// The year's programme
// ---------------------------------------------------------------------------

function programmeRow(item: ProgrammeItem, n: number) {
  const P = FRAME.programme;
  const members = item.team.filter((p) => p.id !== item.lead?.id).map((p) => p.name);
  return [
    String(n),
    { text: item.kindName, align: 'left' as const },
    { text: item.subjectKind === 'member' && item.subjectMemberName ? upperFirst(FRAME.memberOf(item.subjectMemberName, item.subjectUnitName)) : item.subjectUnitName, align: 'left' as const },
    { text: item.content, align: 'left' as const },
    P.range(item.reviewFrom, item.reviewTo),
    P.range(item.plannedStart, item.plannedEnd),
    { text: item.lead?.name ?? BLANK, align: 'left' as const, note: members.length ? P.members(members) : null },
  ];
}

/** Chương trình kiểm tra, giám sát năm …: a table of the items, on a landscape page. */
export async function programmeDocx(programme: ProgrammeDetail, meta: DocumentMeta): Promise<Buffer> {
  const issuer = issuerOf(meta);
  const P = FRAME.programme;
  const width = LANDSCAPE_TEXT_WIDTH;
  const items = [...programme.items].sort((a, b) => a.position - b.position);
  const subtitle = FRAME.programmeSubtitle(programme.year);
  const notes = [
    ...(foldVietnamese(programme.title) === foldVietnamese(`${FRAME.title.programme} ${subtitle}`) ? [] : [programme.title]),
    ...(programme.status === 'draft' ? [FRAME.draft] : []),
  ];
  return renderPartyDocx({
    title: `${FRAME.title.programme} ${subtitle}`,
    landscape: true,
    children: [
      header(meta, FRAME.number(null), programme.adoptedOn, width),
      ...titleBlock(FRAME.title.programme, upper(subtitle), notes),
      body(P.intro(issuer.fullName, programme.year)),
      ...(items.length
        ? [gridTable(fillWidths([700, 2000, 2400, 0, 1700, 1700, 2400], width), [...P.columns], items.map((it, i) => programmeRow(it, i + 1))), blankLine()]
        : [body(P.empty, { italics: true })]),
      // The closing words go with the signature when the table fills the page.
      body(P.organisation(issuer.fullName), {}, true),
      keepWithNext(),
      closingBlock(
        [...(meta.bodyName ? [FRAME.forReport(meta.committeeName)] : []), FRAME.cells, FRAME.archive],
        meta.bodyName ?? meta.committeeName,
        meta.signer,
        width,
      ),
    ],
  });
}

// ---------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------

/**
 * An ASCII-safe file name: "ket-luan-giam-sat-chi-bo-thon-dong-thu-2022.docx" for a case's
 * conclusion, "chuong-trinh-kiem-tra-giam-sat-dang-bo-xa-minh-quang-2022.docx" for a programme.
 */
export function documentFileName(kind: CaseDocumentKind, detail: InspectionDetail): string;
export function documentFileName(kind: 'programme', programme: ProgrammeDetail): string;
export function documentFileName(kind: CaseDocumentKind | 'programme', of: InspectionDetail | ProgrammeDetail): string {
  if (kind === 'programme' || !('subject' in of)) {
    return `${[FRAME.fileWord.programme, of.unitName, String(of.year)].map(fileSlug).join('-')}.docx`;
  }
  const who = of.subject.kind === 'member' && of.subject.memberName ? of.subject.memberName : of.subject.unitName;
  return `${[FRAME.fileWord[kind], FRAME.work[of.family], who, String(of.year)].map(fileSlug).join('-')}.docx`;
}
