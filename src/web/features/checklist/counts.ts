import './messages.js';
import type { TFunction } from 'i18next';
import type { ChecklistItem, ChecklistResponse } from '../../../features/checklist/schemas.js';

/** Items of each list of the checklist: the manifestations (27) and the exemplary points (10). */
export interface ListCounts {
  manifestation: number;
  exemplary: number;
}

/** How many items of each list pass `keep`. People read the two numbers, never one sum of both. */
export function countByList(checklist: Pick<ChecklistResponse, 'groups'>, keep: (item: ChecklistItem) => boolean = () => true): ListCounts {
  const counts: ListCounts = { manifestation: 0, exemplary: 0 };
  for (const group of checklist.groups) counts[group.list] += group.items.filter(keep).length;
  return counts;
}

/** "27 biểu hiện + 10 nội dung nêu gương"; a list with nothing to count is left out. */
export function itemsPhrase(t: TFunction, counts: ListCounts): string {
  const parts: string[] = [];
  if (counts.manifestation > 0) parts.push(t('selfexam.checklist.count.manifestation', { count: counts.manifestation }));
  if (counts.exemplary > 0) parts.push(t('selfexam.checklist.count.exemplary', { count: counts.exemplary }));
  return parts.join(' + ');
}
