import './messages.js';
import './rubrics.css';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChevronRight } from '../../../components/icons.js';
import { formatDateTime } from '../../../lib/format.js';
import type { Rubric } from './api.js';
import { RubricView } from './RubricView.js';

interface Replaced {
  rubric: Rubric;
  /** When the next form of the same kind was loaded (the server keeps no separate date). */
  replacedAt: string | null;
}

/** Retired forms with the span they were in use: each one's own successor is the next newer of its kind. */
export function replacedForms(items: readonly Rubric[]): Replaced[] {
  const newestFirst = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return newestFirst
    .map((rubric, i) => {
      const successor = newestFirst.slice(0, i).reverse().find((r) => r.kind === rubric.kind);
      return { rubric, replacedAt: successor?.createdAt ?? null };
    })
    .filter((r) => r.rubric.retired);
}

const day = (ts: string) => formatDateTime(ts).slice(0, 10);

/** "Các mẫu đã được thay": folded, newest first; opening one shows it in full. */
export function RubricHistory({ items }: { items: readonly Rubric[] }) {
  const { t } = useTranslation();
  const replaced = replacedForms(items);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="rubric-history">
      <Stack gap="sm">
        <div>
          <Title order={2} fz={{ base: 'lg', sm: 'xl' }} id="rubric-history">
            {t('rubrics.history')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('rubrics.historyIntro')}
          </Text>
        </div>
        {replaced.length === 0 ? (
          <Text size="sm">{t('rubrics.historyNone')}</Text>
        ) : (
          <ul className="ts-rubric-history">
            {replaced.map(({ rubric, replacedAt }) => (
              <li key={rubric.id}>
                <details>
                  <summary>
                    <ChevronRight className="ts-rubric-chevron" />
                    <span>
                      <Text component="span" fw={600} size="sm" display="block">
                        {rubric.name}
                      </Text>
                      <Text component="span" size="sm" c="dimmed" display="block">
                        {t(`rubrics.kinds.${rubric.kind}`)} ·{' '}
                        {t('rubrics.usedFromTo', {
                          from: day(rubric.createdAt),
                          to: replacedAt ? day(replacedAt) : t('common.none'),
                        })}
                      </Text>
                    </span>
                  </summary>
                  <div className="ts-rubric-history-body">
                    <RubricView rubric={rubric} loadedAt={rubric.createdAt} titleOrder={4} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </Paper>
  );
}
