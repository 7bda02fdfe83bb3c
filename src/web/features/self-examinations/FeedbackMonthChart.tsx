import './messages.js';
import { useTranslation } from 'react-i18next';
import { BarMonthChart } from '../../components/BarMonthChart.js';
import { formatNumber } from '../../lib/format.js';
import type { StatsMonth } from './api.js';

const COLOUR = '#2f5f98';

/** '2022-04' → 4. */
const monthOf = (m: string) => Number(m.slice(5, 7));

/**
 * Góp ý theo tháng: one bar per month of the feedback given in it — whether "nể nang, ngại va
 * chạm" is fading shows as the bars grow.
 */
export function FeedbackMonthChart({ months, periodLabel }: { months: StatsMonth[]; periodLabel: string }) {
  const { t, i18n } = useTranslation();
  const num = (v: number) => formatNumber(v, i18n.language);
  const total = months.reduce((s, m) => s + m.feedback, 0);
  const busiest = months.reduce<StatsMonth | null>((a, b) => (a === null || b.feedback > a.feedback ? b : a), null);
  const monthLong = (m: StatsMonth) => t('selfexam.board.months.monthN', { month: monthOf(m.month), year: m.month.slice(0, 4) });
  return (
    <BarMonthChart
      months={months}
      monthOf={(m) => monthOf(m.month)}
      series={[{ key: 'feedback', colour: COLOUR, label: t('selfexam.board.months.feedback'), value: (m: StatsMonth) => m.feedback }]}
      plotHeight={150}
      tipWidth={150}
      text={{
        title: t('selfexam.board.months.svgTitle', { period: periodLabel }),
        tableCaption: t('selfexam.board.months.table', { period: periodLabel }),
        desc:
          total === 0 || !busiest
            ? t('selfexam.board.months.descNone', { period: periodLabel })
            : t('selfexam.board.months.desc', { period: periodLabel, total: num(total), month: monthOf(busiest.month), count: num(busiest.feedback) }),
        keyboardHint: t('selfexam.board.months.keyboardHint'),
        point: (m) => t('selfexam.board.months.point', { month: monthOf(m.month), count: num(m.feedback) }),
        monthShort: (month) => t('selfexam.board.months.monthShort', { month }),
        monthLong,
        monthHeader: t('selfexam.board.months.month'),
        showTable: t('selfexam.board.months.showTable'),
        hideTable: t('selfexam.board.months.hideTable'),
      }}
    />
  );
}
