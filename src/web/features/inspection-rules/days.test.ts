import { describe, expect, it } from 'vitest';
import { dayLines, dayRuns, parseDayLines } from './days.js';

// Tết 2026 (14–22/02), Giỗ Tổ (27/04), 30/4–1/5 and Quốc khánh (1–2/9), as the reference file has them.
const DAYS_2026 = ['2026-01-01', '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02'];

describe("a year's days off as people read and type them", () => {
  it('groups consecutive days into runs, across a month, in order, once each', () => {
    expect(dayRuns([...DAYS_2026].reverse().concat('2026-01-01'))).toEqual([
      { from: '2026-01-01', to: '2026-01-01', count: 1 },
      { from: '2026-02-14', to: '2026-02-22', count: 9 },
      { from: '2026-04-27', to: '2026-04-27', count: 1 },
      { from: '2026-04-30', to: '2026-05-01', count: 2 },
      { from: '2026-09-01', to: '2026-09-02', count: 2 },
    ]);
    expect(dayRuns(['2024-12-31', '2025-01-01'])).toEqual([{ from: '2024-12-31', to: '2025-01-01', count: 2 }]);
  });

  it('writes runs as lines dd/mm/yyyy and reads them back to the same days', () => {
    const lines = dayLines(DAYS_2026);
    expect(lines.split('\n')).toEqual(['01/01/2026', '14/02/2026 - 22/02/2026', '27/04/2026', '30/04/2026 - 01/05/2026', '01/09/2026 - 02/09/2026']);
    expect(parseDayLines(lines)).toEqual({ days: DAYS_2026, badLines: [] });
  });

  it('reads d/m/yyyy, ISO dates and "đến", skips blank lines, and names the lines it cannot read', () => {
    expect(parseDayLines('1/1/2026\n\n2026-09-02\n30/4/2026 đến 1/5/2026')).toEqual({ days: ['2026-01-01', '2026-04-30', '2026-05-01', '2026-09-02'], badLines: [] });
    // Not a date; 30 February; a run backwards; a slip of the year.
    expect(parseDayLines('Tết\n30/02/2026\n22/02/2026 - 14/02/2026\n01/01/2026 - 01/01/2036\n02/09/2026').badLines).toEqual([1, 2, 3, 4]);
  });
});
