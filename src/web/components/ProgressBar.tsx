import './ProgressBar.css';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../lib/format.js';

/** A thin bar with the value written beside it (the bar alone says nothing to a screen reader). */
export function ProgressBar({ value, label, tone }: { value: number; label: string; tone?: 'late' | 'done' }) {
  const { i18n } = useTranslation();
  // The bar stops at 100 %; the number says how far past it (a commitment can exceed its target).
  const clamped = Math.max(0, Math.min(100, value));
  const text = formatPercent(value / 100, i18n.language);
  return (
    <div className="ts-tk-progress">
      <div
        className="ts-tk-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        aria-valuetext={text}
        data-tone={tone}
      >
        <div className="ts-tk-bar-fill" style={{ width: `${clamped}%` }} />
      </div>
      <span className="ts-tk-bar-value" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
