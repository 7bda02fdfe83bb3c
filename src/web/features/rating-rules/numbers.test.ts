import { describe, expect, it } from 'vitest';
import { asPercent, asShare, numberIn } from './numbers.js';

describe('numbers of the rating rules as people type them', () => {
  it('reads a number with a comma or a point, empty as none, anything else or out of range as invalid', () => {
    expect(numberIn(' 12,5 ', 0, 100)).toBe(12.5);
    expect(numberIn('30', 0, 100)).toBe(30);
    expect(numberIn('', 0, 100)).toBeNull();
    expect(numberIn('-1', 0, 100)).toBe('invalid');
    expect(numberIn('101', 0, 100)).toBe('invalid');
    expect(numberIn('3e1', 0, 100)).toBe('invalid');
    expect(numberIn('49.9', 50, 99.99)).toBe('invalid');
  });

  it('shows a share as a percentage and types it back to the same share', () => {
    expect(asPercent(0.3)).toBe('30');
    expect(asPercent(null)).toBe('');
    expect(asPercent(2 / 3)).toBe('66.67');
    expect(asShare(30)).toBe(0.3);
    expect(asShare(Number(asPercent(0.2)))).toBe(0.2);
  });
});
