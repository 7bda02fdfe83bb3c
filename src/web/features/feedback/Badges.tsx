import './messages.js';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';
import type { FeedbackStatus } from './api.js';

// Own colour pairs, each ≥ 7:1 text on its tint (as in components/Badges.tsx).
const GREEN: [string, string] = ['#e3f3e6', '#1b5e2b'];
const AMBER: [string, string] = ['#fff1d6', '#6e4300'];
const RED: [string, string] = ['#fbe3e3', '#8a1010'];
const GREY: [string, string] = ['#eef1f4', '#212529'];

const FEEDBACK: Record<FeedbackStatus, [string, string]> = { open: AMBER, accepted: GREEN, explained: GREY };

/** Chờ trả lời / Đã tiếp thu / Đã giải trình. */
export function FeedbackStatusBadge({ status }: { status: FeedbackStatus }) {
  const { t } = useTranslation();
  const [bg, fg] = FEEDBACK[status];
  return (
    <Tag bg={bg} fg={fg}>
      {t(`selfexam.feedbackStatus.${status}`)}
    </Tag>
  );
}

/** Feedback naming a grave manifestation: the cell committee and UBKT only. */
export function GraveTag() {
  const { t } = useTranslation();
  return (
    <Tag bg={RED[0]} fg={RED[1]} wrap>
      {t('selfexam.feedback.graveTag')}
    </Tag>
  );
}

export function AnonymousTag() {
  const { t } = useTranslation();
  return (
    <Tag bg={GREY[0]} fg={GREY[1]}>
      {t('selfexam.feedback.anonymousTag')}
    </Tag>
  );
}
