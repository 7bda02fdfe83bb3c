import './messages.js';
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { BackIcon, DownloadIcon } from '../../components/icons.js';
import { DetailList } from '../../components/DetailList.js';
import { Notice } from '../../components/Notice.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Skeleton } from '../../components/Skeleton.js';
import { formatDate } from '../../lib/format.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { todayLocal } from '../../lib/time.js';
import {
  inspectionKeys,
  programmeDocumentUrl,
  programmePath,
  useInspectionChanged,
  useProgramme,
  type CreateInspectionBody,
  type InspectionDetail,
  type ProgrammeDetail,
  type ProgrammeItem,
  type ProgrammeItemInput,
} from './api.js';
import { useInspectionRules } from '../inspection-rules/api.js';
import { parseDates } from './dates.js';
import { ItemStateBadge, ProgrammeCounts, TeamPick, MemberPick, type Picked } from './Parts.js';
import { KindAndSubject, NO_SUBJECT, subjectBody, type SubjectValue } from './SubjectFields.js';

export default function ProgrammeRoute() {
  const { id = '' } = useParams();
  return <ProgrammePage key={id} id={id} />;
}

function ProgrammePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const programme = useProgramme(id);
  const [adding, setAdding] = useState(false);
  useDocumentTitle(programme.data ? `${programme.data.title} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));
  if (programme.isPending)
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={36} w="60%" />
        <Skeleton h={200} />
      </Stack>
    );
  if (programme.isError) return <PageLoadError error={programme.error} onRetry={() => void programme.refetch()} />;
  const p = programme.data;
  return (
    <Stack gap="md" className="ts-page">
      <Anchor component={Link} to={`/inspections?unit=${p.unitId}&year=${p.year}`} size="sm" className="ts-mt-back">
        <BackIcon size={16} />
        {t('inspections.programme.back')}
      </Anchor>
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} data-testid="programme-heading">
          {p.title}
        </Title>
        <Text c="dimmed">
          {t(`inspections.body.${p.body}`)} · {p.unitName} · {p.adoptedOn ? t('inspections.programme.adoptedOn', { date: formatDate(p.adoptedOn) }) : t('inspections.programmeStatus.draft')}
        </Text>
      </div>
      <ProgrammeCounts counts={p.counts} />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {p.actions.includes('add_item') && (
          <Button variant={adding ? 'outline' : 'filled'} onClick={() => setAdding((a) => !a)} data-testid="item-add-open">
            {t('inspections.programme.addItem')}
          </Button>
        )}
        {p.actions.includes('download') && (
          <Button component="a" href={programmeDocumentUrl(p.id)} variant="default" leftSection={<DownloadIcon size={16} />} download>
            {t('inspections.download')}
          </Button>
        )}
      </div>
      {adding && <ItemForm programme={p} onDone={() => setAdding(false)} />}
      {p.actions.includes('adopt') && <AdoptForm programme={p} />}
      {p.adoptedOn && (
        <DetailList
          items={[
            { label: t('inspections.programme.adoptDate'), value: formatDate(p.adoptedOn) },
            { label: t('inspections.programme.adoptedBy'), value: p.adoptedByName },
          ]}
        />
      )}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="in-items">
        <Title order={2} fz="h4" id="in-items" mb="xs">
          {t('inspections.programme.items')}
        </Title>
        {p.items.length === 0 ? (
          <Text c="dimmed">{t('inspections.programme.noItems')}</Text>
        ) : (
          <ol className="ts-li-cards" data-testid="programme-items">
            {p.items.map((item) => (
              <li key={item.id}>
                <ItemCard programme={p} item={item} />
              </li>
            ))}
          </ol>
        )}
      </Paper>
    </Stack>
  );
}

function ItemCard({ programme, item: i }: { programme: ProgrammeDetail; item: ProgrammeItem }) {
  const { t } = useTranslation();
  const [starting, setStarting] = useState(false);
  return (
    <article className="ts-li-card" data-overdue={i.state === 'late' || undefined} data-testid="programme-item">
      <div className="ts-li-card-head">
        <Text fw={700}>
          {i.position}. {i.kindName} — {i.subjectMemberName ?? i.subjectUnitName}
        </Text>
        <ItemStateBadge state={i.state} />
      </div>
      <p className="ts-li-text">{i.content}</p>
      <Text size="sm" c="dimmed" className="ts-li-meta">
        <span>{t('inspections.programme.period', { from: formatDate(i.reviewFrom), to: formatDate(i.reviewTo) })}</span>
        <span>{t('inspections.programme.window', { from: formatDate(i.plannedStart), to: formatDate(i.plannedEnd) })}</span>
        {i.lead && <span>{t('inspections.programme.leadName', { name: i.lead.name })}</span>}
        {i.team.length > 0 && <span>{t('inspections.programme.teamNames', { names: i.team.map((m) => m.name).join(', ') })}</span>}
      </Text>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {i.inspectionId && (
          <Anchor component={Link} to={`/inspections/${i.inspectionId}`} fw={600}>
            {t('inspections.programme.openCase')}
          </Anchor>
        )}
        {i.actions.includes('start') && (
          <Button size="xs" variant={starting ? 'outline' : 'light'} onClick={() => setStarting((s) => !s)} data-testid="item-start-open">
            {t('inspections.programme.start')}
          </Button>
        )}
      </div>
      {starting && <StartForm programme={programme} item={i} />}
    </article>
  );
}

/** Starting an item: the decision's number and date open the case, which the page then shows. */
function StartForm({ programme, item }: { programme: ProgrammeDetail; item: ProgrammeItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const changed = useInspectionChanged();
  const [decisionNo, setNo] = useState('');
  const [decidedOn, setOn] = useState(formatDate(todayLocal()) ?? '');
  const [errors, setErrors] = useState<FormErrors<'decisionNo' | 'decidedOn'>>({ fields: {}, general: null });
  const start = useMutation({
    mutationFn: (body: CreateInspectionBody) => api<InspectionDetail>('/inspections', { method: 'POST', body }),
    onSuccess: (detail) => {
      changed(detail);
      navigate(`/inspections/${detail.id}`);
    },
    onError: (e) => setErrors(formErrorsFrom(e, ['decisionNo', 'decidedOn'] as const, t('inspections.failed'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { dates, problems } = parseDates({ decidedOn }, ['decidedOn']);
    if (problems.decidedOn) return setErrors({ fields: { decidedOn: t(problems.decidedOn === 'required' ? 'inspections.required' : 'inspections.invalidDate') }, general: null });
    setErrors({ fields: {}, general: null });
    start.mutate({ unitId: programme.unitId, body: programme.body, programmeItemId: item.id, decisionNo: decisionNo.trim() || null, decidedOn: dates.decidedOn! });
  }
  return (
    <form onSubmit={submit} noValidate data-testid="item-start-form" aria-label={t('inspections.programme.startTitle')}>
      <Stack gap="xs">
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('inspections.programme.decisionNo')} value={decisionNo} onChange={(e) => setNo(e.currentTarget.value)} error={errors.fields.decisionNo} data-testid="start-decision-no" />
          <TextInput label={t('inspections.programme.decidedOn')} required placeholder={t('inspections.datePlaceholder')} value={decidedOn} onChange={(e) => setOn(e.currentTarget.value)} error={errors.fields.decidedOn} data-testid="start-decided-on" />
        </SimpleGrid>
        <div>
          <Button type="submit" loading={start.isPending} data-testid="start-submit">
            {t('inspections.programme.startSubmit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function AdoptForm({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const changed = useInspectionChanged();
  const [on, setOn] = useState(formatDate(todayLocal()) ?? '');
  const [error, setError] = useState<string | null>(null);
  const adopt = useMutation({
    mutationFn: (adoptedOn: string) => api<ProgrammeDetail>(programmePath(programme.id, '/adopt'), { method: 'POST', body: { adoptedOn } }),
    onSuccess: (next) => {
      queryClient.setQueryData(inspectionKeys.programme(next.id), next);
      changed();
    },
    onError: (e) => setError(formErrorsFrom(e, ['adoptedOn'] as const, t('inspections.failed')).fields.adoptedOn ?? e.message),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { dates, problems } = parseDates({ on }, ['on']);
    if (problems.on) return setError(t(problems.on === 'required' ? 'inspections.required' : 'inspections.invalidDate'));
    setError(null);
    adopt.mutate(dates.on!);
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="in-adopt">
      <form onSubmit={submit} noValidate data-testid="adopt-form">
        <Stack gap="xs">
          <Title order={2} fz="h4" id="in-adopt">
            {t('inspections.programme.adopt')}
          </Title>
          <TextInput label={t('inspections.programme.adoptDate')} required placeholder={t('inspections.datePlaceholder')} value={on} onChange={(e) => setOn(e.currentTarget.value)} error={error} maw={240} data-testid="adopt-date" />
          <div>
            <Button type="submit" loading={adopt.isPending} data-testid="adopt-submit">
              {t('inspections.programme.adoptSubmit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

const ITEM_FIELDS = ['kindCode', 'subjectUnitId', 'subjectMemberId', 'content', 'reviewFrom', 'reviewTo', 'plannedStart', 'plannedEnd', 'leadMemberId', 'teamMemberIds'] as const;
type ItemField = (typeof ITEM_FIELDS)[number];

/** A new item of the programme: kind, subject, content, the period under review, the planned window, lead and team. */
function ItemForm({ programme, onDone }: { programme: ProgrammeDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const changed = useInspectionChanged();
  const rules = useInspectionRules(null);
  const kinds = rules.data?.kinds ?? [];
  const [kindCode, setKind] = useState('');
  const [subject, setSubject] = useState<SubjectValue>(NO_SUBJECT);
  const [content, setContent] = useState('');
  const [d, setD] = useState({ reviewFrom: `01/01/${programme.year - 1}`, reviewTo: `31/12/${programme.year - 1}`, plannedStart: '', plannedEnd: '' });
  const [lead, setLead] = useState<Picked>(null);
  const [team, setTeam] = useState<{ id: string; label: string }[]>([]);
  const [errors, setErrors] = useState<FormErrors<ItemField>>({ fields: {}, general: null });
  const save = useMutation({
    mutationFn: (body: ProgrammeItemInput) => api<ProgrammeDetail>(programmePath(programme.id, '/items'), { method: 'POST', body }),
    onSuccess: (next) => {
      queryClient.setQueryData(inspectionKeys.programme(next.id), next);
      changed();
      onDone();
    },
    onError: (e) => setErrors(formErrorsFrom(e, ITEM_FIELDS, t('inspections.failed'))),
  });
  const set = (k: keyof typeof d) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setD((p) => ({ ...p, [k]: value }));
  };
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { dates, problems } = parseDates(d, ['reviewFrom', 'reviewTo', 'plannedStart', 'plannedEnd']);
    const fields: FormErrors<ItemField>['fields'] = {};
    for (const [k, p] of Object.entries(problems)) fields[k as ItemField] = t(p === 'required' ? 'inspections.required' : 'inspections.invalidDate');
    const who = subjectBody(subject, kinds, kindCode);
    if (!kindCode) fields.kindCode = t('inspections.required');
    if (!who.subjectUnitId && !who.subjectMemberId) fields[subject.kind === 'member' ? 'subjectMemberId' : 'subjectUnitId'] = t('inspections.required');
    if (!content.trim()) fields.content = t('inspections.required');
    if (Object.keys(fields).length) return setErrors({ fields, general: t('common.formErrors') });
    setErrors({ fields: {}, general: null });
    save.mutate({
      kindCode,
      ...who,
      content: content.trim(),
      reviewFrom: dates.reviewFrom!,
      reviewTo: dates.reviewTo!,
      plannedStart: dates.plannedStart!,
      plannedEnd: dates.plannedEnd!,
      leadMemberId: lead?.id ?? null,
      teamMemberIds: team.map((m) => m.id),
    });
  }
  const err = errors.fields;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="in-item-form">
      <form onSubmit={submit} noValidate data-testid="item-form">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="in-item-form">
            {t('inspections.programme.addTitle')}
          </Title>
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <KindAndSubject unitId={programme.unitId} kinds={kinds} kindCode={kindCode} onKind={setKind} subject={subject} onSubject={setSubject} errors={err} />
          <Textarea label={t('inspections.programme.content')} required autosize minRows={2} value={content} onChange={(e) => setContent(e.currentTarget.value)} error={err.content} data-testid="item-content" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('inspections.programme.reviewFrom')} required placeholder={t('inspections.datePlaceholder')} value={d.reviewFrom} onChange={set('reviewFrom')} error={err.reviewFrom} data-testid="item-review-from" />
            <TextInput label={t('inspections.programme.reviewTo')} required placeholder={t('inspections.datePlaceholder')} value={d.reviewTo} onChange={set('reviewTo')} error={err.reviewTo} data-testid="item-review-to" />
            <TextInput label={t('inspections.programme.plannedStart')} required placeholder={t('inspections.datePlaceholder')} value={d.plannedStart} onChange={set('plannedStart')} error={err.plannedStart} data-testid="item-planned-start" />
            <TextInput label={t('inspections.programme.plannedEnd')} required placeholder={t('inspections.datePlaceholder')} value={d.plannedEnd} onChange={set('plannedEnd')} error={err.plannedEnd} data-testid="item-planned-end" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <MemberPick unitId={programme.unitId} label={t('inspections.programme.lead')} value={lead} onChange={setLead} error={err.leadMemberId} testId="item-lead" />
            <TeamPick unitId={programme.unitId} label={t('inspections.programme.team')} value={team} onChange={setTeam} error={err.teamMemberIds} />
          </SimpleGrid>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button type="submit" loading={save.isPending} data-testid="item-submit">
              {t('inspections.programme.itemSubmit')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
