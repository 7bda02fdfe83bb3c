import { useSearchParams } from 'react-router';
import { currentYear } from './time.js';

/** The years offered: next year (pledges are made at its start) back to six years ago, and the one shown. */
export function yearsAround(year: number): number[] {
  const now = currentYear();
  const years = new Set<number>([year]);
  for (let y = now + 1; y >= now - 6; y--) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/** The year in the address ("?year=2022") when it is a sensible one, else this year; setting it keeps the rest of the address. */
export function useYearParam(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : currentYear();
  const setYear = (y: number) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('year', String(y));
        return next;
      },
      { replace: true },
    );
  return [year, setYear];
}
