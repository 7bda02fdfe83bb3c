import './messages.js';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';

// Own colour pairs, each ≥ 7:1 text on its tint (as in components/Badges.tsx).
const GREEN: [string, string] = ['#e3f3e6', '#1b5e2b'];

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
