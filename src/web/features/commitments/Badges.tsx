import './messages.js';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';
import type { CommitmentKind, CommitmentResult } from './api.js';

// Own colour pairs, each ≥ 7:1 text on its tint (as in components/Badges.tsx).
const GREEN: [string, string] = ['#e3f3e6', '#1b5e2b'];
const AMBER: [string, string] = ['#fff1d6', '#6e4300'];
const RED: [string, string] = ['#fbe3e3', '#8a1010'];
const BLUE: [string, string] = ['#e3edfb', '#17467d'];
const TEAL: [string, string] = ['#dff1ef', '#10534b'];
const GREY: [string, string] = ['#eef1f4', '#212529'];
const PURPLE: [string, string] = ['#f1e6fa', '#55237f'];

const RESULT: Record<CommitmentResult, [string, string]> = {
  exceeded: TEAL,
  achieved: GREEN,
  not_achieved: RED,
};

/** Định lượng / định tính. */
export function KindBadge({ kind }: { kind: CommitmentKind }) {
  const { t } = useTranslation();
  const [bg, fg] = kind === 'measurable' ? PURPLE : GREY;
  return (
    <Tag bg={bg} fg={fg}>
      {t(`commitments.kind.${kind}`)}
    </Tag>
  );
}

/** Đã xác nhận / chưa xác nhận (by the cell secretary, or the committee for a cell's own). */
export function ConfirmedBadge({ confirmed }: { confirmed: boolean }) {
  const { t } = useTranslation();
  return confirmed ? (
    <Tag bg={BLUE[0]} fg={BLUE[1]}>
      {t('commitments.line.confirmed')}
    </Tag>
  ) : (
    <Tag outline fg="#343a40">
      {t('commitments.line.unconfirmed')}
    </Tag>
  );
}

/** Year-end result: vượt, đạt, không đạt. */
export function ResultBadge({ result }: { result: CommitmentResult }) {
  const { t } = useTranslation();
  const [bg, fg] = RESULT[result];
  return (
    <Tag bg={bg} fg={fg}>
      {t(`commitments.result.${result}`)}
    </Tag>
  );
}

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
