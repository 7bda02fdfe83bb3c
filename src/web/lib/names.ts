/** "Chi bộ thôn Đồng Thứ" → "thôn Đồng Thứ": where the heading already says they are cells. */
export function shortCellName(name: string): string {
  const short = name.replace(/^Chi bộ\s+/u, '');
  return short.length > 0 ? short : name;
}
