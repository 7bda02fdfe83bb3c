import { describe, it, expect } from 'vitest';
import { buildDemoCommune, DEMO_REFERENCE_DATE, type DemoMember } from './commune.js';
import { joinFullName } from '../domain/vietnamese.js';

const demo = buildDemoCommune();
const cells = demo.units.filter((u) => u.kind === 'cell');
const members: (DemoMember & { unitKey: string })[] = demo.units.flatMap((u) =>
  u.members.map((m) => ({ ...m, unitKey: u.key })),
);
const unit = (key: string) => {
  const u = demo.units.find((x) => x.key === key);
  if (!u) throw new Error(`no unit ${key}`);
  return u;
};
/** Has a letter outside plain ASCII — i.e. Vietnamese diacritics or đ. */
const hasDiacritics = (s: string): boolean => /[^\x00-\x7f]/.test(s);

describe('buildDemoCommune: units', () => {
  it('has the commune as the single root', () => {
    const roots = demo.units.filter((u) => u.parentKey === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ key: 'commune', kind: 'commune', name: 'Đảng bộ xã Minh Quang' });
    expect(demo.units[0]!.key).toBe('commune');
  });

  it('has exactly 25 cells, all directly under the commune', () => {
    expect(cells).toHaveLength(25);
    for (const c of cells) expect(c.parentKey).toBe('commune');
  });

  it('includes the named cells', () => {
    expect(unit('cell-luu-quang').name).toBe('Chi bộ thôn Lưu Quang');
    expect(unit('cell-dong-thu').name).toBe('Chi bộ thôn Đồng Thứ');
    expect(unit('cell-co-quan').kind).toBe('cell');
    const names = cells.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^Chi bộ /);
  });

  it('lists parents before children', () => {
    const seen = new Set<string>();
    for (const u of demo.units) {
      if (u.parentKey !== null) expect(seen.has(u.parentKey), `${u.key} → ${u.parentKey}`).toBe(true);
      seen.add(u.key);
    }
  });

  it('uses unique unit keys and codes', () => {
    const keys = demo.units.map((u) => u.key);
    expect(new Set(keys).size).toBe(keys.length);
    const codes = demo.units.map((u) => u.code).filter((c) => c !== null);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('puts five mass organisations with contacts under Đồng Thứ and Lưu Quang only', () => {
    const massOrgs = demo.units.filter((u) => u.kind === 'mass_org');
    expect(massOrgs).toHaveLength(10);
    for (const [cellKey, place] of [
      ['cell-dong-thu', 'Đồng Thứ'],
      ['cell-luu-quang', 'Lưu Quang'],
    ] as const) {
      const orgs = massOrgs.filter((u) => u.parentKey === cellKey);
      expect(orgs.map((o) => o.name).sort()).toEqual(
        [
          `Ban Công tác Mặt trận thôn ${place}`,
          `Chi hội Cựu chiến binh thôn ${place}`,
          `Chi hội Nông dân thôn ${place}`,
          `Chi hội Phụ nữ thôn ${place}`,
          `Chi đoàn Thanh niên thôn ${place}`,
        ].sort(),
      );
      for (const o of orgs) {
        expect(o.members).toEqual([]);
        expect(o.contactName).toMatch(/^\S+( \S+)+$/);
        expect(o.contactPhone).toMatch(/^0[35789]\d{2} \d{3} \d{3}$/);
      }
    }
  });

  it('gives every cell a contact who is one of its members', () => {
    for (const c of cells) {
      const names = c.members.map(joinFullName);
      expect(names).toContain(c.contactName);
      expect(c.contactPhone).not.toBeNull();
    }
  });
});

