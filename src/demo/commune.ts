/**
 * The demo commune: Đảng bộ xã Minh Quang (huyện Tam Đảo, Vĩnh Phúc), whose 25 of 25
 * cells practise "tự soi, tự sửa". Unit names follow the real commune where the
 * source article names them (thôn Lưu Quang, thôn Đồng Thứ); everything else —
 * people, card numbers, phones — is generated.
 *
 * Deterministic on purpose: the PRNG is seeded inside `buildDemoCommune`, so every
 * call returns the same data and demo screenshots, e2e tests and docs stay stable.
 * Pure data: no I/O, no ids (the seeding code assigns ids and passwords).
 */
import type { Role } from '../domain/roles.js';
import { compareVietnameseNames, foldVietnamese, joinFullName } from '../domain/vietnamese.js';
import { Rng } from './random.js';

export interface DemoMember {
  key: string;
  familyName: string;
  middleName: string;
  givenName: string;
  gender: 'male' | 'female';
  birthYear: number;
  cardNumber: string;
  joinedOn: string; // yyyy-mm-dd
  officialOn: string | null;
  status: 'official' | 'probationary' | 'exempt';
  phone: string | null;
}

export interface DemoUnit {
  key: string;
  parentKey: string | null;
  kind: 'commune' | 'cell' | 'mass_org';
  name: string;
  code: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** The village (thôn) a village cell stands for; null for other units. */
  villageName: string | null;
  members: DemoMember[];
}

export interface DemoAccount {
  username: string;
  displayName: string;
  memberKey: string | null;
  roles: { role: Role; unitKey: string }[];
}

export interface DemoCommune {
  /** Parents always come before their children. */
  units: DemoUnit[];
  accounts: DemoAccount[];
}

/**
 * "Today" for the demo. Probationary members joined within the year before it, and
 * every official member's officialOn is on or before it.
 */
export const DEMO_REFERENCE_DATE = '2026-11-01';

// ---------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

/** Family names, weighted roughly like the population of the northern midlands. */
const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 32], ['Trần', 10], ['Lê', 8], ['Phạm', 6], ['Hoàng', 4.5], ['Vũ', 4],
  ['Đặng', 3], ['Bùi', 3], ['Đỗ', 2.5], ['Ngô', 2], ['Phan', 2], ['Hồ', 1.5],
  ['Dương', 1.5], ['Đinh', 1.5], ['Tạ', 1.5], ['Lưu', 1.5], ['Trịnh', 1.5], ['Kiều', 1.5],
  ['Hà', 1.5], ['Đào', 1.5], ['Khổng', 1], ['Cao', 1], ['Chu', 1], ['Lý', 0.8],
];

const MALE_MIDDLE: readonly (readonly [string, number])[] = [
  ['Văn', 40], ['Đức', 8], ['Minh', 7], ['Quang', 6], ['Đình', 5], ['Hữu', 5], ['Xuân', 5],
  ['Công', 5], ['Thế', 4], ['Ngọc', 3], ['Anh', 3], ['Trọng', 3], ['Mạnh', 3], ['Tiến', 3],
  ['Duy', 3], ['Thanh', 3], ['Bá', 2], ['Việt', 2],
];

const FEMALE_MIDDLE: readonly (readonly [string, number])[] = [
  ['Thị', 45], ['Thu', 6], ['Ngọc', 5], ['Thanh', 5], ['Thị Thu', 5], ['Thị Hồng', 4],
  ['Thị Thanh', 4], ['Minh', 3], ['Thị Kim', 3], ['Hồng', 3], ['Phương', 3], ['Thị Minh', 3],
  ['Thị Ngọc', 2], ['Kim', 2], ['Mai', 2],
];

const MALE_GIVEN = [
  'Dũng', 'Hùng', 'Thắng', 'Cường', 'Đạt', 'Tuấn', 'Hải', 'Sơn', 'Bình', 'Toàn', 'Khánh',
  'Lộc', 'Long', 'Nam', 'Quân', 'Thành', 'Trung', 'Hiếu', 'Huy', 'Kiên', 'Mạnh', 'Nghĩa',
  'Phong', 'Quý', 'Tâm', 'Thịnh', 'Tiến', 'Trường', 'Vinh', 'Việt', 'Chiến', 'Hưng',
  'Thuận', 'Tùng', 'Quyết', 'Đông', 'Hòa', 'Lâm', 'Hiệp', 'Tú', 'Khải', 'Luân', 'Định',
  'Thanh', 'Hậu', 'Duy', 'Ninh', 'Sáng',
] as const;

