import './messages.js';
import './tasks.css';
import { useTranslation } from 'react-i18next';
import { BarMonthChart } from '../../components/BarMonthChart.js';
import { formatNumber } from '../../lib/format.js';
import type { BoardMonth } from './api.js';

/** Series colours, each ≥ 3:1 against white and apart in hue: on time, late, not done, not yet evaluated. */
const SERIES = [
  { key: 'onTime', colour: '#2f6b3a' },
  { key: 'late', colour: '#b35f00' },
  { key: 'notDone', colour: '#5c636a' },
  { key: 'open', colour: '#6a8cc0' },
] as const;
type SeriesKey = (typeof SERIES)[number]['key'];

/** Tasks still open (or not yet evaluated) among those due in the month. */
const openOf = (m: BoardMonth) => Math.max(0, m.due - m.onTime - m.late - m.notDone);
const valueOf = (m: BoardMonth, key: SeriesKey) => (key === 'open' ? openOf(m) : m[key]);

/**
 * Nhiệm vụ đến hạn theo tháng: one stacked bar per month of the tasks due in it — done on time
 * (exceeded included), late, not done, not yet evaluated.
 */
export function TaskMonthChart({ months, year }: { months: BoardMonth[]; year: number }) {
  const { t, i18n } = useTranslation();
  const num = (v: number) => formatNumber(v, i18n.language);
  const totalDue = months.reduce((s, m) => s + m.due, 0);
  const busiest = months.reduce<BoardMonth | null>((a, b) => (a === null || b.due > a.due ? b : a), null);
  return (
    <BarMonthChart
      months={months}
      monthOf={(m) => m.month}
      series={SERIES.map((s) => ({ key: s.key, colour: s.colour, label: t(`tasks.board.months.${s.key}`), value: (m: BoardMonth) => valueOf(m, s.key) }))}
      total={{ label: t('tasks.board.months.due'), value: (m) => m.due }}
      tipWidth={210}
      text={{
        title: t('tasks.board.months.svgTitle', { year }),
        tableCaption: t('tasks.board.months.table', { year }),
        desc:
          totalDue === 0 || !busiest
            ? t('tasks.board.months.descNone', { year })
            : t('tasks.board.months.desc', { year, due: num(totalDue), month: busiest.month, count: num(busiest.due) }),
        keyboardHint: t('tasks.board.months.keyboardHint'),
        point: (m) =>
          t('tasks.board.months.point', { month: m.month, due: num(m.due), onTime: num(m.onTime), late: num(m.late), notDone: num(m.notDone), open: num(openOf(m)) }),
        monthShort: (month) => t('tasks.board.months.monthShort', { month }),
        monthLong: (m) => t('tasks.board.months.monthN', { month: m.month }),
        monthHeader: t('tasks.board.months.month'),
        showTable: t('tasks.board.months.showTable'),
        hideTable: t('tasks.board.months.hideTable'),
        legend: t('tasks.board.months.legend'),
      }}
    />
  );
}