describe('buildDemoCommune: members', () => {
  it('gives each cell 12–30 members, and Đồng Thứ about 24', () => {
    for (const c of cells) {
      expect(c.members.length, c.key).toBeGreaterThanOrEqual(12);
      expect(c.members.length, c.key).toBeLessThanOrEqual(30);
    }
    expect(new Set(cells.map((c) => c.members.length)).size).toBeGreaterThan(5); // it varies
    expect(unit('cell-dong-thu').members.length).toBeGreaterThanOrEqual(22);
    expect(unit('cell-dong-thu').members.length).toBeLessThanOrEqual(26);
    // Only cells hold members.
    for (const u of demo.units) if (u.kind !== 'cell') expect(u.members).toEqual([]);
  });

  it('uses unique member keys and card numbers across the commune', () => {
    const keys = members.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of members) expect(m.key.startsWith(`${m.unitKey}-m`)).toBe(true);
    const cards = members.map((m) => m.cardNumber);
    expect(new Set(cards).size).toBe(cards.length);
    for (const c of cards) expect(c).toMatch(/^\d{8}$/);
  });

  it('has no duplicate full names within a cell', () => {
    for (const c of cells) {
      const names = c.members.map(joinFullName);
      expect(new Set(names).size, c.key).toBe(names.length);
    }
  });

  it('uses realistic Vietnamese names with diacritics', () => {
    for (const m of members) {
      expect(m.familyName).toMatch(/^\S+$/);
      expect(m.givenName).toMatch(/^\S+$/);
      expect(m.middleName).not.toBe('');
      // Composed (NFC) text, as a keyboard produces it.
      expect(joinFullName(m)).toBe(joinFullName(m).normalize('NFC'));
    }
    const withDiacritics = members.filter((m) => hasDiacritics(joinFullName(m)));
    expect(withDiacritics.length / members.length).toBeGreaterThan(0.9);
    expect(members.some((m) => m.familyName === 'Nguyễn')).toBe(true);
    expect(members.some((m) => m.familyName.startsWith('Đ'))).toBe(true);
    // Nguyễn is the most common family name.
    const counts = new Map<string, number>();
    for (const m of members) counts.set(m.familyName, (counts.get(m.familyName) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    expect(top[0]).toBe('Nguyễn');
    // Men never carry the feminine middle name Thị.
    expect(members.filter((m) => m.gender === 'male').some((m) => m.middleName.includes('Thị'))).toBe(false);
  });

  it('is about 55% male', () => {
    const share = members.filter((m) => m.gender === 'male').length / members.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.6);
  });

  it('has every status, with consistent dates', () => {
    const byStatus = (s: DemoMember['status']) => members.filter((m) => m.status === s);
    expect(byStatus('official').length).toBeGreaterThan(0);
    expect(byStatus('probationary').length).toBeGreaterThan(0);
    expect(byStatus('exempt').length).toBeGreaterThan(0);
    expect(byStatus('probationary').length / members.length).toBeLessThan(0.1);
    // Đồng Thứ, the cell shown in the demo, has all three.
    const dongThu = new Set(unit('cell-dong-thu').members.map((m) => m.status));
    expect([...dongThu].sort()).toEqual(['exempt', 'official', 'probationary']);

    const yearBefore = `${Number(DEMO_REFERENCE_DATE.slice(0, 4)) - 1}${DEMO_REFERENCE_DATE.slice(4)}`;
    for (const m of members) {
      expect(m.birthYear).toBeGreaterThanOrEqual(1950);
      expect(m.birthYear).toBeLessThanOrEqual(2002);
      expect(m.joinedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(m.joinedOn))).toBe(false);
      expect(Number(m.joinedOn.slice(0, 4)) - m.birthYear).toBeGreaterThanOrEqual(18);
      expect(m.joinedOn < DEMO_REFERENCE_DATE).toBe(true);
      if (m.status === 'probationary') {
        expect(m.officialOn).toBeNull();
        expect(m.joinedOn > yearBefore).toBe(true);
      } else {
        const expected = `${Number(m.joinedOn.slice(0, 4)) + 1}${m.joinedOn.slice(4)}`;
        expect(m.officialOn).toBe(expected);
        expect(m.officialOn! <= DEMO_REFERENCE_DATE).toBe(true);
      }
      if (m.status === 'exempt') expect(m.birthYear).toBeLessThan(1958);
    }
    // 1–2 exempt elders in the cells that have any.
    for (const c of cells) {
      expect(c.members.filter((m) => m.status === 'exempt').length).toBeLessThanOrEqual(2);
    }
    expect(cells.filter((c) => c.members.some((m) => m.status === 'exempt')).length).toBeGreaterThan(3);
  });

  it('gives about 80% a Vietnamese mobile number', () => {
    const phones = members.map((m) => m.phone).filter((p) => p !== null);
    expect(phones.length / members.length).toBeGreaterThan(0.7);
    expect(phones.length / members.length).toBeLessThan(0.9);
    for (const p of phones) expect(p).toMatch(/^0[35789]\d{2} \d{3} \d{3}$/);
    expect(new Set(phones).size).toBe(phones.length);
  });
});

