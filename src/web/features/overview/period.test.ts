import { describe, expect, it } from 'vitest';
import { datesOf, pickedOf, withKind } from './period.js';

describe('overview period picker', () => {
  it('a month, a quarter and a year as dates, and back', () => {
    expect(datesOf({ kind: 'month', year: 2024, part: 2 })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(datesOf({ kind: 'quarter', year: 2022, part: 2 })).toEqual({ from: '2022-04-01', to: '2022-06-30' });
    expect(datesOf({ kind: 'year', year: 2022, part: 1 })).toEqual({ from: '2022-01-01', to: '2022-12-31' });
    for (const p of [{ kind: 'month', year: 2024, part: 2 }, { kind: 'quarter', year: 2022, part: 2 }, { kind: 'year', year: 2022, part: 1 }] as const) {
      const d = datesOf(p);
      expect(pickedOf(d.from, d.to)).toEqual(p);
    }
    // Any other range is read as the month it starts in.
    expect(pickedOf('2022-04-10', '2022-05-20')).toEqual({ kind: 'month', year: 2022, part: 4 });
  });

  it('changing the kind keeps the moment: April is in Q2, Q2 starts with April', () => {
    expect(withKind({ kind: 'month', year: 2022, part: 4 }, 'quarter')).toEqual({ kind: 'quarter', year: 2022, part: 2 });
    expect(withKind({ kind: 'quarter', year: 2022, part: 2 }, 'month')).toEqual({ kind: 'month', year: 2022, part: 4 });
    expect(withKind({ kind: 'quarter', year: 2022, part: 2 }, 'year')).toEqual({ kind: 'year', year: 2022, part: 1 });
  });
});
