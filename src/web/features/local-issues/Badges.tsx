import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';
import type { LocalIssueStatus } from './api.js';

const ISSUE_COLOURS: Record<LocalIssueStatus, [string, string]> = {
  new: ['#e3edfb', '#17467d'],
  in_progress: ['#fff1d6', '#6e4300'],
  resolved: ['#e3f3e6', '#1b5e2b'],
  unresolvable: ['#eceff1', '#37474f'],
};
export function IssueStatusBadge({ status }: { status: LocalIssueStatus }) {
  const { t } = useTranslation();
  const [bg, fg] = ISSUE_COLOURS[status];
  return (
    <span data-testid="issue-status" data-status={status}>
      <Tag bg={bg} fg={fg}>
        {t(`localissues.status.${status}`)}
      </Tag>
    </span>
  );
}
