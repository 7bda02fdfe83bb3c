import './messages.js';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';
import type { PlanItem } from './api.js';

// Own colour pairs, each ≥ 7:1 text on its tint (as in components/Badges.tsx).
const GREEN: [string, string] = ['#e3f3e6', '#1b5e2b'];
const AMBER: [string, string] = ['#fff1d6', '#6e4300'];
const RED: [string, string] = ['#fbe3e3', '#8a1010'];
const BLUE: [string, string] = ['#e3edfb', '#17467d'];
const PURPLE: [string, string] = ['#f1e6fa', '#55237f'];

const PLAN: Record<PlanItem['status'], [string, string]> = { open: BLUE, claimed: PURPLE, fixed: GREEN, returned: AMBER };

/** A plan item's state, and "Quá hạn" beside it when it is late. */
export function PlanItemBadges({ item }: { item: Pick<PlanItem, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  const [bg, fg] = PLAN[item.status];
  return (
    <>
      <Tag bg={bg} fg={fg}>
        {t(`selfexam.planStatus.${item.status}`)}
      </Tag>
      {item.overdue && (
        <Tag bg={RED[0]} fg={RED[1]}>
          {t('selfexam.planStatus.overdue')}
        </Tag>
      )}
    </>
  );
}
