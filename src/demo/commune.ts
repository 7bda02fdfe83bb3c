/**
 * The demo commune: Đảng bộ xã Minh Quang (huyện Tam Đảo, Vĩnh Phúc), whose 25 of 25
 * cells practise "tự soi, tự sửa". Unit names follow the real commune where the
 * source article names them (thôn Lưu Quang, thôn Đồng Thứ); everything else —
 * people, card numbers, phones — is generated.
 *
 * Deterministic on purpose: the PRNG is seeded inside `buildDemoCommune`, so every
 * call returns the same data and demo screenshots, e2e tests and docs stay stable.
 * The unit names and the name lists people are drawn from are in story/commune.json and
 * story/commune-names.json. Pure: no ids (the seeding code assigns ids and passwords).
 */
import type { Role } from '../domain/roles.js';
import { compareVietnameseNames, foldVietnamese, joinFullName } from '../domain/vietnamese.js';
import { Rng } from './random.js';
import { readStory } from './story.js';

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
// Names
// ---------------------------------------------------------------------------

/** The names people in the demo are drawn from (story/commune-names.json). */
interface NameLists {
  /** Family names, weighted roughly like the population of the northern midlands. */
  familyNames: readonly (readonly [string, number])[];
  /** Middle names with their weights (older people get Văn / Thị more often, see `randomPerson`). */
  maleMiddleNames: readonly (readonly [string, number])[];
  femaleMiddleNames: readonly (readonly [string, number])[];
  maleGivenNames: readonly string[];
  femaleGivenNames: readonly string[];
  /**
   * Full names of well-known public figures that the lists above could produce. The demo must
   * not look like it is about real people, so these are re-drawn. (Ordinary people share common
   * names with any generated name; that cannot be avoided.)
   */
  avoidNames: readonly string[];
}

const NAMES = readStory<NameLists>('commune-names');
const AVOID_NAMES = new Set(NAMES.avoidNames.map(foldVietnamese));

interface Person {
  familyName: string;
  middleName: string;
  givenName: string;
}

