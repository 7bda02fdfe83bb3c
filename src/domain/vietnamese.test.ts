import { describe, it, expect } from 'vitest';
import {
  compareVietnameseNames,
  foldVietnamese,
  joinFullName,
  splitFullName,
  vietnameseSortKey,
  type NameParts,
} from './vietnamese.js';

/** Deterministic shuffle so a failing test always fails the same way. */
function shuffled<T>(items: readonly T[], seed = 12345): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const parts = (full: string): NameParts => splitFullName(full);
const key = (full: string): string => {
  const p = parts(full);
  return vietnameseSortKey(p.familyName, p.middleName, p.givenName);
};

describe('foldVietnamese', () => {
  it('ignores diacritics, đ and case', () => {
    expect(foldVietnamese('ĐỒNG THỨ')).toBe('dong thu');
    expect(foldVietnamese('Đồng Thứ')).toBe('dong thu');
    expect(foldVietnamese('dong thu')).toBe('dong thu');
    expect(foldVietnamese('đỒnG tHứ')).toBe('dong thu');
  });

  it('accepts decomposed (NFD) input', () => {
    const nfd = 'Đồng Thứ'.normalize('NFD');
    expect(nfd).not.toBe('Đồng Thứ');
    expect(foldVietnamese(nfd)).toBe('dong thu');
    expect(foldVietnamese('Nguyễn Thị Phượng'.normalize('NFD'))).toBe('nguyen thi phuong');
  });

  it('collapses and trims whitespace', () => {
    expect(foldVietnamese('  Lưu \t Quang\n ')).toBe('luu quang');
    expect(foldVietnamese('Chi\u00a0bộ   Lưu Quang')).toBe('chi bo luu quang');
    expect(foldVietnamese('')).toBe('');
  });
});

describe('vietnameseSortKey', () => {
  it('uses only printable ASCII that is safe to store and index', () => {
    for (const name of ['Nguyễn Văn An', 'Lê Thị Thu Hà', 'Đặng Ngọc Ượng', "H'Hen Niê", 'Zoë Wójcik']) {
      expect(key(name)).toMatch(/^[0-9a-z.-]+$/);
    }
    expect(key('Lê Thị Thu Hà').length).toBeLessThan(30);
  });

  it('is case-insensitive and normalisation-insensitive', () => {
    expect(vietnameseSortKey('NGUYỄN', 'VĂN', 'ĐẠT')).toBe(vietnameseSortKey('nguyễn', 'văn', 'đạt'));
    expect(vietnameseSortKey('Nguyễn'.normalize('NFD'), 'Văn', 'Đạt'.normalize('NFD'))).toBe(
      vietnameseSortKey('Nguyễn', 'Văn', 'Đạt'),
    );
  });

  it('orders given names by the Vietnamese alphabet', () => {
    const given = ['An', 'Anh', 'Ánh', 'Ba', 'Bình', 'Chi', 'Cường', 'Dũng', 'Đạt', 'Em'];
    const sorted = shuffled(given).sort((a, b) =>
      compareVietnameseNames({ familyName: 'Lê', middleName: 'Văn', givenName: a }, { familyName: 'Lê', middleName: 'Văn', givenName: b }),
    );
    expect(sorted).toEqual(given);
  });

  it('orders tones none, huyền, hỏi, ngã, sắc, nặng', () => {
    const tones = ['Ha', 'Hà', 'Hả', 'Hã', 'Há', 'Hạ'];
    const keys = shuffled(tones).map((g) => ({ g, k: vietnameseSortKey('', '', g) }));
    keys.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    expect(keys.map((x) => x.g)).toEqual(tones);
  });

  it('treats tones as secondary to every base letter of the part', () => {
    // Hạ (heaviest tone) still precedes Hai: letters decide first.
    expect(vietnameseSortKey('', '', 'Hạ') < vietnameseSortKey('', '', 'Hai')).toBe(true);
    expect(vietnameseSortKey('', '', 'Hà') < vietnameseSortKey('', '', 'Hải')).toBe(true);
    // …but the given name (letters and tones) outranks the middle name.
    expect(vietnameseSortKey('', 'Văn', 'Ha') < vietnameseSortKey('', 'An', 'Hà')).toBe(true);
  });

  it('treats a, ă, â (and o, ô, ơ; u, ư) as distinct letters', () => {
    expect(vietnameseSortKey('', '', 'Thanh') < vietnameseSortKey('', '', 'Thắng')).toBe(true);
    expect(vietnameseSortKey('', '', 'Thắng') < vietnameseSortKey('', '', 'Thâm')).toBe(true);
    expect(vietnameseSortKey('', '', 'Tú') < vietnameseSortKey('', '', 'Tư')).toBe(true);
    expect(vietnameseSortKey('', '', 'Tư') < vietnameseSortKey('', '', 'Tv')).toBe(true);
    expect(vietnameseSortKey('', '', 'Hồ') < vietnameseSortKey('', '', 'Hơ')).toBe(true);
  });

  it('puts a shorter name part first whatever follows it', () => {
    // "An" < "Anh" even though Vũ/Văn would beat Bùi/empty later in the key.
    expect(vietnameseSortKey('Vũ', 'Văn', 'An') < vietnameseSortKey('Bùi', '', 'Anh')).toBe(true);
    // An empty middle name comes first; a one-word middle name before a longer one.
    expect(vietnameseSortKey('Vũ', '', 'An') < vietnameseSortKey('An', 'An', 'An')).toBe(true);
    expect(vietnameseSortKey('Lê', 'Thị', 'Hà') < vietnameseSortKey('Lê', 'Thị Thu', 'Hà')).toBe(true);
    expect(vietnameseSortKey('Lê', 'Thị Thu', 'Hà') < vietnameseSortKey('Lê', 'Thịnh', 'Hà')).toBe(true);
  });

  it('sorts realistic full names exactly', () => {
    const expected = [
      'Phạm An',
      'Trần Đức An',
      'Lê Văn An',
      'Nguyễn Văn An',
      'Hoàng Thị Anh',
      'Đỗ Ngọc Ánh',
      'Bùi Văn Ba',
      'Vũ Thanh Bình',
      'Đinh Thị Chi',
      'Ngô Quốc Cường',
      'Đặng Tiến Dũng',
      'Dương Văn Đạt',
      'Lý Thị Em',
      'Lê Thị Hà',
      'Lê Thị Thu Hà',
      'Nguyễn Thu Hà',
      'Trần Thanh Hải',
      'Kiều Thị Hạnh',
      'Phan Mạnh Hùng',
      'Kiều Thị Hương',
      'Hồ Thị Nga',
      'Tạ Bích Ngọc',
      'Khổng Minh Sơn',
      'Lưu Văn Thanh',
      'Hà Đức Thắng',
      'Trịnh Văn Tú',
      'Nguyễn Văn Tư',
      'Đỗ Hải Yến',
    ];
    const byCompare = shuffled(expected).map(parts).sort(compareVietnameseNames).map(joinFullName);
    expect(byCompare).toEqual(expected);

    // The same order must come out of a byte-wise comparison, as SQLite BINARY and
    // PostgreSQL COLLATE "C" do it.
    const byBytes = shuffled(expected, 999)
      .map((n) => ({ n, k: Buffer.from(key(n), 'utf8') }))
      .sort((a, b) => Buffer.compare(a.k, b.k))
      .map((x) => x.n);
    expect(byBytes).toEqual(expected);
  });

  it('gives equal keys for the same name', () => {
    expect(compareVietnameseNames(parts('Nguyễn Văn An'), parts('nguyễn  văn AN'))).toBe(0);
  });
});

