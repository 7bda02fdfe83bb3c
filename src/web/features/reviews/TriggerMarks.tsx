import '@mantine/core/styles/Checkbox.layer.css';
import { useState } from 'react';
import { Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { errorsAt } from '../../lib/forms.js';
import { reviewKeys, reviewPath, type ReviewDetail, type TriggerMarksResponse } from './api.js';
import { levelName } from './Parts.js';

type Marks = Record<string, { on: boolean; note: string }>;

const marksOf = (triggers: ReviewDetail['triggers']): Marks =>
  Object.fromEntries(triggers.filter((x) => x.manual).map((x) => [x.code, { on: x.mark !== null, note: x.mark?.note ?? '' }]));

/**
 * Đánh dấu trường hợp không hoàn thành nhiệm vụ: the cases the rules leave to people (concluded to
 * have degraded, a thing a member must not do, the duty to set an example broken), for the cell's
 * committee or the party committee to mark on a member's review, each with its basis. A mark caps
 * the level as a discipline record does; saving shows the levels the review now allows.
 */
export function TriggerMarksPanel({ detail }: { detail: ReviewDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manual = detail.triggers.filter((x) => x.manual);
  const [marks, setMarks] = useState<Marks>(() => marksOf(detail.triggers));
  const chosen = manual.filter((x) => marks[x.code]?.on);
  const body = { marks: chosen.map((x) => ({ code: x.code, note: marks[x.code]!.note })) };
  const save = useMutation({
    mutationFn: () => api<TriggerMarksResponse>(reviewPath(detail.id, '/trigger-marks'), { method: 'PUT', body }),
    onSuccess: (res) => {
      queryClient.setQueryData<ReviewDetail>(reviewKeys.detail(detail.id), (old) => old && { ...old, triggers: res.triggers, levels: res.levels });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all, predicate: (q) => !q.queryKey.includes('detail') });
    },
  });
  if (manual.length === 0) return null;
  const errors = save.isError ? errorsAt(save.error, (f) => /^marks\.\d+\.(code|note)$/.test(f), t('reviews.marks.failed')) : null;
  // The server names marks by their place in what was sent: back to each case's own row.
  const errorOf = (code: string) => {
    const i = chosen.findIndex((x) => x.code === code);
    return i < 0 ? undefined : (errors?.fields[`marks.${i}.note`] ?? errors?.fields[`marks.${i}.code`]);
  };
  const change = (code: string, next: Partial<{ on: boolean; note: string }>) => {
    save.reset();
    setMarks((m) => ({ ...m, [code]: { ...m[code]!, ...next } }));
  };
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`marks-${detail.id}`} data-testid="trigger-marks">
      <Stack gap="sm">
        <Title order={2} fz="h4" id={`marks-${detail.id}`}>
          {t('reviews.marks.title')}
        </Title>
        <Text size="sm">{t('reviews.marks.help')}</Text>
        {manual.map((x) => (
          <Stack key={x.code} gap={4}>
            <Checkbox
              label={t('reviews.form.triggerCap', { name: x.name, level: levelName(detail.levels, x.capsAt) })}
              description={t('reviews.form.triggerSource', { source: x.source })}
              checked={marks[x.code]?.on ?? false}
              onChange={(e) => change(x.code, { on: e.currentTarget.checked })}
            />
            {marks[x.code]?.on && (
              <Textarea
                label={t('reviews.marks.note')}
                description={t('reviews.marks.noteHint')}
                required
                autosize
                minRows={2}
                maxLength={2000}
                value={marks[x.code]!.note}
                onChange={(e) => change(x.code, { note: e.currentTarget.value })}
                error={errorOf(x.code)}
                ml={{ base: 0, sm: 'xl' }}
              />
            )}
          </Stack>
        ))}
        {errors?.general && (
          <Text size="sm" c="red.8" role="alert">
            {errors.general}
          </Text>
        )}
        <Group gap="sm">
          <Button size="sm" onClick={() => save.mutate()} loading={save.isPending}>
            {t('reviews.marks.save')}
          </Button>
          {save.isSuccess && (
            <Text size="sm" role="status">
              {t('reviews.marks.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
