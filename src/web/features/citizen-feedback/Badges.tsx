import './messages.js';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';
import type { CitizenFeedbackStatus } from './api.js';

const FEEDBACK_COLOURS: Record<CitizenFeedbackStatus, [string, string]> = {
  new: ['#e3edfb', '#17467d'],
  in_progress: ['#fff1d6', '#6e4300'],
  answered: ['#e3f3e6', '#1b5e2b'],
  closed: ['#eceff1', '#37474f'],
};

export function FeedbackStatusBadge({ status }: { status: CitizenFeedbackStatus }) {
  const { t } = useTranslation();
  const [bg, fg] = FEEDBACK_COLOURS[status];
  return (
    <span data-testid="feedback-status" data-status={status}>
      <Tag bg={bg} fg={fg}>
        {t(`localissues.feedbackStatus.${status}`)}
      </Tag>
    </span>
  );
}