describe('splitFullName / joinFullName', () => {
  it('splits family, middle and given names', () => {
    expect(splitFullName('Nguyễn Văn An')).toEqual({ familyName: 'Nguyễn', middleName: 'Văn', givenName: 'An' });
    expect(splitFullName('Lê Thị Thu Hà')).toEqual({ familyName: 'Lê', middleName: 'Thị Thu', givenName: 'Hà' });
    expect(splitFullName('Trần Hùng')).toEqual({ familyName: 'Trần', middleName: '', givenName: 'Hùng' });
    expect(splitFullName('Hùng')).toEqual({ familyName: '', middleName: '', givenName: 'Hùng' });
    expect(splitFullName('   ')).toEqual({ familyName: '', middleName: '', givenName: '' });
  });

  it('trims, collapses spaces and normalises to NFC', () => {
    const p = splitFullName('  Lê   Thị \t Thu  Hà '.normalize('NFD'));
    expect(p).toEqual({ familyName: 'Lê', middleName: 'Thị Thu', givenName: 'Hà' });
    expect(p.familyName).toBe('Lê'.normalize('NFC'));
  });

  it('joins with single spaces, skipping an empty middle name', () => {
    expect(joinFullName({ familyName: 'Trần', middleName: '', givenName: 'Hùng' })).toBe('Trần Hùng');
    expect(joinFullName({ familyName: 'Lê', middleName: ' Thị  Thu ', givenName: 'Hà' })).toBe('Lê Thị Thu Hà');
  });

  it('round-trips', () => {
    for (const full of ['Nguyễn Văn An', 'Lê Thị Thu Hà', 'Trần Hùng', 'Hùng', 'Đặng Thị Hồng Nhung']) {
      expect(joinFullName(splitFullName(full))).toBe(full);
    }
    const p = { familyName: 'Kiều', middleName: 'Thị Hồng', givenName: 'Phượng' };
    expect(splitFullName(joinFullName(p))).toEqual(p);
  });
});
