// Pure helpers of the commitments screens: grouping, counting, reading numbers typed by people.
import { commitmentSections, type CommitmentSection } from '../../../shared/enums.js';
import type { CommitmentSummary } from './api.js';

export interface SectionGroup {
  section: CommitmentSection;
  items: CommitmentSummary[];
}

/** The lines of one pledge under its sections, in the order of the pledge form; empty sections left out. */
export function groupBySection(items: readonly CommitmentSummary[]): SectionGroup[] {
  return commitmentSections
    .map((section) => ({
      section,
      items: items.filter((c) => c.section === section).sort((a, b) => a.position - b.position),
    }))
    .filter((g) => g.items.length > 0);
}

/** Lines the caller may confirm that are not confirmed yet (a subject's "Xác nhận" sends them in one call). */
export function confirmableIds(items: readonly CommitmentSummary[]): string[] {
  return items.filter((c) => !c.confirmedAt && c.actions.includes('confirm')).map((c) => c.id);
}

/**
 * A number as people type it: "12", "12.5" or "12,5" (Vietnamese decimal comma). '' → null;
 * anything else (thousands separators included: they are ambiguous between the languages) → 'invalid'.
 */
export function parseDecimal(text: string): number | null | 'invalid' {
  const s = text.trim().replace(/\s+/g, '');
  if (s === '') return null;
  if (!/^\d+([.,]\d+)?$/.test(s)) return 'invalid';
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) && n <= 1e12 ? n : 'invalid';
}

/** A number back into a form field, in the UI language's decimal mark. */
export function decimalText(value: number | null | undefined, lng: string): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return lng === 'en' ? s : s.replace('.', ',');
}
