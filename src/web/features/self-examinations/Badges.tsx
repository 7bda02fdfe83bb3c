import './messages.js';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';
import type { FeedbackStatus, PlanItem, SelfExamStatus } from './api.js';

// Own colour pairs, each ≥ 7:1 text on its tint (as in components/Badges.tsx).
const GREEN: [string, string] = ['#e3f3e6', '#1b5e2b'];
const AMBER: [string, string] = ['#fff1d6', '#6e4300'];
const RED: [string, string] = ['#fbe3e3', '#8a1010'];
const BLUE: [string, string] = ['#e3edfb', '#17467d'];
const GREY: [string, string] = ['#eef1f4', '#212529'];
const PURPLE: [string, string] = ['#f1e6fa', '#55237f'];

const SELF_EXAM: Record<SelfExamStatus, [string, string]> = { draft: AMBER, submitted: BLUE, reviewed: GREEN };
const PLAN: Record<PlanItem['status'], [string, string]> = { open: BLUE, claimed: PURPLE, fixed: GREEN, returned: AMBER };
const FEEDBACK: Record<FeedbackStatus, [string, string]> = { open: AMBER, accepted: GREEN, explained: GREY };

/** Bản nháp / Đã nộp / Đã nhận xét. */
export function SelfExamStatusBadge({ status }: { status: SelfExamStatus }) {
  const { t } = useTranslation();
  const [bg, fg] = SELF_EXAM[status];
  return (
    <Tag bg={bg} fg={fg}>
      {t(`selfexam.status.${status}`)}
    </Tag>
  );
}

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

/** An item of the reference checklist nobody on the committee has compared with the official text yet. */
export function UnconfirmedTag() {
  const { t } = useTranslation();
  return (
    <Tag outline fg="#6e4300" wrap>
      {t('selfexam.checklist.unconfirmed')}
    </Tag>
  );
}

export function ConfirmedTag() {
  const { t } = useTranslation();
  return (
    <Tag bg={GREEN[0]} fg={GREEN[1]}>
      {t('selfexam.checklist.confirmed')}
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
