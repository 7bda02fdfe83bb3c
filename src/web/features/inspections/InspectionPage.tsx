import './messages.js';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useParams } from 'react-router';
import { BackIcon, DownloadIcon } from '../../components/icons.js';
import { DetailList } from '../../components/DetailList.js';
import { Notice } from '../../components/Notice.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Skeleton } from '../../components/Skeleton.js';
import { formatDate } from '../../lib/format.js';
import { attachmentUrl, documentUrl, useInspection, type InspectionDetail, type StepView } from './api.js';
import { evidenceHref, stepLook } from './look.js';
import { CaseStatusBadge, LateFlag, Section } from './Parts.js';
import { ConclusionForm, ExtensionForm, StepForm, SubjectReportForm } from './CaseForms.js';
import { Recommendations } from './Recommendations.js';

export default function InspectionRoute() {
  const { id = '' } = useParams();
  return <InspectionPage key={id} id={id} />;
}

/** Một cuộc kiểm tra, giám sát: the case file for the UBKT, what is addressed to them for the subject (`viewer`). */
function InspectionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const inspection = useInspection(id);
  useDocumentTitle(inspection.data ? `${inspection.data.title} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));
  if (inspection.isPending)
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={36} w="60%" />
        <Skeleton h={240} />
      </Stack>
    );
  if (inspection.isError) return <PageLoadError error={inspection.error} onRetry={() => void inspection.refetch()} />;
  const d = inspection.data;
  const staff = d.viewer === 'staff';
  const subjectName = d.subject.memberName ?? d.subject.unitName;
  return (
    <Stack gap="md" className="ts-page" data-viewer={d.viewer}>
      <Anchor component={Link} to={staff ? `/inspections?unit=${d.unitId}&year=${d.year}` : '/'} size="sm" className="ts-mt-back">
        <BackIcon size={16} />
        {staff ? t('inspections.case.back') : t('inspections.home.back')}
      </Anchor>
      <div>
        <Text size="sm" c="dimmed">
          {d.kindName} · {subjectName}
        </Text>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} data-testid="case-title">
          {d.title}
        </Title>
        <Group gap={6} mt={6}>
          <CaseStatusBadge status={d.status} />
          {d.lateSteps > 0 && <LateFlag label={t('inspections.home.lateCount', { count: d.lateSteps })} />}
        </Group>
      </div>
      {d.unconfirmedRules.length > 0 && (
        <Notice tone="warning">
          <Text size="sm" fw={600}>
            {t('inspections.case.unconfirmedTitle')}
          </Text>
          <Text size="sm">{t('inspections.case.unconfirmedIntro')}</Text>
          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }} data-testid="unconfirmed-rules">
            {d.unconfirmedRules.map((r) => (
              <li key={r}>
                <Text size="sm">{r}</Text>
              </li>
            ))}
          </ul>
          {staff && (
            <Anchor component={Link} to="/reference/inspection-rules" size="sm">
              {t('inspections.case.rulesLink')}
            </Anchor>
          )}
        </Notice>
      )}
      {staff ? <StaffDetails d={d} /> : <SubjectIntro d={d} />}
      {d.actions.includes('download') && <Downloads d={d} />}
      <Timeline d={d} />
      {(d.actions.includes('subject_report') || d.viewer === 'subject') && <SubjectReportForm d={d} />}
      {d.actions.includes('record_step') && d.nextStep && d.nextStep !== 'conclusion' && <StepForm d={d} />}
      {d.actions.includes('conclude') && <ConclusionForm d={d} />}
      {d.actions.includes('extend') && <ExtensionForm d={d} />}
      <ConclusionSection d={d} />
      {(d.conclusion || d.recommendations.length > 0) && <Recommendations d={d} />}
    </Stack>
  );
}

function StaffDetails({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const subjectName = d.subject.memberName ? `${d.subject.memberName} (${d.subject.unitName})` : d.subject.unitName;
  return (
    <Section id="in-details" title={t('inspections.case.details')}>
      <p className="ts-li-text" style={{ marginBottom: 12 }}>
        {d.content}
      </p>
      <DetailList
        items={[
          { label: t('inspections.case.kind'), value: `${d.kindName} (${t(`inspections.family.${d.family}`)})` },
          { label: t('inspections.case.body'), value: `${t(`inspections.body.${d.body}`)} · ${d.unitName}` },
          { label: t('inspections.case.subject'), value: subjectName },
          { label: t('inspections.case.review'), value: `${formatDate(d.reviewFrom)} – ${formatDate(d.reviewTo)}` },
          {
            label: t('inspections.case.decision'),
            value: numberAndDate(t, d.decisionNo, d.decidedOn),
          },
          { label: t('inspections.case.notifiedOn'), value: formatDate(d.notifiedOn) },
          { label: t('inspections.case.lead'), value: d.lead?.name },
          { label: t('inspections.case.team'), value: d.team.map((m) => m.name).join(', ') },
          {
            label: t('inspections.case.timeLimit'),
            value: d.timeLimit
              ? t('inspections.case.timeLimitText', { days: d.timeLimit.workingDays, from: stepName(d, d.timeLimit.fromStep), to: stepName(d, d.timeLimit.toStep) })
              : null,
          },
          { label: t('inspections.case.extension'), value: d.extensionWorkingDays > 0 ? t('inspections.case.extensionText', { days: d.extensionWorkingDays, reason: d.extensionReason ?? '' }) : null },
          ...(d.complaint
            ? [
                { label: t('inspections.case.receivedOn'), value: formatDate(d.complaint.receivedOn) },
                { label: t('inspections.case.complainant'), value: d.complaint.complainantName },
                { label: t('inspections.case.complainantContact'), value: d.complaint.complainantContact },
                { label: t('inspections.case.verdict'), value: d.complaint.verdict ? t(`inspections.verdict.${d.complaint.verdict}`) : null },
              ]
            : []),
          {
            label: t('inspections.case.origin'),
            value: d.origin ? (
              <Anchor component={Link} to={`/inspections/${d.origin.id}`}>
                {d.origin.kindName}: {d.origin.title}
              </Anchor>
            ) : null,
          },
          {
            label: t('inspections.case.linked'),
            value:
              d.linked.length > 0 ? (
                <span style={{ display: 'grid', gap: 2 }}>
                  {d.linked.map((l) => (
                    <Anchor key={l.id} component={Link} to={`/inspections/${l.id}`}>
                      {l.kindName}: {l.title} ({t(`inspections.status.${l.status}`)})
                    </Anchor>
                  ))}
                </span>
              ) : null,
          },
        ]}
      />
      {d.actions.includes('open_linked') && d.conclusion?.signsOfViolation && (
        <Button component={Link} to={`/inspections/new?unit=${d.unitId}&origin=${d.id}`} variant="light" mt="sm" data-testid="open-linked">
          {t('inspections.case.openLinked')}
        </Button>
      )}
    </Section>
  );
}

/** The subject's view: what was decided and when they were told. */
function SubjectIntro({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  return (
    <Section id="in-subject" title={t('inspections.case.details')}>
      <Text size="sm" mb="xs">
        {t('inspections.subject.intro', { family: t(`inspections.family.${d.family}`).toLocaleLowerCase('vi') })}
      </Text>
      <p className="ts-li-text" style={{ marginBottom: 12 }}>
        {d.content}
      </p>
      <DetailList
        items={[
          { label: t('inspections.case.decision'), value: numberAndDate(t, d.decisionNo, d.decidedOn) },
          { label: t('inspections.case.body'), value: `${t(`inspections.body.${d.body}`)} · ${d.unitName}` },
          { label: t('inspections.case.review'), value: `${formatDate(d.reviewFrom)} – ${formatDate(d.reviewTo)}` },
          { label: t('inspections.case.notifiedOn'), value: d.notifiedOn ? formatDate(d.notifiedOn) : t('inspections.subject.notNotified') },
          { label: t('inspections.case.lead'), value: d.lead?.name },
        ]}
      />
    </Section>
  );
}

/** A document as it is cited: "Số 01-QĐ/UBKT, ngày 05/03/2026", or just its date. */
function numberAndDate(t: TFunction, no: string | null, date: string): string {
  return no ? t('inspections.case.decisionText', { no, date: formatDate(date) }) : t('inspections.case.decisionDate', { date: formatDate(date) });
}

function stepName(d: InspectionDetail, code: string): string {
  return d.steps.find((s) => s.code === code)?.name ?? code;
}

function Downloads({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const kinds = (['decision', 'plan', 'conclusion'] as const).filter((k) => k !== 'conclusion' || d.conclusion);
  const label = { decision: t('inspections.case.docDecision'), plan: t('inspections.case.docPlan'), conclusion: t('inspections.case.docConclusion') };
  return (
    <Section id="in-docs" title={t('inspections.case.downloads')}>
      <Group gap="xs">
        {kinds.map((k) => (
          <Button key={k} component="a" href={documentUrl(d.id, k)} download variant="default" leftSection={<DownloadIcon size={16} />} data-testid={`doc-${k}`}>
            {label[k]}
          </Button>
        ))}
      </Group>
    </Section>
  );
}

/** The kind's steps in order: due, done, late (in words, not colour alone), what was recorded. */
function Timeline({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  return (
    <Section id="in-timeline" title={t('inspections.case.timeline')}>
      <ol className="ts-li-timeline ts-in-steps" data-testid="case-timeline">
        {d.steps.map((s) => (
          <StepItem key={s.code} d={d} step={s} />
        ))}
      </ol>
    </Section>
  );
}

function StepItem({ d, step: s }: { d: InspectionDetail; step: StepView }) {
  const { t } = useTranslation();
  const look = stepLook(s, d.nextStep);
  const e = s.entry;
  return (
    <li data-look={look} data-step={s.code} data-testid="case-step">
      <div className="ts-in-step-head">
        <Text size="sm" fw={700}>
          {s.name}
        </Text>
        {look === 'next' && (
          <Text size="xs" fw={600} c="orange.9">
            {t('inspections.case.stepNext')}
          </Text>
        )}
        {look === 'overdue' && <LateFlag label={t('inspections.case.stepOverdue')} />}
        {look === 'done_late' && <LateFlag label={t('inspections.case.stepLateDone')} />}
      </div>
      <Text size="xs" c="dimmed">
        {[s.dueOn ? t('inspections.case.stepDue', { date: formatDate(s.dueOn) }) : null, e ? t('inspections.case.stepDone', { date: formatDate(e.doneOn) }) : null, s.limitEnds ? t('inspections.case.limitEnds') : null]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {s.documents.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('inspections.case.documents', { names: s.documents.join(', ') })}
        </Text>
      )}
      {e && (
        <div style={{ marginTop: 4 }}>
          <p className="ts-li-text">{e.note}</p>
          <Text size="xs" c="dimmed">
            {[e.documentNo ? t('inspections.case.documentNo', { no: e.documentNo }) : null, e.byName ? t('inspections.case.by', { name: e.byName }) : null].filter(Boolean).join(' · ')}
          </Text>
          {e.subjectComments && (
            <Text size="sm" mt={4}>
              <b>{t('inspections.case.subjectComments')}:</b> <span className="ts-li-text">{e.subjectComments}</span>
            </Text>
          )}
          {e.attachment && (
            <Text size="sm" mt={4}>
              {t('inspections.case.attachment')}:{' '}
              <Anchor href={attachmentUrl(d.id, e.attachment.id)} download>
                {e.attachment.fileName}
              </Anchor>
            </Text>
          )}
          {e.evidence.length > 0 && (
            <>
              <Text size="sm" mt={4} fw={600}>
                {t('inspections.case.evidence')}
              </Text>
              <ul className="ts-in-evidence" data-testid="step-evidence">
                {e.evidence.map((ev) => (
                  <li key={ev.id}>
                    <Text size="sm" component="span">
                      {t(`inspections.recordType.${ev.recordType}`)}:{' '}
                      <Anchor component={Link} to={evidenceHref(ev.recordType, ev.recordId, d.subject.unitId)}>
                        {ev.label}
                      </Anchor>
                      {ev.note ? ` — ${ev.note}` : ''}
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </li>
  );
}

function ConclusionSection({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const c = d.conclusion;
  if (!c) {
    return d.viewer === 'subject' ? (
      <Text c="dimmed" data-testid="case-no-conclusion">
        {t('inspections.subject.noConclusion')}
      </Text>
    ) : null;
  }
  return (
    <Section id="in-conclusion" title={t('inspections.conclusion.title')} data-testid="case-conclusion">
      <Text size="sm" c="dimmed" mb="xs">
        {numberAndDate(t, c.documentNo, c.concludedOn)}
        {c.signsOfViolation ? ` · ${t('inspections.conclusion.signs')}` : ''}
      </Text>
      <DetailList
        items={[
          { label: t('inspections.conclusion.strengths'), value: c.strengths ? <span className="ts-li-text">{c.strengths}</span> : null },
          { label: t('inspections.conclusion.shortcomings'), value: c.shortcomings ? <span className="ts-li-text">{c.shortcomings}</span> : null },
          { label: t('inspections.conclusion.violations'), value: c.violations ? <span className="ts-li-text">{c.violations}</span> : t('inspections.none') },
          { label: t('inspections.conclusion.causes'), value: c.causes ? <span className="ts-li-text">{c.causes}</span> : null },
          { label: t('inspections.conclusion.responsibility'), value: c.responsibility ? <span className="ts-li-text">{c.responsibility}</span> : null },
          ...(d.complaint?.verdict ? [{ label: t('inspections.case.verdict'), value: t(`inspections.verdict.${d.complaint.verdict}`) }] : []),
        ]}
      />
    </Section>
  );
}
