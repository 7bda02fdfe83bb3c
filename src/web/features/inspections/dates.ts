// Date fields typed dd/mm/yyyy: parsed all at once, each problem named at its field.
import { parseDateInput } from '../../lib/format.js';

/**
 * Parses the typed dates: `required` ones must be there. Returns the ISO dates (null when empty) and
 * which fields are missing or invalid.
 */
export function parseDates<K extends string>(values: Record<K, string>, required: readonly NoInfer<K>[]): { dates: Record<K, string | null>; problems: Partial<Record<K, 'required' | 'invalid'>> } {
  const dates = {} as Record<K, string | null>;
  const problems: Partial<Record<K, 'required' | 'invalid'>> = {};
  for (const k of Object.keys(values) as K[]) {
    const d = parseDateInput(values[k]);
    if (d === 'invalid') problems[k] = 'invalid';
    else if (d === null && required.includes(k)) problems[k] = 'required';
    dates[k] = d === 'invalid' ? null : d;
  }
  return { dates, problems };
}
