import './messages.js';
import { useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { leadUnitId, useAuthedMe } from '../../app/me.js';
import { BackIcon } from '../../components/icons.js';
import { Notice } from '../../components/Notice.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { useFocusFirstError } from '../../lib/formHelpers.js';
import { todayLocal } from '../../lib/time.js';
import { useCitizenFeedback } from '../citizen-feedback/api.js';
import { INSPECTION_BODIES, INSPECTION_LEADERS, useInspectionChanged, type CreateInspectionBody, type InspectionBody, type InspectionDetail } from './api.js';
import { useInspectionRules } from '../inspection-rules/api.js';
import { parseDates } from './dates.js';
import { MemberPick, TeamPick, type Picked } from './Parts.js';
import { KindAndSubject, NO_SUBJECT, subjectBody, type SubjectValue } from './SubjectFields.js';

const FIELDS = [
  'body',
  'kindCode',
  'subjectUnitId',
  'subjectMemberId',
  'title',
  'content',
  'reviewFrom',
  'reviewTo',
  'decisionNo',
  'decidedOn',
  'leadMemberId',
  'teamMemberIds',
  'receivedOn',
  'complainantName',
  'complainantContact',
] as const;
type Field = (typeof FIELDS)[number];

/** Mở cuộc trực tiếp: a case outside the programme (signs of violation, a denunciation, an appeal), perhaps from a citizen's message or a supervision's finding. */
export default function NewInspectionPage() {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const [params] = useSearchParams();
  const unitId = params.get('unit') || leadUnitId(me, INSPECTION_LEADERS);
  useDocumentTitle(`${t('inspections.create.title')} · ${t('app.titleSuffix')}`);
  if (!unitId) return <Notice tone="info">{t('inspections.home.noUnit')}</Notice>;
  const feedbackId = params.get('feedback');
  return feedbackId ? <FromFeedback unitId={unitId} feedbackId={feedbackId} kind={params.get('kind') ?? ''} /> : <CaseForm unitId={unitId} kind={params.get('kind') ?? ''} originId={params.get('origin')} />;
}

/** A citizen's message routed here as a denunciation: its content and sender fill the form. */
function FromFeedback({ unitId, feedbackId, kind }: { unitId: string; feedbackId: string; kind: string }) {
  const fb = useCitizenFeedback(feedbackId);
  if (fb.isPending) return null;
  const f = fb.data;
  return (
    <CaseForm
      unitId={unitId}
      kind={kind}
      originId={null}
      feedback={
        f
          ? {
              id: f.id,
              content: f.content,
              // The day it came in, in Vietnam (dd/mm/yyyy, as the field takes it).
              receivedOn: formatDateTime(f.createdAt).slice(0, 10),
              name: f.contact?.name ?? '',
              contact: [f.contact?.phone, f.contact?.email].filter(Boolean).join(' · '),
              ref: `${f.topicName} · ${f.village.name}`,
            }
          : undefined
      }
    />
  );
}

function CaseForm({ unitId, kind, originId, feedback }: { unitId: string; kind: string; originId: string | null; feedback?: { id: string; content: string; receivedOn: string; name: string; contact: string; ref: string } | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const changed = useInspectionChanged();
  const rules = useInspectionRules(null);
  const kinds = rules.data?.kinds ?? [];
  const [body, setBody] = useState<InspectionBody>('inspection_committee');
  const [kindCode, setKind] = useState(kind);
  const [subject, setSubject] = useState<SubjectValue>(NO_SUBJECT);
  const [title, setTitle] = useState('');
  const [content, setContent] = useState(feedback?.content ?? '');
  const year = Number(todayLocal().slice(0, 4));
  const [d, setD] = useState({
    reviewFrom: `01/01/${year - 1}`,
    reviewTo: formatDate(todayLocal()) ?? '',
    decidedOn: formatDate(todayLocal()) ?? '',
    receivedOn: feedback?.receivedOn ?? '',
  });
  const [decisionNo, setDecisionNo] = useState('');
  const [complainantName, setName] = useState(feedback?.name ?? '');
  const [complainantContact, setContact] = useState(feedback?.contact ?? '');
  const [lead, setLead] = useState<Picked>(null);
  const [team, setTeam] = useState<{ id: string; label: string }[]>([]);
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, general: null });
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const family = kinds.find((k) => k.code === kindCode)?.family;
  const complaint = family === 'denunciation' || family === 'appeal';
  const save = useMutation({
    mutationFn: (b: CreateInspectionBody) => api<InspectionDetail>('/inspections', { method: 'POST', body: b }),
    onSuccess: (detail) => {
      changed(detail);
      navigate(`/inspections/${detail.id}`);
    },
    onError: (e) => {
      setErrors(formErrorsFrom(e, FIELDS, t('inspections.failed')));
      setAttempt((a) => a + 1);
    },
  });
  const set = (k: keyof typeof d) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setD((p) => ({ ...p, [k]: value }));
  };
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { dates, problems } = parseDates(d, ['reviewFrom', 'reviewTo', 'decidedOn']);
    const f: FormErrors<Field>['fields'] = {};
    for (const [k, p] of Object.entries(problems)) f[k as Field] = t(p === 'required' ? 'inspections.required' : 'inspections.invalidDate');
    const who = subjectBody(subject, kinds, kindCode);
    if (!kindCode) f.kindCode = t('inspections.required');
    if (!who.subjectUnitId && !who.subjectMemberId) f[subject.kind === 'member' ? 'subjectMemberId' : 'subjectUnitId'] = t('inspections.required');
    if (!title.trim()) f.title = t('inspections.required');
    if (!content.trim()) f.content = t('inspections.required');
    if (Object.keys(f).length) {
      setErrors({ fields: f, general: t('common.formErrors') });
      setAttempt((a) => a + 1);
      return;
    }
    setErrors({ fields: {}, general: null });
    save.mutate({
      unitId,
      body,
      kindCode,
      ...who,
      title: title.trim(),
      content: content.trim(),
      reviewFrom: dates.reviewFrom!,
      reviewTo: dates.reviewTo!,
      decisionNo: decisionNo.trim() || null,
      decidedOn: dates.decidedOn!,
      leadMemberId: lead?.id ?? null,
      teamMemberIds: team.map((m) => m.id),
      ...(originId ? { originInspectionId: originId } : {}),
      ...(complaint
        ? {
            ...(dates.receivedOn ? { receivedOn: dates.receivedOn } : {}),
            ...(complainantName.trim() ? { complainantName: complainantName.trim() } : {}),
            ...(complainantContact.trim() ? { complainantContact: complainantContact.trim() } : {}),
            ...(feedback ? { sourceCitizenFeedbackId: feedback.id } : {}),
          }
        : {}),
    });
  }
  const err = errors.fields;
  return (
    <Stack gap="md" className="ts-page">
      <Anchor component={Link} to={`/inspections?unit=${unitId}`} size="sm" className="ts-mt-back">
        <BackIcon size={16} />
        {t('inspections.case.back')}
      </Anchor>
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {t('inspections.create.title')}
        </Title>
        <Text c="dimmed">{t('inspections.create.intro')}</Text>
      </div>
      <Paper withBorder radius="md" p="md">
        <form ref={formRef} onSubmit={submit} noValidate data-testid="case-form" aria-label={t('inspections.create.title')}>
          <Stack gap="sm">
            {errors.general && <Notice tone="error">{errors.general}</Notice>}
            {feedback && <Notice tone="info">{t('inspections.create.fromFeedback', { ref: feedback.ref })}</Notice>}
            <NativeSelect
              label={t('inspections.create.bodyField')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value as InspectionBody)}
              data={INSPECTION_BODIES.map((b) => ({ value: b, label: t(`inspections.body.${b}`) }))}
              error={err.body}
            />
            <KindAndSubject unitId={unitId} kinds={kinds} kindCode={kindCode} onKind={setKind} subject={subject} onSubject={setSubject} errors={err} />
            <TextInput label={t('inspections.create.titleField')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={err.title} data-testid="case-form-title" />
            <Textarea label={t('inspections.create.content')} required autosize minRows={3} value={content} onChange={(e) => setContent(e.currentTarget.value)} error={err.content} data-testid="case-form-content" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('inspections.programme.reviewFrom')} required placeholder={t('inspections.datePlaceholder')} value={d.reviewFrom} onChange={set('reviewFrom')} error={err.reviewFrom} />
              <TextInput label={t('inspections.programme.reviewTo')} required placeholder={t('inspections.datePlaceholder')} value={d.reviewTo} onChange={set('reviewTo')} error={err.reviewTo} />
              <TextInput label={t('inspections.programme.decisionNo')} value={decisionNo} onChange={(e) => setDecisionNo(e.currentTarget.value)} error={err.decisionNo} data-testid="case-form-decision-no" />
              <TextInput label={t('inspections.programme.decidedOn')} required placeholder={t('inspections.datePlaceholder')} value={d.decidedOn} onChange={set('decidedOn')} error={err.decidedOn} data-testid="case-form-decided-on" />
              <MemberPick unitId={unitId} label={t('inspections.programme.lead')} value={lead} onChange={setLead} error={err.leadMemberId} />
              <TeamPick unitId={unitId} label={t('inspections.programme.team')} value={team} onChange={setTeam} error={err.teamMemberIds} />
            </SimpleGrid>
            {complaint && (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontWeight: 600, marginBottom: 6 }}>{t('inspections.create.complaintTitle')}</legend>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput label={t('inspections.create.receivedOn')} placeholder={t('inspections.datePlaceholder')} value={d.receivedOn} onChange={set('receivedOn')} error={err.receivedOn} data-testid="case-form-received" />
                  <TextInput label={t('inspections.create.complainantName')} value={complainantName} onChange={(e) => setName(e.currentTarget.value)} error={err.complainantName} />
                  <TextInput label={t('inspections.create.complainantContact')} value={complainantContact} onChange={(e) => setContact(e.currentTarget.value)} error={err.complainantContact} />
                </SimpleGrid>
              </fieldset>
            )}
            <div>
              <Button type="submit" loading={save.isPending} data-testid="case-form-submit">
                {t('inspections.create.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
