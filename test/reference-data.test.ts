import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The reference files hold text people read beside the rules (a rubric's document, a category's
 * provenance, a checklist item's note): it must name documents and sources, never a file path,
 * and it must be in Vietnamese. English notes for developers sit beside it under other keys.
 */
const DIR = path.resolve(import.meta.dirname, '../reference');
/** Keys whose values the application stores and shows to people. */
const SHOWN = new Set(['source', 'text_source_vi', 'document', 'name', 'title']);

/** Something like "../shared/reference/x.json", "reference/x.json" or "src/a/b.ts". */
export const looksLikeFilePath = (s: string): boolean => /(^|[\s(:])\.{0,2}\/?[\w-]+\/[\w./-]*\.[a-z]{2,4}\b/i.test(s) || /\.(json|ts|js|csv|xlsx)\b/i.test(s);

function shownStrings(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return SHOWN.has(key) ? [{ key, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v) => shownStrings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => shownStrings(v, k));
  return [];
}

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('reference data shown to people', () => {
  it('recognises a file path, and not a document number or a web site', () => {
    expect(looksLikeFilePath('../shared/reference/meeting-rubric-sample.json (bản mẫu)')).toBe(true);
    expect(looksLikeFilePath('reference/local-issue-categories.json: Categories…')).toBe(true);
    expect(looksLikeFilePath('Quy định 27-QĐ/TU ngày 30/10/2023 của Tỉnh ủy Nghệ An')).toBe(false);
    expect(looksLikeFilePath('Nghị định 335/2025/NĐ-CP')).toBe(false);
    expect(looksLikeFilePath('Trích nguyên văn theo baobinhphuoc.com.vn (18/01/2017) và plo.vn')).toBe(false);
  });

  it.each(files)('%s: no source, document or name shown to people looks like a file path', (file) => {
    const shown = shownStrings(JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')));
    expect(shown.filter((s) => looksLikeFilePath(s.text))).toEqual([]);
  });

  it('every checklist note has its Vietnamese wording, and that wording is not English', () => {
    for (const file of ['manifestations-27.json', 'exemplary-qd08.json']) {
      const data = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as { groups?: { items: Record<string, unknown>[] }[]; items?: Record<string, unknown>[] };
      const items = data.groups ? data.groups.flatMap((g) => g.items) : data.items!;
      for (const item of items) {
        expect(item.text_source_vi ?? null, `${file} ${String(item.title)}`).toSatisfy((vi: unknown) => (item.text_source ? typeof vi === 'string' && vi.length > 0 : vi === null));
        if (typeof item.text_source_vi === 'string') expect(item.text_source_vi).not.toMatch(/\b(quoted|paraphrase|verbatim|fragment|only|found)\b/);
      }
    }
  });

  it('every local-issue category says where it comes from', () => {
    const data = JSON.parse(fs.readFileSync(path.join(DIR, 'local-issue-categories.json'), 'utf8')) as { categories: { code: string; source?: string }[] };
    expect(data.categories.filter((c) => !c.source?.trim()).map((c) => c.code)).toEqual([]);
    expect(data.categories.map((c) => c.code)).toContain('giao_thong');
  });
  it('the inspection rules people read are in Vietnamese, their provenance included', () => {
    const data = JSON.parse(fs.readFileSync(path.join(DIR, 'inspection-qd296.json'), 'utf8')) as { discipline_notes: string[]; discipline_forms: Record<string, unknown>[]; kinds: Record<string, unknown>[] };
    const read = [...data.discipline_notes, ...data.discipline_forms.flatMap((f) => [f.source, f.deciding_bodies_source]), ...data.kinds.flatMap((k) => [k.source, k.note])].filter((v): v is string => typeof v === 'string');
    expect(read.filter((text) => /\b(per a|secondary source|press reports|since replaced|under QĐ)\b/i.test(text))).toEqual([]);
  });
  it('the rating rules people read are in Vietnamese, their provenance included', () => {
    type Named = { name: string; source?: string };
    const data = JSON.parse(fs.readFileSync(path.join(DIR, 'rating-qd366.json'), 'utf8')) as {
      document: string;
      guidance: string;
      score: { source: string; criterion_note: string; groups: (Named & { criteria: Named[] })[] };
      forms: (Named & { for: string })[];
      form_sections: Named[];
      levels: (Named & { conditions: string[] })[];
      triggers: Named[];
      quota: { rule: string; scope: string; override: string; source: string };
      vote: { text: string; rule: string; source: string };
      review_steps: Named[];
    };
    // What the rating rules page and the reviews show: every name, source, condition and rule.
    const named = (items: Named[]) => items.flatMap((i) => [i.name, i.source]);
    const read = [
      data.document,
      data.guidance,
      data.score.source,
      data.score.criterion_note,
      ...named(data.score.groups),
      ...data.score.groups.flatMap((g) => named(g.criteria)),
      ...named(data.forms),
      ...data.forms.map((f) => f.for),
      ...named(data.form_sections),
      ...named(data.levels),
      ...data.levels.flatMap((l) => l.conditions),
      ...named(data.triggers),
      data.quota.rule,
      data.quota.scope,
      data.quota.override,
      data.quota.source,
      data.vote.text,
      data.vote.rule,
      data.vote.source,
      ...named(data.review_steps),
    ].filter((v): v is string => typeof v === 'string');
    expect(read.length).toBeGreaterThan(40);
    expect(read.filter((text) => /\b(per a|secondary source|press reports|since replaced|under QĐ|as reported|stated in|kept by|not found|confirmed|the)\b/i.test(text))).toEqual([]);
  });
});
