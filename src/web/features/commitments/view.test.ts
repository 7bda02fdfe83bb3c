import { describe, expect, it } from 'vitest';
import type { CommitmentSummary } from './api.js';
import { countCommitments } from '../../../domain/commitments.js';
import { confirmableIds, decimalText, groupBySection, parseDecimal } from './view.js';

let n = 0;
function line(over: Partial<CommitmentSummary> = {}): CommitmentSummary {
  n += 1;
  return {
    id: `c${n}`,
    unitId: 'cell',
    subjectKind: 'member',
    memberId: 'm1',
    subjectName: 'Nguyễn Văn An',
    year: 2022,
    section: 'duties',
    position: n,
    kind: 'measurable',
    title: `Chỉ tiêu ${n}`,
    targetValue: 10,
    measureUnit: 'hộ',
    direction: 'more',
    actualValue: null,
    evidence: null,
    percent: null,
    confirmedAt: null,
    confirmedByName: null,
    result: null,
    resultPercent: null,
    evaluationNote: null,
    earlyEvaluationReason: null,
    evaluatedAt: null,
    actions: [],
    ...over,
  };
}

describe('commitment lines on the page', () => {
  it('groups a pledge by section in the order of the pledge form, lines by position, empty sections left out', () => {
    const a = line({ section: 'directive_05', position: 1 });
    const b = line({ section: 'political_thought', position: 2 });
    const c = line({ section: 'political_thought', position: 1 });
    const groups = groupBySection([a, b, c]);
    expect(groups.map((g) => g.section)).toEqual(['political_thought', 'directive_05']);
    expect(groups[0]!.items.map((x) => x.id)).toEqual([c.id, b.id]);
  });

  it('counts confirmed, evaluated and each result (the server’s figures for a list)', () => {
    const counts = countCommitments([
      line({ confirmedAt: '2022-01-20T02:00:00Z', result: 'exceeded' }),
      line({ confirmedAt: '2022-01-20T02:00:00Z', result: 'achieved' }),
      line({ confirmedAt: '2022-01-20T02:00:00Z', result: 'not_achieved' }),
      line({ confirmedAt: '2022-01-20T02:00:00Z' }),
      line(),
    ]);
    expect(counts).toEqual({ total: 5, confirmed: 4, evaluated: 3, achieved: 1, exceeded: 1, notAchieved: 1 });
  });

  it('confirms in one call only the unconfirmed lines the caller may confirm', () => {
    const open = line({ actions: ['confirm', 'edit'] });
    const done = line({ actions: ['confirm'], confirmedAt: '2022-01-20T02:00:00Z' });
    const notMine = line({ actions: ['edit'] });
    expect(confirmableIds([open, done, notMine])).toEqual([open.id]);
  });
});

describe('numbers typed in the forms', () => {
  it('reads whole numbers and decimals with a point or a Vietnamese comma', () => {
    expect(parseDecimal('12')).toBe(12);
    expect(parseDecimal(' 2,5 ')).toBe(2.5);
    expect(parseDecimal('2.5')).toBe(2.5);
    expect(parseDecimal('')).toBeNull();
  });

  it('refuses what is not one non-negative number (thousands separators are ambiguous)', () => {
    for (const s of ['-1', '1.000,5', '1,000.5', 'mười', '1e3', '2,']) expect(parseDecimal(s)).toBe('invalid');
  });

  it('writes a number back in the language of the form', () => {
    expect(decimalText(2.5, 'vi')).toBe('2,5');
    expect(decimalText(2.5, 'en')).toBe('2.5');
    expect(decimalText(null, 'vi')).toBe('');
  });
});
