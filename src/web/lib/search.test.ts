import { describe, expect, it } from 'vitest';
import type { ComboboxParsedItem } from '@mantine/core';
import { foldOptionsFilter } from './search.js';

const villages: ComboboxParsedItem[] = [
  { group: 'Đảng bộ xã Minh Quang', items: [{ value: 'a', label: 'Đồng Thứ' }, { value: 'b', label: 'Lưu Quang' }, { value: 'c', label: 'Lưu Quang Hạ' }] },
  { group: 'Đảng bộ xã Hợp Châu', items: [{ value: 'd', label: 'Đồi Thông' }] },
];

describe('search in a pick', () => {
  it('finds a village typed without diacritics, under its commune, dropping empty groups', () => {
    expect(foldOptionsFilter({ options: villages, search: 'luu', limit: 50 })).toEqual([
      { group: 'Đảng bộ xã Minh Quang', items: [{ value: 'b', label: 'Lưu Quang' }, { value: 'c', label: 'Lưu Quang Hạ' }] },
    ]);
  });

  it('treats đ as d and ignores case in flat lists, keeping every option for an empty search', () => {
    const flat: ComboboxParsedItem[] = [{ value: '1', label: 'Nguyễn Văn Đông' }, { value: '2', label: 'Trần Thị Hoa' }];
    expect(foldOptionsFilter({ options: flat, search: 'DONG', limit: 10 })).toEqual([flat[0]]);
    expect(foldOptionsFilter({ options: flat, search: '  ', limit: 10 })).toEqual(flat);
  });

  it('shows at most the limit, across groups', () => {
    const found = foldOptionsFilter({ options: villages, search: 'o', limit: 2 });
    expect(found.flatMap((o) => ('group' in o ? o.items : [o]))).toHaveLength(2);
  });
});
