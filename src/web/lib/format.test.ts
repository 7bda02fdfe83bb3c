import { describe, expect, it } from 'vitest';
import { formatRate } from './format.js';

describe('formatRate', () => {
  it('shows two decimals, and a small rate above zero with two significant digits, never as 0', () => {
    expect(formatRate(0.25, 'vi')).toBe('0,25');
    expect(formatRate(0, 'vi')).toBe('0');
    // Four feedbacks in a year in a commune of 700 members.
    expect(formatRate(4 / 700 / 12, 'vi')).toBe('0,00048');
    expect(formatRate(0.0104, 'en')).toBe('0.01');
    expect(formatRate(0.0099, 'en')).toBe('0.0099');
  });
});
