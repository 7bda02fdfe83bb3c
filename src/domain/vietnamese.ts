/**
 * Vietnamese text helpers: diacritic-insensitive search folding, a byte-orderable
 * sort key for personal names, and splitting/joining full names.
 *
 * Pure functions only — no I/O — so they can run in the browser, the server and
 * migrations alike, and give the same answer everywhere.
 */

/** Parts of a Vietnamese personal name, in the order they are written. */
export interface NameParts {
  familyName: string;
  middleName: string;
  givenName: string;
}

/**
 * Fold text for search: "ĐỒNG THỨ", "Đồng Thứ" and "dong thu" all become "dong thu".
 *
 * đ/Đ must be mapped by hand because it is a letter of its own (U+0111), not d plus
 * a combining mark, so NFD leaves it alone.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------
// Sort key
// ---------------------------------------------------------------------------

/**
 * The Vietnamese alphabet with f, j, w, z slotted in Latin order so foreign names
 * still sort sensibly. Index in this list is the letter's primary weight.
 */
const ALPHABET = [
  'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm',
  'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
] as const;

/**
 * One ASCII character per letter, ascending in byte order. 33 letters fit in
 * 0-9a-w, so the key stays one byte per letter.
 */
const CODE_CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';
const LETTER_CODE = new Map<string, string>(ALPHABET.map((l, i) => [l, CODE_CHARS[i]!]));

/**
 * Separators, both below '0' so they sort before every letter code:
 * PART_SEP ends a run of letters or tones ("An" < "Anh" whatever follows), and
 * WORD_SEP (a space inside a part, e.g. middle name "Thị Thu") sorts after PART_SEP
 * so "Thị" < "Thị Thu", but before any letter so "Thị Thu" < "Thịnh".
 */
const PART_SEP = '-';
const WORD_SEP = '.';

/** Combining marks that turn a base letter into another letter of the alphabet. */
const LETTER_MODIFIER: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' }, // breve
  '\u0302': { a: 'â', e: 'ê', o: 'ô' }, // circumflex
  '\u031B': { o: 'ơ', u: 'ư' }, // horn
};

/**
 * Tone marks and their conventional order: ngang (none) = 0, huyền, hỏi, ngã, sắc, nặng.
 * U+0340/U+0341 (old "tone" grave/acute) canonically decompose to U+0300/U+0301 under
 * NFD, so they need no entry of their own.
 */
const TONE: Record<string, number> = {
  '\u0300': 1, // huyền — grave
  '\u0309': 2, // hỏi — hook above
  '\u0303': 3, // ngã — tilde
  '\u0301': 4, // sắc — acute
  '\u0323': 5, // nặng — dot below
};

/**
 * Encode one word as (letter codes, tone digit). Characters outside the alphabet
 * (apostrophes in names like "H'Hen", stray punctuation) are ignored, the way
 * dictionary collation ignores punctuation. A word with several tone marks (only in
 * malformed or foreign input) keeps the first.
 */
function encodeWord(word: string): { letters: string; tone: number } {
  let letters = '';
  let tone = 0;
  // NFD puts each base letter first, followed by its marks in canonical order;
  // we collect a base plus its marks before deciding which letter it is.
  const chars = [...word.normalize('NFD').toLowerCase()];
  for (let i = 0; i < chars.length; i++) {
    let base = chars[i]!;
    if (/\p{M}/u.test(base)) continue; // orphan mark with no base letter
    while (i + 1 < chars.length && /\p{M}/u.test(chars[i + 1]!)) {
      const mark = chars[++i]!;
      const modified = LETTER_MODIFIER[mark]?.[base];
      if (modified) base = modified;
      else if (mark in TONE && tone === 0) tone = TONE[mark]!;
      // other marks (diaeresis, cedilla… in foreign names) are ignored
    }
    const code = LETTER_CODE.get(base);
    if (code !== undefined) letters += code;
  }
  return { letters, tone };
}

/**
 * Encode one name part: base letters first, then one tone digit per word, so tones
 * only break ties between parts with identical letters (Ha < Hà < Hả < Hã < Há < Hạ,
 * while Hạ < Hai).
 */
function encodePart(part: string): string {
  const words = part
    .split(/[\s-]+/) // a hyphen inside a name separates words just like a space
    .map(encodeWord)
    .filter((w) => w.letters !== '');
  const letters = words.map((w) => w.letters).join(WORD_SEP);
  const tones = words.map((w) => String(w.tone)).join('');
  return letters + PART_SEP + tones;
}

/**
 * An ASCII key whose plain byte-wise order (JS `<`, SQLite BINARY, PostgreSQL
 * COLLATE "C") is the Vietnamese order of people: given name, then middle name,
 * then family name; each compared by Vietnamese letters first and tones second,
 * ignoring case.
 *
 * Layout: given-letters - given-tones - middle-letters - middle-tones - family-letters - family-tones
 * When two keys agree on a part's letters they have the same number of words, so the
 * tone runs have equal length and the following separators line up.
 */
export function vietnameseSortKey(familyName: string, middleName: string, givenName: string): string {
  return [givenName, middleName, familyName].map(encodePart).join(PART_SEP);
}

/** Compare two people in Vietnamese name order — the same order the stored key gives. */
export function compareVietnameseNames(a: NameParts, b: NameParts): number {
  const ka = vietnameseSortKey(a.familyName, a.middleName, a.givenName);
  const kb = vietnameseSortKey(b.familyName, b.middleName, b.givenName);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Splitting and joining full names
// ---------------------------------------------------------------------------

/**
 * Split a full name written the Vietnamese way (family first, given last):
 * "Lê Thị Thu Hà" → { familyName: "Lê", middleName: "Thị Thu", givenName: "Hà" }.
 * A single word is taken as the given name (the part people are called by and
 * sorted on). NFC so names typed on different keyboards (some emit NFD) compare equal.
 */
export function splitFullName(full: string): NameParts {
  const words = full.normalize('NFC').trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return { familyName: '', middleName: '', givenName: '' };
  if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0]! };
  return {
    familyName: words[0]!,
    middleName: words.slice(1, -1).join(' '),
    givenName: words[words.length - 1]!,
  };
}

/** "Family Middle Given" with single spaces; empty parts (usually the middle name) are skipped. */
export function joinFullName(parts: NameParts): string {
  return [parts.familyName, parts.middleName, parts.givenName]
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p !== '')
    .join(' ');
}
