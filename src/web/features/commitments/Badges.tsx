import './messages.js';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';
import type { CommitmentKind, CommitmentResult } from './api.js';

// Own colour pairs, each ≥ 7:1 text on its tint (as in components/Badges.tsx).
const GREEN: [string, string] = ['#e3f3e6', '#1b5e2b'];
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