/** A plausible name for a person of that gender and age, never a public figure's (also drawn by the province bench). */
export function randomPerson(rng: Rng, gender: 'male' | 'female', birthYear: number): Person {
  // Older people overwhelmingly carry the plain Văn / Thị middle name.
  const old = birthYear < 1975;
  const middles = (gender === 'male' ? NAMES.maleMiddleNames : NAMES.femaleMiddleNames).map(
    ([m, w]) => [m, old && (m === 'Văn' || m === 'Thị') ? w * 3 : w] as const,
  );
  const givens = gender === 'male' ? NAMES.maleGivenNames : NAMES.femaleGivenNames;
  for (;;) {
    const p: Person = {
      familyName: rng.weighted(NAMES.familyNames),
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

/** The commune's units as story/commune.json tells them. */
interface CommuneStory {
  commune: { name: string; code: string };
  /** Office, police, military, school and health cells, in the commune's order. */
  officeCells: readonly Omit<CellSpec, 'village' | 'massOrgsFor' | 'villageName'>[];
  /** Village cells follow the offices; `name` says how a village cell is called ({thon}: the village). */
  villageCells: {
    name: string;
    maleShare: number;
    born: readonly [number, number];
    cells: readonly { key: string; village: string; size: readonly [number, number]; massOrgs?: boolean }[];
  };
  /** Mass organisations under a village cell; `gender`/`born` make the contact person plausible. */
  massOrgs: readonly MassOrgSpec[];
}

interface MassOrgSpec {
  suffix: string;
  /** Followed by the village's name. */
  name: string;
  gender: 'male' | 'female' | null;
  born: readonly [number, number];
}

const STORY = readStory<CommuneStory>('commune');

/** Every cell, offices first: a village cell is named after its village and has its elders. */
function cellSpecs(story: CommuneStory): CellSpec[] {
  const villages = story.villageCells;
  return [
    ...story.officeCells.map((c) => ({ ...c, village: false })),
    ...villages.cells.map((c) => ({
      key: c.key,
      name: villages.name.replace('{thon}', c.village),
      size: c.size,
      maleShare: villages.maleShare,
      born: villages.born,
      village: true,
      villageName: c.village,
      ...(c.massOrgs ? { massOrgsFor: c.village } : {}),
    })),
  ];
}

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

/** The units built so far, and the members already holding an office (each holds one). */
interface Roster {
  /** Parents before their children. */
  units: DemoUnit[];
  cells: Map<string, DemoUnit>;
  used: Set<string>;
  /** Each cell's secretary, its contact person. */
  secretaries: Map<string, DemoMember>;
}

/** Đảng bộ xã: the top unit; its contact (the office clerk) is chosen with the accounts. */
function communeUnit(story: CommuneStory): DemoUnit {
  return {
    key: 'commune',
    parentKey: null,
    kind: 'commune',
    name: story.commune.name,
    code: story.commune.code,
    contactName: null, // filled in once the office clerk is chosen
    contactPhone: null,
    villageName: null,
    members: [],
  };
}

/** A chi bộ with its members and its secretary (the contact), then its mass organisations. */
function addCell(rng: Rng, ids: Identifiers, roster: Roster, spec: CellSpec, position: number): void {
  const cell: DemoUnit = {
    key: spec.key,
    parentKey: 'commune',
    kind: 'cell',
    name: spec.name,
    code: `${STORY.commune.code}-${pad(position + 1)}`,
    contactName: null,
    contactPhone: null,
    villageName: spec.villageName ?? null,
    members: buildMembers(rng, ids, spec),
  };
  const secretary = pickMember(rng, cell, roster.used, [1960, 1990]);
  cell.contactName = fullName(secretary);
  cell.contactPhone = secretary.phone;
  roster.secretaries.set(cell.key, secretary);
  roster.units.push(cell);
  roster.cells.set(cell.key, cell);
  // Mass organisations follow their cell, keeping parents before children.
  if (spec.massOrgsFor) {
    for (const org of STORY.massOrgs) roster.units.push(massOrgUnit(rng, ids, spec, org, spec.massOrgsFor));
  }
}

/** A village's chi hội / chi đoàn under its cell: no members, a plausible contact person. */
function massOrgUnit(rng: Rng, ids: Identifiers, spec: CellSpec, org: MassOrgSpec, village: string): DemoUnit {
  const born = rng.int(org.born[0], org.born[1]);
  const gender = org.gender ?? (rng.chance(0.6) ? 'male' : 'female');
  return {
    key: `${spec.key}-${org.suffix}`,
    parentKey: spec.key,
    kind: 'mass_org',
    name: `${org.name} ${village}`,
    code: null,
    contactName: fullName(randomPerson(rng, gender, born)),
    contactPhone: ids.phone(),
    villageName: null,
    members: [],
  };
}

/**
 * The demo's sign-in accounts: the commune committee's secretary, inspection and office (the
 * office clerk also becomes the commune's contact), and the two cells of the article.
 */
function demoAccounts(rng: Rng, roster: Roster, commune: DemoUnit): DemoAccount[] {
  const coQuan = roster.cells.get('cell-co-quan')!;
  const dongThu = roster.cells.get('cell-dong-thu')!;
  const luuQuang = roster.cells.get('cell-luu-quang')!;
  // A cell's secretary is the contact already chosen for it.
  const secretaryOf = (cell: DemoUnit): DemoMember => roster.secretaries.get(cell.key)!;
  const account = (username: string, member: DemoMember, roles: DemoAccount['roles']): DemoAccount => ({
    username,
    displayName: fullName(member),
    memberKey: member.key,
    roles,
  });
  const member = (unit: DemoUnit) => ({ role: 'member' as const, unitKey: unit.key });

  const bithuDangbo = pickMember(rng, coQuan, roster.used, [1966, 1980]);
  const ubkt = pickMember(rng, coQuan, roster.used, [1970, 1988]);
  const vanphong = pickMember(rng, coQuan, roster.used, [1985, 1998]);
  const dangvienDongThu = pickMember(rng, dongThu, roster.used, [1955, 2002]);
  commune.contactName = fullName(vanphong);
  commune.contactPhone = vanphong.phone;

  return [
    account('bithu.dangbo', bithuDangbo, [{ role: 'party_committee', unitKey: commune.key }, member(coQuan)]),
    account('ubkt', ubkt, [{ role: 'inspection', unitKey: commune.key }, member(coQuan)]),
    account('vanphong', vanphong, [{ role: 'office', unitKey: commune.key }, member(coQuan)]),
    account('bithu.dongthu', secretaryOf(dongThu), [{ role: 'cell_secretary', unitKey: dongThu.key }, member(dongThu)]),
    account('dangvien.dongthu', dangvienDongThu, [member(dongThu)]),
    account('bithu.luuquang', secretaryOf(luuQuang), [{ role: 'cell_secretary', unitKey: luuQuang.key }, member(luuQuang)]),
  ];
}

/** Build the demo commune. Same result on every call. */
export function buildDemoCommune(): DemoCommune {
  // Any seed gives valid data; this one was kept because its draw lands close to the
  // intended mix (≈55% men, ≈5% probationary, ≈80% with a phone). Changing it reshuffles
  // every name, so screenshots and docs that show demo people would need updating.
  const rng = new Rng(3);
  const ids = new Identifiers(rng);
  const commune = communeUnit(STORY);
  const roster: Roster = { units: [commune], cells: new Map(), used: new Set(), secretaries: new Map() };
  cellSpecs(STORY).forEach((spec, i) => addCell(rng, ids, roster, spec, i));
  const accounts = demoAccounts(rng, roster, commune);
  return { units: roster.units, accounts };
}
