import './messages.js';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';
import type { SelfExamStatus } from './api.js';

// Own colour pairs, each ≥ 7:1 text on its tint (as in components/Badges.tsx).
const GREEN: [string, string] = ['#e3f3e6', '#1b5e2b'];
const AMBER: [string, string] = ['#fff1d6', '#6e4300'];
const BLUE: [string, string] = ['#e3edfb', '#17467d'];

const SELF_EXAM: Record<SelfExamStatus, [string, string]> = { draft: AMBER, submitted: BLUE, reviewed: GREEN };

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