describe('buildDemoCommune: accounts', () => {
  const memberByKey = new Map(members.map((m) => [m.key, m]));
  const unitKeys = new Set(demo.units.map((u) => u.key));

  it('has the six demo accounts with the agreed roles', () => {
    const roles = Object.fromEntries(
      demo.accounts.map((a) => [a.username, a.roles.map((r) => `${r.role}@${r.unitKey}`).sort()]),
    );
    expect(roles).toEqual({
      'bithu.dangbo': ['member@cell-co-quan', 'party_committee@commune'],
      ubkt: ['inspection@commune', 'member@cell-co-quan'],
      vanphong: ['member@cell-co-quan', 'office@commune'],
      'bithu.dongthu': ['cell_secretary@cell-dong-thu', 'member@cell-dong-thu'],
      'dangvien.dongthu': ['member@cell-dong-thu'],
      'bithu.luuquang': ['cell_secretary@cell-luu-quang', 'member@cell-luu-quang'],
    });
  });

  it('links each account to a distinct official member of its cell', () => {
    const seen = new Set<string>();
    for (const a of demo.accounts) {
      expect(a.memberKey).not.toBeNull();
      const m = memberByKey.get(a.memberKey!);
      expect(m, a.username).toBeDefined();
      expect(m!.status).toBe('official');
      expect(a.displayName).toBe(joinFullName(m!));
      // The member role sits on the cell the person belongs to.
      const memberRole = a.roles.find((r) => r.role === 'member');
      expect(memberRole?.unitKey).toBe(m!.unitKey);
      for (const r of a.roles) expect(unitKeys.has(r.unitKey)).toBe(true);
      expect(seen.has(m!.key)).toBe(false);
      seen.add(m!.key);
    }
  });

  it('makes the cell secretaries the contacts of their cells', () => {
    for (const [username, cellKey] of [
      ['bithu.dongthu', 'cell-dong-thu'],
      ['bithu.luuquang', 'cell-luu-quang'],
    ] as const) {
      const a = demo.accounts.find((x) => x.username === username)!;
      expect(unit(cellKey).contactName).toBe(a.displayName);
    }
  });

  it('carries no password or secret', () => {
    for (const a of demo.accounts) {
      expect(Object.keys(a).sort()).toEqual(['displayName', 'memberKey', 'roles', 'username']);
    }
  });
});

describe('buildDemoCommune: determinism', () => {
  it('returns deep-equal data on every call', () => {
    expect(buildDemoCommune()).toEqual(buildDemoCommune());
    expect(buildDemoCommune()).toEqual(demo);
  });

  it('returns fresh objects, so callers may mutate their copy', () => {
    const a = buildDemoCommune();
    a.units[0]!.name = 'changed';
    expect(buildDemoCommune().units[0]!.name).toBe('Đảng bộ xã Minh Quang');
  });
});
