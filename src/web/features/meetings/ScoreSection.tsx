import './messages.js';
import '@mantine/core/styles/Table.layer.css';
import '@mantine/core/styles/NumberInput.layer.css';
import { useState } from 'react';
import { Button, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { Tag } from '../../components/Badges.js';
import { Notice } from '../../components/Notice.js';
import { formatNumber } from '../../lib/format.js';
import { usePhone } from '../../lib/usePhone.js';
import { meetingPath, useMeetingChanged, type MeetingDetail, type MeetingScore, type ScoreBody } from './api.js';
import { splitErrors, type RowErrors } from '../../lib/formHelpers.js';

interface Row {
  points: number | '';
  note: string;
}

const rowsOf = (score: MeetingScore): Record<string, Row> =>
  Object.fromEntries(score.items.map((i) => [i.code, { points: i.points ?? '', note: i.note ?? '' }]));
const signature = (score: MeetingScore) => JSON.stringify(score.items.map((i) => [i.code, i.points, i.note]));

/** The level a total reaches on the rubric: the highest threshold it meets. */
function levelOf(total: number, levels: MeetingScore['rubric']['levels']): string | null {
  return [...levels].sort((a, b) => b.min - a.min).find((l) => total >= l.min)?.name ?? null;
}

/**
 * Chấm điểm chất lượng sinh hoạt on the province's rubric: points per criterion, those measured
 * from the meeting's own data suggested ("tính từ dữ liệu"), the total and the level.
 */
export function ScoreSection({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  if (!m.score) {
    return (
      <Notice tone="info" title={t('meetings.score.noRubricTitle')}>
        <p className="ts-notice-text">{t('meetings.score.noRubric')}</p>
      </Notice>
    );
  }
  return <ScoreForm m={m} score={m.score} editable={m.allowedActions.includes('meeting.manage')} />;
}

function ScoreForm({ m, score, editable }: { m: MeetingDetail; score: MeetingScore; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const changed = useMeetingChanged();
  const [rows, setRows] = useState(() => rowsOf(score));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [synced, setSynced] = useState(() => signature(score));
  const [errors, setErrors] = useState<{ general: string | null; rows: RowErrors }>({ general: null, rows: {} });

  const serverSig = signature(score);
  if (serverSig !== synced && !dirty) {
    setSynced(serverSig);
    setRows(rowsOf(score));
  }

  const save = useMutation({
    mutationFn: (body: ScoreBody) => api<MeetingDetail>(meetingPath(m.id, '/score'), { method: 'PUT', body }),
    onSuccess: (detail) => {
      changed(m.id, detail);
      if (detail.score) {
        setRows(rowsOf(detail.score));
        setSynced(signature(detail.score));
      }
      setDirty(false);
      setSaved(true);
      setErrors({ general: null, rows: {} });
    },
    onError: (e) => {
      const split = splitErrors(e, 'items', [] as const, t('common.formErrors'));
      setErrors({ general: split.form.general, rows: split.rows });
    },
  });

  const set = (code: string, patch: Partial<Row>) => {
    setRows((r) => ({ ...r, [code]: { ...(r[code] ?? { points: '', note: '' }), ...patch } }));
    setDirty(true);
    setSaved(false);
  };
  const applySuggestions = () => {
    setRows((r) => {
      const next = { ...r };
      for (const item of score.items) if (item.suggested !== null) next[item.code] = { ...(next[item.code] ?? { note: '' }), points: item.suggested };
      return next;
    });
    setDirty(true);
    setSaved(false);
  };

  const criteria = score.rubric.criteria;
  const given = criteria.map((c) => rows[c.code]?.points).filter((p): p is number => typeof p === 'number');
  const total = given.reduce((s, p) => s + p, 0);
  const complete = given.length === criteria.length;
  const level = complete ? levelOf(total, score.rubric.levels) : null;
  const fmt = (n: number) => formatNumber(n, i18n.language);
  const hasSuggestions = score.items.some((i) => i.suggested !== null);

  function submit() {
    save.mutate({
      items: criteria.map((c) => {
        const row = rows[c.code];
        return { code: c.code, points: typeof row?.points === 'number' ? row.points : null, note: row?.note.trim() || null };
      }),
    });
  }

  const pointsInput = (code: string, max: number, i: number, label: string) => (
    <NumberInput
      label={label}
      labelProps={phone ? undefined : { className: 'ts-sr-only' }}
      value={rows[code]?.points ?? ''}
      onChange={(v) => set(code, { points: typeof v === 'number' ? v : v === '' ? '' : Number(String(v).replace(',', '.')) })}
      min={0}
      max={max}
      step={0.5}
      decimalScale={1}
      decimalSeparator={i18n.language === 'en' ? '.' : ','}
      clampBehavior="strict"
      allowNegative={false}
      error={errors.rows[i]?.points}
      w={phone ? 120 : 96}
    />
  );
  const noteInput = (code: string, i: number, label: string) => (
    <TextInput
      label={label}
      labelProps={phone ? undefined : { className: 'ts-sr-only' }}
      value={rows[code]?.note ?? ''}
      onChange={(e) => set(code, { note: e.currentTarget.value })}
      error={errors.rows[i]?.note}
      autoComplete="off"
    />
  );
  const suggestion = (code: string) => {
    const s = score.items.find((i) => i.code === code)?.suggested;
    return s === null || s === undefined ? null : (
      <Tag bg="#dff1ef" fg="#10534b">
        {t('meetings.score.fromData', { points: fmt(s) })}
      </Tag>
    );
  };
  const shownPoints = (code: string) => {
    const p = rows[code]?.points;
    return typeof p === 'number' ? fmt(p) : '—';
  };

  return (
    <section aria-labelledby="mt-score">
      <Title order={3} fz="h4" id="mt-score">
        {t('meetings.score.title')}
      </Title>
      <Text size="sm" mt={2}>
        {score.rubric.name}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('meetings.score.source', { source: score.rubric.source })}
      </Text>

      {editable && hasSuggestions && (
        <Group mb="sm">
          <Button variant="light" size="sm" onClick={applySuggestions}>
            {t('meetings.score.useSuggestions')}
          </Button>
        </Group>
      )}

      {phone ? (
        <ol className="ts-mt-criteria">
          {criteria.map((c, i) => (
            <li key={c.code}>
              <Text size="sm" fw={600}>
                {c.text}
              </Text>
              <Group gap="xs" mt={4}>
                <Text size="sm" c="dimmed">
                  {t('meetings.score.max', { points: fmt(c.points) })}
                </Text>
                {suggestion(c.code)}
              </Group>
              {editable ? (
                <Stack gap={6} mt={6}>
                  {pointsInput(c.code, c.points, i, t('meetings.score.points'))}
                  {noteInput(c.code, i, t('meetings.score.note'))}
                </Stack>
              ) : (
                <Text size="sm" mt={4}>
                  {t('meetings.score.points')}: <strong>{shownPoints(c.code)}</strong>
                  {rows[c.code]?.note ? ` · ${rows[c.code]!.note}` : ''}
                </Text>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('meetings.score.criterion')}</Table.Th>
                <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                  {t('meetings.score.maxHeader')}
                </Table.Th>
                <Table.Th scope="col">{t('meetings.score.suggested')}</Table.Th>
                <Table.Th scope="col">{t('meetings.score.points')}</Table.Th>
                <Table.Th scope="col">{t('meetings.score.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {criteria.map((c, i) => (
                <Table.Tr key={c.code}>
                  <Table.Td>{c.text}</Table.Td>
                  <Table.Td>{fmt(c.points)}</Table.Td>
                  <Table.Td>{suggestion(c.code) ?? <span className="ts-muted">—</span>}</Table.Td>
                  <Table.Td>{editable ? pointsInput(c.code, c.points, i, `${t('meetings.score.points')}: ${c.text}`) : shownPoints(c.code)}</Table.Td>
                  <Table.Td>{editable ? noteInput(c.code, i, `${t('meetings.score.note')}: ${c.text}`) : rows[c.code]?.note || ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}

      <div className="ts-mt-savebar" data-dirty={(editable && dirty) || undefined}>
        {errors.general && (
          <Notice tone="error" className="ts-mb">
            {errors.general}
          </Notice>
        )}
        <Group justify="space-between" gap="sm">
          <div role="status">
            <Text fw={700}>
              {t('meetings.score.total', { total: fmt(total), max: fmt(score.rubric.maxPoints) })}
              {level && ` · ${t('meetings.score.level', { level })}`}
            </Text>
            {!complete && (
              <Text size="sm" c="dimmed">
                {t('meetings.score.incomplete', { count: criteria.length - given.length })}
              </Text>
            )}
            {editable && (
              <Text size="sm" fw={600} c={dirty ? '#6e4300' : saved ? '#1b5e2b' : 'dimmed'}>
                {dirty ? t('meetings.agenda.unsaved') : saved ? t('meetings.agenda.saved') : ''}
              </Text>
            )}
          </div>
          {editable && (
            <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
              {t('meetings.score.save')}
            </Button>
          )}
        </Group>
      </div>
    </section>
  );
}
