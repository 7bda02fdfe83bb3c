import './messages.js';
import './styles.js';
import { useId, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, NativeSelect, NumberInput, Paper, Radio, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { leadUnitId, useAuthedMe } from '../../app/me.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { Disclosure } from '../../components/Disclosure.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { currentYear } from '../../lib/time.js';
import { yearsAround } from '../../lib/year.js';
import {
  cellBoardHref,
  periodPath,
  reviewKeys,
  usePeriod,
  usePeriodReviews,
  usePeriods,
  useRatings,
  useReviewsChanged,
  type CreatePeriodBody,
  type PeriodDetail,
  type PeriodSummary,
  type QuotaView,
  type RatingsResponse,
  type ReviewListItem,
} from './api.js';
import { PeriodPicker } from './Boards.js';
import { decisionDefault, decisionNeedsReason, decisionsBody, stepsToDate } from './decide.js';
import { levelName, UnconfirmedNotice } from './Parts.js';

/**
 * The committee's board (/ratings): the period, where each cell stands, the quota meter, the
 * decisions for submitted reviews, and the ratings of a year beside last year's.
 */
export default function RatingsPage() {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const unitId = leadUnitId(me, ['party_committee', 'inspection']);
  const [params, setParams] = useSearchParams();
  const periods = usePeriods(unitId);
  const periodId = params.get('period') ?? periods.data?.items[0]?.id ?? null;
  const period = usePeriod(periodId);
  useDocumentTitle(`${t('reviews.board.title')} · ${t('app.titleSuffix')}`);
  const setPeriod = (id: string) => setParams((p) => ({ ...Object.fromEntries(p), period: id }), { replace: true });
  if (periods.isError) return <PageLoadError error={periods.error} onRetry={() => void periods.refetch()} />;
  return (
    <Stack gap="md" className="ts-page ts-rv-page">
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {t('reviews.board.title')}
        </Title>
        <Text c="dimmed">{t('reviews.board.intro')}</Text>
      </div>
      {periods.isPending ? (
        <Skeleton h={60} />
      ) : (
        <>
          {periods.data.items.length > 0 && periodId && <PeriodPicker periods={periods.data.items} value={periodId} onChange={setPeriod} />}
          {periods.data.mayOpen.length > 0 && <OpenPeriodForm unitId={periods.data.mayOpen[0]!.unitId} latest={periods.data.items[0]} onOpened={setPeriod} />}
          {periods.data.items.length === 0 && <Text c="dimmed">{t('reviews.board.noPeriod')}</Text>}
        </>
      )}
      {period.isError && <PageLoadError error={period.error} onRetry={() => void period.refetch()} />}
      {period.data && (
        <>
          <UnconfirmedNotice rules={period.data.unconfirmed} />
          <QuotaMeter quota={period.data.quota} />
          <CellsTable period={period.data} />
          {period.data.actions.includes('decide') && <DecisionTable key={period.data.id} period={period.data} />}
        </>
      )}
      {unitId && <YearRatings unitId={unitId} />}
    </Stack>
  );
}

/** "Mở đợt kiểm điểm": kind, year (and quarter), one date per step of the rules. */
function OpenPeriodForm({ unitId, latest, onOpened }: { unitId: string; latest: PeriodSummary | undefined; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const steps = stepsToDate(latest);
  const [kind, setKind] = useState<'year' | 'quarter'>('year');
  const [year, setYear] = useState<number>(currentYear());
  const [quarter, setQuarter] = useState('4');
  const [dates, setDates] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const open = useMutation({
    mutationFn: (body: CreatePeriodBody) => api<PeriodDetail>('/review-periods', { method: 'POST', body }),
    onSuccess: (p) => {
      setErrors({});
      setGeneral(null);
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      onOpened(p.id);
    },
    onError: (e) => {
      if (isApiError(e, 400) && e.fields.length > 0) {
        const byField: Record<string, string> = {};
        for (const f of e.fields) {
          const m = /^steps\.(\d+)\./.exec(f.field);
          byField[m ? `step:${steps[Number(m[1])]?.code}` : f.field] = f.message;
        }
        setErrors(byField);
        setGeneral(byField.steps ?? null);
        return;
      }
      setGeneral(isApiError(e) ? e.message : t('errors.network'));
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    open.mutate({
      unitId,
      kind,
      year,
      ...(kind === 'quarter' ? { quarter: Number(quarter) } : {}),
      steps: steps.filter((s) => dates[s.code]).map((s) => ({ code: s.code, dueOn: dates[s.code]! })),
    });
  }
  return (
    <Disclosure label={t('reviews.open.title')}>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={submit} noValidate aria-label={t('reviews.open.title')}>
          <Stack gap="sm">
            <Radio.Group label={t('reviews.open.kind')} value={kind} onChange={(v) => setKind(v as 'year' | 'quarter')}>
              <Group gap="md" mt={4}>
                <Radio value="year" label={t('reviews.open.kindYear')} />
                <Radio value="quarter" label={t('reviews.open.kindQuarter')} />
              </Group>
            </Radio.Group>
            <Group gap="sm" align="flex-start">
              <NumberInput label={t('reviews.open.year')} value={year} onChange={(v) => setYear(Number(v))} min={2000} max={2100} allowDecimal={false} w={120} error={errors.year} />
              {kind === 'quarter' && (
                <NativeSelect label={t('reviews.open.quarter')} value={quarter} onChange={(e) => setQuarter(e.currentTarget.value)} data={['1', '2', '3', '4']} w={90} error={errors.quarter} />
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t('reviews.open.stepsHint')}
            </Text>
            {steps.map((s) => (
              <TextInput
                key={s.code}
                type="date"
                label={s.name === null ? t(`reviews.step.${s.code}`) : s.name}
                value={dates[s.code] ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setDates((d) => ({ ...d, [s.code]: v }));
                }}
                error={errors[`step:${s.code}`]}
                data-step={s.code}
              />
            ))}
            {(general || errors.unitId) && <Notice tone="error">{general ?? errors.unitId}</Notice>}
            <Group justify="flex-end">
              <Button type="submit" loading={open.isPending}>
                {t('reviews.open.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Disclosure>
  );
}

/** Excellent against the limit the quota allows, over in red with the written reasons; a table says the same. */
function QuotaMeter({ quota: q }: { quota: QuotaView }) {
  const { t } = useTranslation();
  const id = useId();
  const scale = Math.max(q.limit, q.excellent, 1);
  const within = Math.min(q.excellent, q.limit);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`} data-testid="quota-meter" data-over={q.over > 0 || undefined}>
      <Title order={2} fz="h4" id={`${id}-h`}>
        {t('reviews.quota.title')}
      </Title>
      <Text size="sm" mb={6}>
        {t('reviews.quota.meter', { excellent: q.excellent, limit: q.limit, percent: q.percentOfGood, good: q.good })}
      </Text>
      <div className="ts-rv-meter" aria-hidden="true">
        <div className="ts-rv-meter-fill" style={{ width: `${(within / scale) * 100}%` }} />
        {q.over > 0 && <div className="ts-rv-meter-over" style={{ width: `${(q.over / scale) * 100}%` }} />}
      </div>
      {q.over > 0 && (
        <Text className="ts-rv-over" mt={6}>
          {t('reviews.quota.over', { over: q.over })}
        </Text>
      )}
      <Table fz="sm" mt="xs" className="ts-rp-table" withRowBorders={false}>
        <caption className="ts-sr-only">{t('reviews.quota.tableCaption')}</caption>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('reviews.quota.excellent')}</Table.Th>
            <Table.Td className="ts-rp-num">{q.excellent}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('reviews.quota.limit')}</Table.Th>
            <Table.Td className="ts-rp-num">{q.limit}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('reviews.quota.good')}</Table.Th>
            <Table.Td className="ts-rp-num">{q.good}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {q.overReasons.length > 0 && (
        <>
          <Text size="sm" fw={700} mt="xs">
            {t('reviews.quota.overReasons')}
          </Text>
          <ul className="ts-rv-items">
            {q.overReasons.map((r, i) => (
              <li key={i}>
                <Text size="sm">{r.reason}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(r.decidedAt)}
                  {r.decidedByName ? ` · ${r.decidedByName}` : ''}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('reviews.quota.source', { rule: q.rule, source: q.source ?? '—' })}
      </Text>
    </Paper>
  );
}

function CellsTable({ period: p }: { period: PeriodDetail }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`}>
      <Title order={2} fz="h4" id={`${id}-h`} mb="xs">
        {t('reviews.board.cells')}
      </Title>
      <div className="ts-rp-table-wrap">
        <Table fz="sm" horizontalSpacing="xs" verticalSpacing={6} highlightOnHover className="ts-rp-table ts-rv-table" data-testid="period-cells">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reviews.col.cell')}</Table.Th>
              <Table.Th scope="col">{t('reviews.col.stage')}</Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('reviews.col.submitted')}
              </Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('reviews.col.decided')}
              </Table.Th>
              <Table.Th scope="col">{t('reviews.col.collective')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.cells.map((c) => (
              <Table.Tr key={c.unitId}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={cellBoardHref(c.unitId, p.id)} size="sm" fw={600}>
                    {c.unitName}
                  </Anchor>
                </Table.Th>
                <Table.Td>{t(`reviews.stage.${c.stage}`)}</Table.Td>
                <Table.Td className="ts-rp-num">
                  {c.submitted}/{c.members}
                </Table.Td>
                <Table.Td className="ts-rp-num">{c.decided}</Table.Td>
                <Table.Td>{levelName(p.levels, c.collective?.decidedLevel ?? c.collective?.proposedLevel ?? null) ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

/**
 * Quyết định xếp loại for the submitted reviews: a level per row (the cell's proposal, else the
 * member's own); a reason when it changes a decision or the records rule the level out; a written
 * reason for going over the quota when the server asks for one (400 naming overQuotaReason).
 */
function DecisionTable({ period: p }: { period: PeriodDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const changed = useReviewsChanged();
  const reviews = usePeriodReviews(p.id, null);
  const [chosen, setChosen] = useState<Record<string, { level: string; reason: string }>>({});
  const [overQuota, setOverQuota] = useState<{ asked: boolean; reason: string; error: string | null }>({ asked: false, reason: '', error: null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const rows = (reviews.data?.items ?? []).filter((r) => r.status === 'submitted');
  const body = decisionsBody(rows, chosen, overQuota.asked ? overQuota.reason : null);
  const decide = useMutation({
    mutationFn: () => api<PeriodDetail>(periodPath(p.id, '/decisions'), { method: 'POST', body: body! }),
    onSuccess: (next) => {
      queryClient.setQueryData(reviewKeys.period(p.id), next);
      setChosen({});
      setErrors({});
      setGeneral(null);
      setOverQuota({ asked: false, reason: '', error: null });
      setDone(true);
      changed();
    },
    onError: (e) => {
      setDone(false);
      if (isApiError(e, 400) && e.fields.length > 0) {
        const sent = body!.decisions;
        const byRow: Record<string, string> = {};
        for (const f of e.fields) {
          if (f.field === 'overQuotaReason') setOverQuota((o) => ({ ...o, asked: true, error: f.message }));
          const m = /^decisions\.(\d+)\./.exec(f.field);
          if (m && sent[Number(m[1])]) byRow[sent[Number(m[1])]!.reviewId] = f.message;
        }
        setErrors(byRow);
        setGeneral(e.fields.some((f) => f.field === 'overQuotaReason') ? null : e.message);
        return;
      }
      setGeneral(isApiError(e) ? e.message : t('errors.network'));
    },
  });
  const set = (r: ReviewListItem, change: Partial<{ level: string; reason: string }>) => {
    setDone(false);
    setChosen((c) => ({ ...c, [r.id]: { level: c[r.id]?.level ?? decisionDefault(r), reason: c[r.id]?.reason ?? '', ...change } }));
  };
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`} data-testid="decision-table">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (body) decide.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="h4" id={`${id}-h`}>
            {t('reviews.decide.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reviews.decide.intro')}
          </Text>
          {reviews.isPending ? (
            <Skeleton h={120} />
          ) : rows.length === 0 ? (
            <Text c="dimmed">{t('reviews.decide.none')}</Text>
          ) : (
            <ul className="ts-li-cards">
              {rows.map((r) => {
                const level = chosen[r.id]?.level ?? decisionDefault(r);
                const why = decisionNeedsReason(r, level);
                const name = r.memberName ?? r.unitName;
                return (
                  <li key={r.id} className="ts-li-card" data-review={r.id}>
                    <Anchor component={Link} to={`/reviews/${r.id}`} fw={600}>
                      {name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.unitName} · {t('reviews.col.score')}: {r.scoreTotal === null ? '—' : formatNumber(r.scoreTotal, i18n.language)} · {t('reviews.col.self')}: {levelName(p.levels, r.selfLevel) ?? '—'} · {t('reviews.col.proposed')}:{' '}
                      {levelName(p.levels, r.proposedLevel) ?? '—'}
                      {r.decidedLevel ? ` · ${t('reviews.col.decided')}: ${levelName(p.levels, r.decidedLevel)}` : ''}
                    </Text>
                    <NativeSelect
                      mt={4}
                      aria-label={t('reviews.decide.levelOf', { name })}
                      value={level}
                      onChange={(e) => set(r, { level: e.currentTarget.value })}
                      data={[{ value: '', label: '—' }, ...p.levels.map((l) => ({ value: l.code, label: l.name }))]}
                      error={why === null ? errors[r.id] : undefined}
                    />
                    {why && (
                      <Textarea
                        mt={4}
                        label={t('reviews.decide.reasonOf', { name })}
                        description={t(why === 'changed' ? 'reviews.decide.changed' : 'reviews.decide.ruledOut')}
                        required
                        autosize
                        minRows={2}
                        maxLength={2000}
                        value={chosen[r.id]?.reason ?? ''}
                        onChange={(e) => set(r, { reason: e.currentTarget.value })}
                        error={errors[r.id]}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {overQuota.asked && (
            <Textarea
              label={t('reviews.decide.overQuotaReason')}
              required
              autosize
              minRows={3}
              maxLength={2000}
              value={overQuota.reason}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setOverQuota((o) => ({ ...o, reason: v }));
              }}
              error={overQuota.error}
            />
          )}
          {general && <Notice tone="error">{general}</Notice>}
          {done && <Notice tone="success">{t('reviews.decide.done')}</Notice>}
          {rows.length > 0 && (
            <Group justify="flex-end">
              {!body && (
                <Text size="sm" c="dimmed">
                  {t('reviews.decide.nothing')}
                </Text>
              )}
              <Button type="submit" loading={decide.isPending} disabled={!body}>
                {t('reviews.decide.submit', { count: body?.decisions.length ?? 0 })}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** The levels in force for a year beside last year's: bars (decoration) and the same figures as a table. */
function YearRatings({ unitId }: { unitId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [year, setYear] = useState(currentYear());
  const ratings = useRatings(unitId, year);
  const r = ratings.data;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`} data-testid="year-ratings">
      <Group justify="space-between" align="flex-end" gap="sm" mb="xs">
        <Title order={2} fz="h4" id={`${id}-h`}>
          {t('reviews.ratings.title')}
        </Title>
        <NativeSelect label={t('reviews.ratings.year')} value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))} data={yearsAround(year).map(String)} w={110} />
      </Group>
      {ratings.isError ? (
        <PageLoadError error={ratings.error} onRetry={() => void ratings.refetch()} />
      ) : !r ? (
        <Skeleton h={120} />
      ) : (
        <YearFigures ratings={r} lng={i18n.language} />
      )}
    </Paper>
  );
}

function YearFigures({ ratings: r, lng }: { ratings: RatingsResponse; lng: string }) {
  const { t } = useTranslation();
  const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
  const last = r.lastYear;
  const max = Math.max(1, ...r.levels.flatMap((l) => [r.counts[l.code] ?? 0, last.counts[l.code] ?? 0]));
  if (r.levels.length === 0 || (total === 0 && Object.keys(last.counts).length === 0)) return <Text c="dimmed">{t('reviews.ratings.none', { year: r.year })}</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600}>
        {t('reviews.ratings.compare', { year: r.year, last: last.year })}
      </Text>
      <div className="ts-rv-bars" aria-hidden="true">
        {r.levels.map((l) => (
          <div key={l.code} className="ts-rv-bar-row">
            <span>{l.name}</span>
            <div>
              <div className="ts-rv-bar" style={{ width: `${((r.counts[l.code] ?? 0) / max) * 100}%` }} />
              <div className="ts-rv-bar" data-last style={{ width: `${((last.counts[l.code] ?? 0) / max) * 100}%`, marginTop: 2 }} />
            </div>
          </div>
        ))}
      </div>
      <div className="ts-rp-table-wrap">
        <Table fz="sm" className="ts-rp-table" data-testid="ratings-table">
          <caption className="ts-sr-only">{t('reviews.ratings.chartLabel', { year: r.year, last: last.year })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reviews.col.level')}</Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('reviews.col.thisYear', { year: r.year })}
              </Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('reviews.col.thisYear', { year: last.year })}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.levels.map((l) => (
              <Table.Tr key={l.code}>
                <Table.Th scope="row" fw={400}>
                  {l.name}
                </Table.Th>
                <Table.Td className="ts-rp-num">{formatNumber(r.counts[l.code] ?? 0, lng, 0)}</Table.Td>
                <Table.Td className="ts-rp-num">{formatNumber(last.counts[l.code] ?? 0, lng, 0)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}