const FEMALE_GIVEN = [
  'Hà', 'Lan', 'Hương', 'Huyền', 'Nga', 'Thảo', 'Trang', 'Yến', 'Loan', 'Phượng', 'Ngọc',
  'Hằng', 'Hoa', 'Hạnh', 'Liên', 'Linh', 'Mai', 'Nhung', 'Oanh', 'Thủy', 'Tuyết', 'Vân',
  'Xuân', 'Dung', 'Duyên', 'Giang', 'Hiền', 'Quyên', 'Thơm', 'Thúy', 'Nhàn', 'Chinh', 'Huệ',
  'Ánh', 'Thắm', 'Hường', 'Nguyệt', 'Phương', 'Lụa', 'Gấm',
] as const;

/**
 * Full names of well-known public figures that the lists above could produce. The
 * demo must not look like it is about real people, so these are re-drawn. (Ordinary
 * people share common names with any generated name; that cannot be avoided.)
 */
const AVOID_NAMES = new Set(
  [
    'Nguyễn Xuân Phúc', 'Nguyễn Văn Thắng', 'Nguyễn Văn Hùng', 'Nguyễn Mạnh Hùng',
    'Lê Minh Hưng', 'Đỗ Văn Chiến', 'Nguyễn Kim Sơn', 'Nguyễn Thị Hồng', 'Trần Hồng Hà',
    'Bùi Thanh Sơn', 'Nguyễn Thanh Long', 'Lê Thành Long', 'Nguyễn Duy Ngọc',
    'Nguyễn Trọng Nghĩa', 'Trần Văn Sơn', 'Nguyễn Quang Hải', 'Bùi Tiến Dũng',
    'Nguyễn Văn Toàn', 'Nguyễn Văn Quyết', 'Đỗ Hùng Dũng', 'Hoàng Xuân Vinh',
    'Nguyễn Tiến Linh', 'Nguyễn Văn Nên', 'Phạm Thị Thanh Trà', 'Nguyễn Thị Thanh',
    'Hồ Đức Phớc', 'Lê Minh Khái', 'Nguyễn Minh Châu', 'Trần Thanh Mẫn', 'Phạm Minh Chính',
    'Nguyễn Văn Thể', 'Nguyễn Chí Dũng', 'Lê Văn Thành', 'Trần Hồng Minh', 'Nguyễn Hồng Diên',
    'Đinh Tiến Dũng', 'Nguyễn Văn Bình', 'Nguyễn Thiện Nhân', 'Nguyễn Thị Kim Tiến',
  ].map(foldVietnamese),
);

interface Person {
  familyName: string;
  middleName: string;
  givenName: string;
}

function randomPerson(rng: Rng, gender: 'male' | 'female', birthYear: number): Person {
  // Older people overwhelmingly carry the plain Văn / Thị middle name.
  const old = birthYear < 1975;
  const middles = (gender === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE).map(
    ([m, w]) => [m, old && (m === 'Văn' || m === 'Thị') ? w * 3 : w] as const,
  );
  const givens = gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  for (;;) {
    const p: Person = {
      familyName: rng.weighted(FAMILY_NAMES),
      middleName: rng.weighted(middles),
      givenName: rng.pick(givens),
    };
    // "Ngọc Ngọc", "Thị Thanh Thanh" read as typos; re-draw.
    if (p.middleName.split(' ').at(-1) === p.givenName) continue;
    if (AVOID_NAMES.has(foldVietnamese(joinFullName(p)))) continue;
    return p;
  }
}

// ---------------------------------------------------------------------------
// Dates, cards, phones
// ---------------------------------------------------------------------------

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isoDate = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

/** Day 1–28 so the same day exists in every month and "+12 months" is always valid. */
function randomDateIn(rng: Rng, year: number, lastMonth = 12): string {
  return isoDate(year, rng.int(1, lastMonth), rng.int(1, 28));
}

