import './messages.js';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';

// Own colour pairs, each ≥ 7:1 text on its tint (as in components/Badges.tsx).
const GREEN: [string, string] = ['#e3f3e6', '#1b5e2b'];
const AMBER: [string, string] = ['#fff1d6', '#6e4300'];
const RED: [string, string] = ['#fbe3e3', '#8a1010'];
const TEAL: [string, string] = ['#dff1ef', '#10534b'];

/** A directive's state for one cell: acknowledged, broken into tasks. */
export function AcknowledgedBadge({ acknowledged }: { acknowledged: boolean }) {
  const { t } = useTranslation();
  return acknowledged ? (
    <Tag bg={GREEN[0]} fg={GREEN[1]}>
      {t('commitments.directives.acknowledged')}
    </Tag>
  ) : (
    <Tag bg={AMBER[0]} fg={AMBER[1]}>
      {t('commitments.directives.notAcknowledged')}
    </Tag>
  );
}

/** The cell broke the directive into at least one task. */
export function ActedBadge() {
  const { t } = useTranslation();
  return (
    <Tag bg={TEAL[0]} fg={TEAL[1]}>
      {t('commitments.directives.acted')}
    </Tag>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Tag bg={RED[0]} fg={RED[1]}>
      {t('commitments.directives.overdue')}
    </Tag>
  );
}
