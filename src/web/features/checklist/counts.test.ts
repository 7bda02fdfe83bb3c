import { beforeAll, describe, expect, it } from 'vitest';
import i18n from 'i18next';
import type { ChecklistResponse } from '../../../features/checklist/schemas.js';
import { selfExaminationsVi } from '../self-examinations/messages.vi.js';
import { checklistVi } from './messages.vi.js';

/** The 27 manifestations in three groups and the 10 exemplary points, the first 5 of each list confirmed. */
const checklist = {
  groups: [
    ...['CT', 'DD', 'DB'].map((code) => ({ code, list: 'manifestation', items: Array.from({ length: 9 }, (_, i) => ({ id: `${code}${i + 1}`, confirmed: code === 'CT' && i < 5 })) })),
    { code: 'NG', list: 'exemplary', items: Array.from({ length: 10 }, (_, i) => ({ id: `NG${i + 1}`, confirmed: i < 5 })) },
  ],
} as unknown as ChecklistResponse;

let counts: typeof import('./counts.js');
beforeAll(async () => {
  await i18n.init({ lng: 'vi', fallbackLng: 'vi', resources: { vi: { translation: {} } }, initAsync: false });
  counts = await import('./counts.js'); // registers the checklist's words
});

describe('how many items, as people read it', () => {
  it('counts each list apart: "27 biểu hiện + 10 nội dung nêu gương", never "37 mục"', () => {
    const { countByList, itemsPhrase } = counts;
    expect(countByList(checklist)).toEqual({ manifestation: 27, exemplary: 10 });
    expect(itemsPhrase(i18n.t, countByList(checklist))).toBe('27 biểu hiện + 10 nội dung nêu gương');
    expect(itemsPhrase(i18n.t, countByList(checklist, (i) => !i.confirmed))).toBe('22 biểu hiện + 5 nội dung nêu gương');
    expect(itemsPhrase(i18n.t, countByList(checklist, (i) => i.id.startsWith('NG')))).toBe('10 nội dung nêu gương');
  });

  it('no message about the checklist counts its items as one sum of "mục" or spells out 27', () => {
    const texts = [
      checklistVi.checklist.unconfirmedNotice,
      selfExaminationsVi.form.awaitingConfirmation,
      selfExaminationsVi.form.manifestationsIntro,
      selfExaminationsVi.form.exemplaryIntro,
      selfExaminationsVi.submit.unmarked,
    ];
    expect(texts.filter((s) => /\{\{count\}\} mục|đủ 27 mục/.test(s))).toEqual([]);
  });
});