function plusTwelveMonths(date: string): string {
  return `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
}

/** A date within the year before DEMO_REFERENCE_DATE, for probationary members. */
function recentDate(rng: Rng): string {
  const ref = Date.parse(`${DEMO_REFERENCE_DATE}T00:00:00Z`);
  const daysBack = rng.int(20, 360);
  return new Date(ref - daysBack * 86_400_000).toISOString().slice(0, 10);
}

/** Mobile prefixes in use in Vietnam (Viettel, Vinaphone, MobiFone…): 03x, 05x, 07x, 08x, 09x. */
const MOBILE_PREFIXES = [
  '032', '033', '034', '035', '036', '037', '038', '039', '056', '058', '070', '076', '077',
  '078', '079', '081', '082', '083', '084', '085', '086', '088', '089', '090', '091', '093',
  '094', '096', '097', '098',
] as const;

/** Draws unique card numbers and phones across the whole commune. */
class Identifiers {
  private readonly cards = new Set<string>();
  private readonly phones = new Set<string>();
  constructor(private readonly rng: Rng) {}

  cardNumber(): string {
    for (;;) {
      const card = String(this.rng.int(40_000_000, 49_999_999));
      if (!this.cards.has(card)) {
        this.cards.add(card);
        return card;
      }
    }
  }

  /** Written the way people write it: "0912 345 678". */
  phone(): string {
    for (;;) {
      const digits = this.rng.pick(MOBILE_PREFIXES) + pad(this.rng.int(0, 9_999_999), 7);
      const phone = `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------

interface CellSpec {
  key: string;
  name: string;
  /** Member count range; a fixed count when min === max. */
  size: readonly [number, number];
  maleShare: number;
  /** Birth years of ordinary members (exempt elders are drawn separately). */
  born: readonly [number, number];
  /** Village cells have elderly members excused from meetings (miễn sinh hoạt). */
  village: boolean;
  /** Mass organisations that take tasks from this cell, named after the village. */
  massOrgsFor?: string;
  /** The village a village cell stands for. */
  villageName?: string;
}

const village = (key: string, place: string, size: readonly [number, number], massOrgs = false): CellSpec => ({
  key,
  name: `Chi bộ thôn ${place}`,
  size,
  maleShare: 0.6,
  born: [1950, 2002],
  village: true,
  villageName: place,
  ...(massOrgs ? { massOrgsFor: place } : {}),
});

const CELLS: readonly CellSpec[] = [
  { key: 'cell-co-quan', name: 'Chi bộ Cơ quan Đảng ủy xã', size: [22, 22], maleShare: 0.55, born: [1968, 1998], village: false },
  { key: 'cell-ubnd', name: 'Chi bộ Cơ quan Ủy ban nhân dân xã', size: [16, 20], maleShare: 0.5, born: [1968, 1998], village: false },
  { key: 'cell-cong-an', name: 'Chi bộ Công an xã', size: [12, 15], maleShare: 0.8, born: [1975, 2000], village: false },
  { key: 'cell-quan-su', name: 'Chi bộ Quân sự xã', size: [12, 14], maleShare: 0.9, born: [1972, 2002], village: false },
  { key: 'cell-mam-non', name: 'Chi bộ Trường Mầm non', size: [12, 16], maleShare: 0.05, born: [1970, 2000], village: false },
  { key: 'cell-tieu-hoc', name: 'Chi bộ Trường Tiểu học', size: [13, 18], maleShare: 0.2, born: [1968, 2000], village: false },
  { key: 'cell-thcs', name: 'Chi bộ Trường Trung học cơ sở', size: [14, 20], maleShare: 0.3, born: [1968, 2000], village: false },
  { key: 'cell-tram-y-te', name: 'Chi bộ Trạm Y tế', size: [12, 13], maleShare: 0.35, born: [1970, 2000], village: false },
  village('cell-luu-quang', 'Lưu Quang', [27, 27], true),
  village('cell-dong-thu', 'Đồng Thứ', [24, 24], true),
  ...Array.from({ length: 15 }, (_, i) => village(`cell-thon-so-${pad(i + 1)}`, `Số ${i + 1}`, [14, 30])),
];

/** Mass organisations under a village cell; `gender`/`born` make the contact person plausible. */
const MASS_ORGS = [
  { suffix: 'nong-dan', name: 'Chi hội Nông dân thôn', gender: null, born: [1960, 1985] },
  { suffix: 'phu-nu', name: 'Chi hội Phụ nữ thôn', gender: 'female', born: [1965, 1990] },
  { suffix: 'cuu-chien-binh', name: 'Chi hội Cựu chiến binh thôn', gender: 'male', born: [1950, 1970] },
  { suffix: 'thanh-nien', name: 'Chi đoàn Thanh niên thôn', gender: null, born: [1994, 2002] },
  { suffix: 'mat-tran', name: 'Ban Công tác Mặt trận thôn', gender: null, born: [1955, 1975] },
] as const;

/** A member before its key is known (keys follow roster order, assigned after sorting). */
type DraftMember = Omit<DemoMember, 'key'>;

function draftMember(
  rng: Rng,
  ids: Identifiers,
  spec: CellSpec,
  status: DemoMember['status'],
  taken: Set<string>,
): DraftMember {
  let birthYear: number;
  if (status === 'exempt') birthYear = rng.int(1950, 1957); // elders excused from meetings
  else if (status === 'probationary') birthYear = rng.int(Math.max(spec.born[0], 1988), spec.born[1]); // new members are young
  else birthYear = rng.int(spec.born[0], spec.born[1]);

  const gender = rng.chance(spec.maleShare) ? 'male' : 'female';
  let person: Person;
  do {
    person = randomPerson(rng, gender, birthYear);
  } while (taken.has(joinFullName(person))); // no two identical names in one cell
  taken.add(joinFullName(person));

  let joinedOn: string;
  if (status === 'probationary') {
    joinedOn = recentDate(rng);
  } else {
    // Admission from 18 full years (the +19 keeps that true whatever the birthday);
    // most people join young, a few in mid-life. Official members must have joined
    // at least a year before the reference date.
    const age = 19 + Math.floor(rng.float() ** 1.6 * 22);
    const year = Math.min(birthYear + age, 2025);
    joinedOn = year === 2025 ? randomDateIn(rng, 2025, 10) : randomDateIn(rng, year);
  }

  return {
    ...person,
    gender,
    birthYear,
    cardNumber: ids.cardNumber(),
    joinedOn,
    officialOn: status === 'probationary' ? null : plusTwelveMonths(joinedOn),
    status,
    // Elders are the likeliest to have no mobile phone on file.
    phone: rng.chance(status === 'exempt' ? 0.4 : 0.82) ? ids.phone() : null,
  };
}

function buildMembers(rng: Rng, ids: Identifiers, spec: CellSpec): DemoMember[] {
  const size = rng.int(spec.size[0], spec.size[1]);
  // 1–2 elders excused from meetings in about two village cells out of three, always in
  // Đồng Thứ so the flagship demo cell shows every status.
  const exempt = spec.village && (spec.key === 'cell-dong-thu' || rng.chance(0.65)) ? rng.int(1, 2) : 0;
  // About 5% probationary; Đồng Thứ always has one for the same reason.
  let probationary = 0;
  for (let i = exempt; i < size; i++) if (rng.chance(0.05)) probationary++;
  if (spec.key === 'cell-dong-thu') probationary = Math.max(probationary, 1);

  const taken = new Set<string>();
  const drafts: DraftMember[] = [];
  for (let i = 0; i < size; i++) {
    const status = i < exempt ? 'exempt' : i < exempt + probationary ? 'probationary' : 'official';
    drafts.push(draftMember(rng, ids, spec, status, taken));
  }
  // Roster order, as a cell secretary would list members.
  drafts.sort(compareVietnameseNames);
  return drafts.map((d, i) => ({ key: `${spec.key}-m${pad(i + 1)}`, ...d }));
}

/**
 * Pick a member for a role: the first in a fixed shuffle who is official, has a phone
 * (office holders are reachable) and was born in range. Throws rather than silently
 * producing an account without a person — with fixed data it either always works or
 * the tests catch it.
 */
function pickMember(
  rng: Rng,
  unit: DemoUnit,
  used: Set<string>,
  born: readonly [number, number],
): DemoMember {
  const order = [...unit.members];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const found = order.find(
    (m) =>
      !used.has(m.key) &&
      m.status === 'official' &&
      m.phone !== null &&
      m.birthYear >= born[0] &&
      m.birthYear <= born[1],
  );
  if (!found) throw new Error(`demo data: no suitable member in ${unit.key}`);
  used.add(found.key);
  return found;
}

const fullName = (m: Person): string => joinFullName(m);

/** Build the demo commune. Same result on every call. */
export function buildDemoCommune(): DemoCommune {
  // Any seed gives valid data; this one was kept because its draw lands close to the
  // intended mix (≈55% men, ≈5% probationary, ≈80% with a phone). Changing it reshuffles
  // every name, so screenshots and docs that show demo people would need updating.
  const rng = new Rng(3);
  const ids = new Identifiers(rng);

  const commune: DemoUnit = {
    key: 'commune',
    parentKey: null,
    kind: 'commune',
    name: 'Đảng bộ xã Minh Quang',
    code: 'MQ',
    contactName: null, // filled in once the office clerk is chosen
    contactPhone: null,
    villageName: null,
    members: [],
  };
  const units: DemoUnit[] = [commune];
  const byKey = new Map<string, DemoUnit>();
  const used = new Set<string>(); // members already holding an office below
  const secretaries = new Map<string, DemoMember>();

  CELLS.forEach((spec, i) => {
    const cell: DemoUnit = {
      key: spec.key,
      parentKey: commune.key,
      kind: 'cell',
      name: spec.name,
      code: `MQ-${pad(i + 1)}`,
      contactName: null,
      contactPhone: null,
      villageName: spec.villageName ?? null,
      members: buildMembers(rng, ids, spec),
    };
    // The cell's contact is its secretary.
    const secretary = pickMember(rng, cell, used, [1960, 1990]);
    cell.contactName = fullName(secretary);
    cell.contactPhone = secretary.phone;
    secretaries.set(cell.key, secretary);
    units.push(cell);
    byKey.set(cell.key, cell);

    // Mass organisations follow their cell, keeping parents before children.
    if (spec.massOrgsFor) {
      for (const org of MASS_ORGS) {
        const born = rng.int(org.born[0], org.born[1]);
        const gender = org.gender ?? (rng.chance(0.6) ? 'male' : 'female');
        units.push({
          key: `${spec.key}-${org.suffix}`,
          parentKey: cell.key,
          kind: 'mass_org',
          name: `${org.name} ${spec.massOrgsFor}`,
          code: null,
          contactName: fullName(randomPerson(rng, gender, born)),
          contactPhone: ids.phone(),
          villageName: null,
          members: [],
        });
      }
    }
  });

  const coQuan = byKey.get('cell-co-quan')!;
  const dongThu = byKey.get('cell-dong-thu')!;
  const luuQuang = byKey.get('cell-luu-quang')!;

  // A cell's secretary is the contact already chosen for it above.
  const secretaryOf = (cell: DemoUnit): DemoMember => secretaries.get(cell.key)!;

  const account = (
    username: string,
    member: DemoMember,
    roles: DemoAccount['roles'],
  ): DemoAccount => ({ username, displayName: fullName(member), memberKey: member.key, roles });

  const bithuDangbo = pickMember(rng, coQuan, used, [1966, 1980]);
  const ubkt = pickMember(rng, coQuan, used, [1970, 1988]);
  const vanphong = pickMember(rng, coQuan, used, [1985, 1998]);
  const dangvienDongThu = pickMember(rng, dongThu, used, [1955, 2002]);

  commune.contactName = fullName(vanphong);
  commune.contactPhone = vanphong.phone;

  const accounts: DemoAccount[] = [
    account('bithu.dangbo', bithuDangbo, [
      { role: 'party_committee', unitKey: 'commune' },
      { role: 'member', unitKey: coQuan.key },
    ]),
    account('ubkt', ubkt, [
      { role: 'inspection', unitKey: 'commune' },
      { role: 'member', unitKey: coQuan.key },
    ]),
    account('vanphong', vanphong, [
      { role: 'office', unitKey: 'commune' },
      { role: 'member', unitKey: coQuan.key },
    ]),
    account('bithu.dongthu', secretaryOf(dongThu), [
      { role: 'cell_secretary', unitKey: dongThu.key },
      { role: 'member', unitKey: dongThu.key },
    ]),
    account('dangvien.dongthu', dangvienDongThu, [{ role: 'member', unitKey: dongThu.key }]),
    account('bithu.luuquang', secretaryOf(luuQuang), [
      { role: 'cell_secretary', unitKey: luuQuang.key },
      { role: 'member', unitKey: luuQuang.key },
    ]),
  ];

  return { units, accounts };
}
