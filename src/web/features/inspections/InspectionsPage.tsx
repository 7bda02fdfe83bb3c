import './messages.js';
import { useState, type FormEvent } from 'react';
import { Anchor, Button, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { leadUnitId, useAuthedMe } from '../../app/me.js';
import { BoardHeader } from '../../components/BoardHeader.js';
import { Notice } from '../../components/Notice.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Skeleton } from '../../components/Skeleton.js';
import { formatDate } from '../../lib/format.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { useYearParam, yearsAround } from '../../lib/year.js';
import {
  INSPECTION_BODIES,
  useInspectionChanged,
  useInspections,
  useOverview,
  useProgrammes,
  INSPECTION_LEADERS,
  type CreateProgrammeBody,
  type InspectionBody,
  type InspectionSummary,
  type ProgrammeDetail,
  type ProgrammeSummary,
} from './api.js';
import { CaseStatusBadge, LateFlag, ProgrammeCounts, Section } from './Parts.js';
import { KeyFigures } from './HomeCards.js';

/** Where the page opens: ?unit=, else the unit where the caller does inspection work. */
function useInspectionUnit(): string | null {
  const me = useAuthedMe();
  const [params] = useSearchParams();
  return params.get('unit') || leadUnitId(me, INSPECTION_LEADERS);
}

/** Trang kiểm tra, giám sát: the year's programmes with their progress, cases with late steps, waiting for the subject, recommendations overdue, every case of the year. */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const unitId = useInspectionUnit();
  useDocumentTitle(`${t('inspections.home.title')} · ${t('app.titleSuffix')}`);
  if (!unitId) return <Notice tone="info">{t('inspections.home.noUnit')}</Notice>;
  return <Overview key={unitId} unitId={unitId} />;
}

