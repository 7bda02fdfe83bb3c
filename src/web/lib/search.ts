import type { ComboboxItem, ComboboxParsedItem, ComboboxParsedItemGroup, OptionsFilter } from '@mantine/core';
import { foldVietnamese } from '../../domain/vietnamese.js';

/**
 * The options filter of every searchable pick: ignores diacritics and đ/Đ ("luu" finds "Lưu
 * Quang", "dong" finds "Đông"), keeps groups (villages under their commune) and drops a group
 * left empty; at most `limit` options in all.
 */
export const foldOptionsFilter: OptionsFilter = ({ options, search, limit }) => {
  const q = foldVietnamese(search);
  if (!q) return options;
  const matches = (o: ComboboxItem) => foldVietnamese(o.label).includes(q);
  const found: ComboboxParsedItem[] = [];
  let left = limit;
  for (const o of options) {
    if (left <= 0) break;
    if ('group' in o) {
      const items = (o as ComboboxParsedItemGroup).items.filter(matches).slice(0, left);
      if (items.length > 0) found.push({ group: o.group, items });
      left -= items.length;
    } else if (matches(o)) {
      found.push(o);
      left -= 1;
    }
  }
  return found;
};
