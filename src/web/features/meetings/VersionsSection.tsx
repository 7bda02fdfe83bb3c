import './messages.js';
import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.js';
import type { MeetingDetail } from './api.js';

/** The approved versions of the minutes: who approved each, and who reopened it and why. */
export function VersionsSection({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mt-versions">
      <Title order={3} fz="h4" id="mt-versions" mb={4}>
        {t('meetings.versions.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('meetings.versions.hint')}
      </Text>
      <ol className="ts-mt-versions">
        {[...m.versions].reverse().map((v) => (
          <li key={v.version}>
            <Text fw={700}>{t('meetings.versions.version', { version: v.version })}</Text>
            <Text size="sm">
              {t('meetings.versions.approved', {
                at: formatDateTime(v.approvedAt),
                by: v.approvedByName ?? t('meetings.versions.unknown'),
              })}
            </Text>
            {v.reopenedAt && (
              <Text size="sm">
                {t('meetings.versions.reopened', {
                  at: formatDateTime(v.reopenedAt),
                  by: v.reopenedByName ?? t('meetings.versions.unknown'),
                })}
                {v.reopenReason && (
                  <>
                    {' '}
                    <span className="ts-muted">{t('meetings.versions.reason', { reason: v.reopenReason })}</span>
                  </>
                )}
              </Text>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