function Overview({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useYearParam();
  const overview = useOverview(unitId, year);
  const programmes = useProgrammes(unitId, year);
  const cases = useInspections(unitId, year);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const o = overview.data;

  return (
    <Stack gap="md" className="ts-page">
      <BoardHeader backTo="/" backLabel={t('inspections.home.back')} title={t('inspections.home.title')} intro={t('inspections.home.intro')}>
        <NativeSelect
          label={t('inspections.home.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={yearsAround(year).map((y) => String(y))}
          data-testid="inspections-year"
        />
        {cases.data?.actions.includes('create') && (
          <Button component={Link} to={`/inspections/new?unit=${unitId}`} variant="light" data-testid="case-new">
            {t('inspections.home.newCase')}
          </Button>
        )}
      </BoardHeader>
      {overview.isError && <PageLoadError error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.isPending && <Skeleton h={120} />}
      {o && <KeyFigures overview={o} />}

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="in-programmes">
        <div className="ts-li-card-head">
          <Title order={2} fz="h4" id="in-programmes">
            {t('inspections.home.programmes', { year })}
          </Title>
          {programmes.data?.actions.includes('create') && (
            <Button size="xs" variant={creating ? 'outline' : 'filled'} onClick={() => setCreating((c) => !c)} data-testid="programme-create-open">
              {t('inspections.programme.create')}
            </Button>
          )}
        </div>
        {creating && <ProgrammeForm unitId={unitId} year={year} onCancel={() => setCreating(false)} onSaved={(p) => navigate(`/inspection-programmes/${p.id}`)} />}
        {programmes.isPending ? (
          <Skeleton h={80} />
        ) : programmes.isError ? (
          <PageLoadError error={programmes.error} onRetry={() => void programmes.refetch()} />
        ) : programmes.data.items.length === 0 ? (
          <Text c="dimmed" mt="xs">
            {t('inspections.home.noProgrammes')}
          </Text>
        ) : (
          <ul className="ts-li-cards" style={{ marginTop: 8 }} data-testid="programme-list">
            {programmes.data.items.map((p) => (
              <li key={p.id}>
                <ProgrammeCard programme={p} />
              </li>
            ))}
          </ul>
        )}
      </Paper>

      {o && (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <CaseSection id="in-late" title={t('inspections.home.lateTitle')} empty={t('inspections.home.noLate')} items={o.lateCases} late testId="late-cases" />
          <CaseSection id="in-waiting" title={t('inspections.home.waitingTitle')} empty={t('inspections.home.noWaiting')} items={o.waitingForSubject} testId="waiting-cases" />
          <Section id="in-overdue" title={t('inspections.home.overdueTitle')}>
            {o.overdueRecommendations.length === 0 ? (
              <Text c="dimmed">{t('inspections.home.noOverdue')}</Text>
            ) : (
              <ul className="ts-li-cards" data-testid="overdue-recs">
                {o.overdueRecommendations.map((r) => (
                  <li key={r.id} className="ts-li-card" data-overdue>
                    <Text size="sm">{r.text}</Text>
                    <Text size="xs" c="dimmed">
                      {t('inspections.home.recMeta', { subject: r.subjectName, date: formatDate(r.deadline) })} · <LateFlag label={t('inspections.overdue')} />
                    </Text>
                    <Anchor component={Link} to={`/inspections/${r.inspectionId}`} size="sm">
                      {r.inspectionTitle}
                    </Anchor>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </SimpleGrid>
      )}

      <Section id="in-cases" title={t('inspections.home.casesTitle', { year })}>
        {cases.isPending ? (
          <Skeleton h={80} />
        ) : cases.isError ? (
          <PageLoadError error={cases.error} onRetry={() => void cases.refetch()} />
        ) : cases.data.items.length === 0 ? (
          <Text c="dimmed">{t('inspections.home.noCases')}</Text>
        ) : (
          <ul className="ts-li-cards" data-testid="case-list">
            {cases.data.items.map((c) => (
              <li key={c.id}>
                <CaseCard item={c} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Stack>
  );
}

function ProgrammeCard({ programme: p }: { programme: ProgrammeSummary }) {
  const { t } = useTranslation();
  return (
    <article className="ts-li-card">
      <div className="ts-li-card-head">
        <Anchor component={Link} to={`/inspection-programmes/${p.id}`} fw={700}>
          {p.title}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t(`inspections.body.${p.body}`)} · {p.adoptedOn ? t('inspections.programme.adoptedOn', { date: formatDate(p.adoptedOn) }) : t('inspections.programmeStatus.draft')}
        </Text>
      </div>
      <ProgrammeCounts counts={p.counts} />
    </article>
  );
}

function CaseSection({ id, title, empty, items, late, testId }: { id: string; title: string; empty: string; items: InspectionSummary[]; late?: boolean; testId: string }) {
  return (
    <Section id={id} title={title}>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <ul className="ts-li-cards" data-testid={testId}>
          {items.map((c) => (
            <li key={c.id}>
              <CaseCard item={c} late={late} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** A case in a list: title, kind and subject, where it stands, the next step and its due date. */
export function CaseCard({ item: c, late }: { item: InspectionSummary; late?: boolean | undefined }) {
  const { t } = useTranslation();
  const subject = c.subject.memberName ?? c.subject.unitName;
  return (
    <article className="ts-li-card" data-overdue={c.lateSteps > 0 || undefined}>
      <div className="ts-li-card-head">
        <Anchor component={Link} to={`/inspections/${c.id}`} fw={700}>
          {c.title}
        </Anchor>
        <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
          <CaseStatusBadge status={c.status} />
          {c.lateSteps > 0 && <LateFlag label={t('inspections.home.lateCount', { count: c.lateSteps })} />}
        </span>
      </div>
      <Text size="sm" c="dimmed" className="ts-li-meta">
        <span>{c.kindName}</span>
        <span>{subject}</span>
        {c.nextStepName && (
          <span>
            {late && c.nextDueOn ? t('inspections.home.lateStep', { step: c.nextStepName, date: formatDate(c.nextDueOn) }) : t('inspections.home.nextStep', { step: c.nextStepName })}
            {!late && c.nextDueOn ? ` · ${t('inspections.home.dueOn', { date: formatDate(c.nextDueOn) })}` : ''}
          </span>
        )}
        {c.recommendationCounts.total > 0 && <span>{t('inspections.home.recs', { fixed: c.recommendationCounts.fixed, total: c.recommendationCounts.total })}</span>}
      </Text>
    </article>
  );
}

const PROGRAMME_FIELDS = ['body', 'year', 'title'] as const;
type ProgrammeField = (typeof PROGRAMME_FIELDS)[number];

function ProgrammeForm({ unitId, year, onCancel, onSaved }: { unitId: string; year: number; onCancel: () => void; onSaved: (p: ProgrammeDetail) => void }) {
  const { t } = useTranslation();
  const changed = useInspectionChanged();
  const [body, setBody] = useState<InspectionBody>('inspection_committee');
  const [y, setY] = useState(String(year));
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FormErrors<ProgrammeField>>({ fields: {}, general: null });
  const save = useMutation({
    mutationFn: (b: CreateProgrammeBody) => api<ProgrammeDetail>('/inspection-programmes', { method: 'POST', body: b }),
    onSuccess: (p) => {
      changed();
      onSaved(p);
    },
    onError: (e) => setErrors(formErrorsFrom(e, PROGRAMME_FIELDS, t('inspections.failed'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!title.trim()) return setErrors({ fields: { title: t('inspections.required') }, general: null });
    setErrors({ fields: {}, general: null });
    save.mutate({ unitId, body, year: Number(y), title: title.trim(), items: [] });
  }
  return (
    <form onSubmit={submit} noValidate data-testid="programme-form" aria-labelledby="in-programme-form" style={{ marginTop: 12 }}>
      <Stack gap="sm">
        <Title order={3} fz="h5" id="in-programme-form">
          {t('inspections.programme.createTitle')}
        </Title>
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('inspections.programme.bodyField')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value as InspectionBody)}
            data={INSPECTION_BODIES.map((b) => ({ value: b, label: t(`inspections.body.${b}`) }))}
            error={errors.fields.body}
            data-testid="programme-body"
          />
          <NativeSelect label={t('inspections.programme.yearField')} value={y} onChange={(e) => setY(e.currentTarget.value)} data={yearsAround(year).map(String)} error={errors.fields.year} />
        </SimpleGrid>
        <TextInput
          label={t('inspections.programme.titleField')}
          placeholder={t('inspections.programme.titlePlaceholder')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.fields.title}
          data-testid="programme-title"
        />
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Button type="submit" loading={save.isPending} data-testid="programme-submit">
            {t('inspections.programme.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
