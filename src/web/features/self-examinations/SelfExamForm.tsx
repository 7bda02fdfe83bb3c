import './messages.js';
import '../correction-plans/messages.js';
import '../../styles/self-examination.css';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { memo, useCallback, useId, useState } from 'react';
import { Button, Checkbox, Group, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';
import { PlusIcon, TrashIcon } from '../../components/icons.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import {
  CAUSE_KINDS,
  EXEMPLARY_MARKS,
  MANIFESTATION_MARKS,
  type CauseKind,
  type ChecklistGroup,
  type ChecklistItem,
  type ChecklistResponse,
  type Followup,
  type Mark,
  type Shortcoming,
} from './api.js';
import { PlanItemBadges } from '../correction-plans/Badges.js';
import { answersById, emptyFollowup, emptyShortcoming, withAnswer, type Draft, type DraftAnswer } from './draft.js';

type Update = (change: (d: Draft) => Draft) => void;

/** Colours of a chosen mark in the read-only view (≥ 7:1 text on tint). */
const MARK_LOOK: Record<Mark, [string, string]> = {
  none: ['#e3f3e6', '#1b5e2b'],
  at_risk: ['#fff1d6', '#6e4300'],
  present: ['#fbe3e3', '#8a1010'],
  good: ['#e3f3e6', '#1b5e2b'],
  limited: ['#fff1d6', '#6e4300'],
  not_met: ['#fbe3e3', '#8a1010'],
};

export const itemAnchor = (itemId: string) => `se-item-${itemId}`;

/** "Có nguy cơ" breaks as "Có / nguy cơ" on a narrow button, never "Có nguy / cơ". */
const keepLastWord = (label: string) => label.replace(/ (\S+)$/u, '\u00a0$1');

/**
 * The sections of a self-examination: the 27 manifestations, the exemplary points, strengths,
 * shortcomings with causes and proposed corrections, and last period's follow-ups. With `update`
 * the member writes; without it everything is read-only.
 */
export function SelfExamSections({
  checklist,
  draft,
  update,
  missing,
}: {
  checklist: ChecklistResponse;
  draft: Draft;
  update: Update | null;
  /** Items the member tried to submit without marking. */
  missing: Set<string>;
}) {
  const { t } = useTranslation();
  const answers = answersById(draft);
  const manifestations = checklist.groups.filter((g) => g.list === 'manifestation');
  const exemplary = checklist.groups.filter((g) => g.list === 'exemplary');
  const onMark = useCallback((itemId: string, mark: Mark) => update?.((d) => withAnswer(d, itemId, { mark })), [update]);
  const onNote = useCallback((itemId: string, note: string) => update?.((d) => withAnswer(d, itemId, { note })), [update]);
  const countOf = (groups: typeof manifestations) => ({
    total: groups.reduce((n, g) => n + g.items.length, 0),
    marked: groups.reduce((n, g) => n + g.items.filter((i) => answers.has(i.id)).length, 0),
  });
  const { total, marked } = countOf(manifestations);
  const { total: exemplaryTotal, marked: exemplaryMarked } = countOf(exemplary);

  return (
    <>
      <Section n={1} title={t('selfexam.form.manifestations')} intro={update ? t('selfexam.form.manifestationsIntro', { marked, total }) : undefined}>
        {manifestations.map((g) => (
          <GroupBlock key={g.code} group={g} marks={MANIFESTATION_MARKS} answers={answers} onMark={update ? onMark : null} onNote={onNote} missing={missing} />
        ))}
      </Section>
      {exemplary.length > 0 && (
        <Section n={2} title={t('selfexam.form.exemplary')} intro={update ? t('selfexam.form.exemplaryIntro', { marked: exemplaryMarked, total: exemplaryTotal }) : undefined}>
          {exemplary.map((g) => (
            <GroupBlock key={g.code} group={g} marks={EXEMPLARY_MARKS} answers={answers} onMark={update ? onMark : null} onNote={onNote} missing={missing} />
          ))}
        </Section>
      )}
      <Section n={3} title={t('selfexam.form.strengths')} intro={update ? t('selfexam.form.strengthsIntro') : undefined}>
        {update ? (
          <Textarea
            label={t('selfexam.form.strengthsLabel')}
            autosize
            minRows={3}
            maxRows={16}
            maxLength={5000}
            value={draft.strengths}
            onChange={(e) => {
              const v = e.currentTarget.value;
              update((d) => ({ ...d, strengths: v }));
            }}
          />
        ) : (
          <ReadText text={draft.strengths} />
        )}
      </Section>
      <Section n={4} title={t('selfexam.form.shortcomings')} intro={update ? t('selfexam.form.shortcomingsIntro') : undefined}>
        <Shortcomings items={draft.shortcomings} update={update} />
      </Section>
      <Section n={5} title={t('selfexam.form.followups')} intro={update ? t('selfexam.form.followupsIntro') : undefined}>
        <Followups items={draft.followups} update={update} />
      </Section>
    </>
  );
}

function Section({ n, title, intro, children }: { n: number; title: string; intro?: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section className="ts-se-section" aria-labelledby={`${id}-h`}>
      <Title order={2} fz="h4" id={`${id}-h`}>
        <span className="ts-se-section-n" aria-hidden="true">
          {n}
        </span>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" mt={4}>
          {intro}
        </Text>
      )}
      <div className="ts-se-section-body">{children}</div>
    </section>
  );
}

function ReadText({ text }: { text: string }) {
  const { t } = useTranslation();
  return text.trim() ? <Text className="ts-se-prewrap">{text}</Text> : <Text c="dimmed">{t('selfexam.form.nothingWritten')}</Text>;
}

function GroupBlock({
  group,
  marks,
  answers,
  onMark,
  onNote,
  missing,
}: {
  group: ChecklistGroup;
  marks: readonly Mark[];
  answers: Map<string, DraftAnswer>;
  onMark: ((itemId: string, mark: Mark) => void) | null;
  onNote: (itemId: string, note: string) => void;
  missing: Set<string>;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const n = (v: number) => formatNumber(v, i18n.language);
  const done = group.items.filter((i) => answers.has(i.id)).length;
  const counts = marks.map((m) => ({ m, c: group.items.filter((i) => answers.get(i.id)?.mark === m).length }));
  return (
    <div className="ts-se-group" role="group" aria-labelledby={`${id}-h`}>
      <div className="ts-se-group-head">
        <Title order={3} fz="h5" id={`${id}-h`}>
          {group.name}
        </Title>
        <Text size="sm" c="dimmed" aria-live="polite">
          {onMark
            ? t('selfexam.form.groupDone', { done: n(done), total: n(group.items.length) })
            : counts.map(({ m, c }) => `${t(`selfexam.mark.${m}`)}: ${n(c)}`).join(' · ')}
        </Text>
      </div>
      <ol className="ts-se-items">
        {group.items.map((item) => (
          <li key={item.id}>
            <MarkRow item={item} marks={marks} answer={answers.get(item.id)} onMark={onMark} onNote={onNote} missing={missing.has(item.id)} />
          </li>
        ))}
      </ol>
    </div>
  );
}

/** One item: none / at risk / present (or good / limited / not met) as big radio buttons, and an optional note. */
const MarkRow = memo(function MarkRow({
  item,
  marks,
  answer,
  onMark,
  onNote,
  missing,
}: {
  item: ChecklistItem;
  marks: readonly Mark[];
  answer: DraftAnswer | undefined;
  onMark: ((itemId: string, mark: Mark) => void) | null;
  onNote: (itemId: string, note: string) => void;
  missing: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [noteOpen, setNoteOpen] = useState(false);
  const note = answer?.note ?? '';
  const showNote = answer !== undefined && (noteOpen || note !== '');
  const readOnly = onMark === null;
  return (
    <fieldset className="ts-se-mark" id={itemAnchor(item.id)} data-missing={missing || undefined} data-mark={answer?.mark} aria-describedby={item.text ? `${id}-text` : undefined}>
      <legend className="ts-se-mark-title">
        <span className="ts-se-code">{item.code}</span> {item.title}
      </legend>
      {item.text && (
        <Text size="sm" c="dimmed" id={`${id}-text`} className="ts-se-mark-text">
          {item.text}
        </Text>
      )}
      {readOnly ? (
        <div className="ts-se-mark-read">
          {answer ? (
            <Tag bg={MARK_LOOK[answer.mark][0]} fg={MARK_LOOK[answer.mark][1]}>
              {t(`selfexam.mark.${answer.mark}`)}
            </Tag>
          ) : (
            <Text size="sm" c="dimmed">
              {t('selfexam.form.notMarked')}
            </Text>
          )}
          {note && (
            <Text size="sm" className="ts-se-prewrap">
              <span className="ts-se-label">{t('selfexam.form.note')}: </span>
              {note}
            </Text>
          )}
        </div>
      ) : (
        <>
          <div className="ts-se-choices">
            {marks.map((m) => (
              <label key={m} className="ts-se-choice-btn" data-mark={m}>
                <input type="radio" name={`${id}-mark`} value={m} checked={answer?.mark === m} onChange={() => onMark(item.id, m)} />
                <span>{keepLastWord(t(`selfexam.mark.${m}`))}</span>
              </label>
            ))}
          </div>
          {missing && (
            <Text size="sm" c="#8a1010" fw={600}>
              {t('selfexam.form.chooseMark')}
            </Text>
          )}
          {showNote ? (
            <Textarea
              label={t('selfexam.form.noteFor', { code: item.code })}
              autosize
              minRows={2}
              maxRows={10}
              maxLength={1000}
              value={note}
              onChange={(e) => onNote(item.id, e.currentTarget.value)}
              autoFocus={noteOpen && note === ''}
            />
          ) : (
            answer !== undefined && (
              <Button variant="subtle" size="compact-sm" px={0} onClick={() => setNoteOpen(true)} className="ts-se-add-note">
                {t('selfexam.form.addNote')}
              </Button>
            )
          )}
        </>
      )}
    </fieldset>
  );
});

function Shortcomings({ items, update }: { items: Shortcoming[]; update: Update | null }) {
  const { t } = useTranslation();
  const change = useCallback(
    (key: string, next: Shortcoming | null) =>
      update?.((d) => ({
        ...d,
        shortcomings: next === null ? d.shortcomings.filter((s) => s.key !== key) : d.shortcomings.map((s) => (s.key === key ? next : s)),
      })),
    [update],
  );
  if (!update && items.length === 0) return <Text c="dimmed">{t('selfexam.form.noShortcomings')}</Text>;
  return (
    <>
      {items.map((s, i) => (
        <ShortcomingBox key={s.key} n={i + 1} value={s} onChange={update ? change : null} />
      ))}
      {update && (
        <Button
          variant="light"
          leftSection={<PlusIcon size={16} />}
          onClick={() => update((d) => ({ ...d, shortcomings: [...d.shortcomings, emptyShortcoming()] }))}
          disabled={items.length >= 30}
        >
          {t('selfexam.form.addShortcoming')}
        </Button>
      )}
    </>
  );
}

const ShortcomingBox = memo(function ShortcomingBox({
  n,
  value: s,
  onChange,
}: {
  n: number;
  value: Shortcoming;
  onChange: ((key: string, next: Shortcoming | null) => void) | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const legend = t('selfexam.form.shortcomingN', { n });
  if (!onChange) {
    return (
      <div className="ts-se-box" role="group" aria-label={legend}>
        <Text fw={700} className="ts-se-prewrap">
          {n}. {s.text || t('selfexam.form.nothingWritten')}
        </Text>
        <Text size="sm">
          <span className="ts-se-label">{t('selfexam.form.cause')}: </span>
          {s.causeKind ? `${t(`selfexam.cause.${s.causeKind}`)}. ` : ''}
          <span className="ts-se-prewrap">{s.cause}</span>
        </Text>
        {s.plan && (
          <Text size="sm">
            <span className="ts-se-label">{t('selfexam.form.proposal')}: </span>
            <span className="ts-se-prewrap">{s.plan.action}</span>
            {s.plan.deadline && ` · ${t('selfexam.plan.deadline')}: ${formatDate(s.plan.deadline)}`}
            {s.plan.successCriteria && ` · ${t('selfexam.plan.successCriteria')}: ${s.plan.successCriteria}`}
          </Text>
        )}
      </div>
    );
  }
  const set = (patch: Partial<Shortcoming>) => onChange(s.key, { ...s, ...patch });
  const setPlan = (patch: Partial<NonNullable<Shortcoming['plan']>>) =>
    onChange(s.key, { ...s, plan: { action: '', deadline: null, successCriteria: '', ...s.plan, ...patch } });
  const hasText = s.text.trim() !== '' || s.cause.trim() !== '' || (s.plan !== null && s.plan.action.trim() !== '');
  return (
    <fieldset className="ts-se-box">
      <legend>{legend}</legend>
      <Textarea
        label={t('selfexam.form.shortcomingText')}
        description={n === 1 ? t('selfexam.form.shortcomingHint') : undefined}
        autosize
        minRows={2}
        maxRows={12}
        maxLength={2000}
        value={s.text}
        onChange={(e) => set({ text: e.currentTarget.value })}
      />
      <fieldset className="ts-se-inline-radios">
        <legend>{t('selfexam.form.causeKind')}</legend>
        <div className="ts-se-choices" data-size="sm">
          {CAUSE_KINDS.map((k: CauseKind) => (
            <label key={k} className="ts-se-choice-btn" data-mark="cause">
              <input type="radio" name={`${id}-cause`} value={k} checked={s.causeKind === k} onChange={() => set({ causeKind: k })} />
              <span>{t(`selfexam.cause.${k}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Textarea
        label={t('selfexam.form.cause')}
        autosize
        minRows={2}
        maxRows={10}
        maxLength={2000}
        value={s.cause}
        onChange={(e) => set({ cause: e.currentTarget.value })}
      />
      <Checkbox
        label={t('selfexam.form.propose')}
        description={t('selfexam.form.proposeHint')}
        checked={s.plan !== null}
        onChange={(e) => set({ plan: e.currentTarget.checked ? (s.plan ?? { action: '', deadline: null, successCriteria: '' }) : null })}
        className="ts-se-check"
      />
      {s.plan && (
        <div className="ts-se-proposal">
          <Textarea
            label={t('selfexam.plan.action')}
            autosize
            minRows={2}
            maxRows={10}
            maxLength={2000}
            value={s.plan.action}
            onChange={(e) => setPlan({ action: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('selfexam.plan.deadline')}
            value={s.plan.deadline ?? ''}
            onChange={(e) => setPlan({ deadline: /^\d{4}-\d{2}-\d{2}$/.test(e.currentTarget.value) ? e.currentTarget.value : null })}
            className="ts-se-date"
          />
          <Textarea
            label={t('selfexam.plan.successCriteria')}
            description={t('selfexam.plan.successCriteriaHint')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={1000}
            value={s.plan.successCriteria}
            onChange={(e) => setPlan({ successCriteria: e.currentTarget.value })}
          />
        </div>
      )}
      <Group justify="flex-end" gap="xs">
        {confirmRemove ? (
          <>
            <Text size="sm" fw={600}>
              {t('selfexam.form.removeAsk')}
            </Text>
            <Button size="compact-sm" variant="default" onClick={() => setConfirmRemove(false)}>
              {t('selfexam.form.keep')}
            </Button>
            <Button size="compact-sm" color="partyRed" onClick={() => onChange(s.key, null)}>
              {t('selfexam.form.remove')}
            </Button>
          </>
        ) : (
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<TrashIcon size={14} />}
            onClick={() => (hasText ? setConfirmRemove(true) : onChange(s.key, null))}
            aria-label={t('selfexam.form.removeN', { n })}
          >
            {t('selfexam.form.remove')}
          </Button>
        )}
      </Group>
    </fieldset>
  );
});

function Followups({ items, update }: { items: Followup[]; update: Update | null }) {
  const { t } = useTranslation();
  const change = useCallback(
    (key: string, next: Followup | null) =>
      update?.((d) => ({
        ...d,
        followups: next === null ? d.followups.filter((f) => f.key !== key) : d.followups.map((f) => (f.key === key ? next : f)),
      })),
    [update],
  );
  if (items.length === 0 && !update) return <Text c="dimmed">{t('selfexam.form.noFollowups')}</Text>;
  return (
    <>
      {items.length === 0 && <Text c="dimmed">{t('selfexam.form.noFollowupsYet')}</Text>}
      {items.map((f, i) => (
        <FollowupBox key={f.key} n={i + 1} value={f} onChange={update ? change : null} />
      ))}
      {update && (
        <Button variant="light" leftSection={<PlusIcon size={16} />} onClick={() => update((d) => ({ ...d, followups: [...d.followups, emptyFollowup()] }))} disabled={items.length >= 60}>
          {t('selfexam.form.addFollowup')}
        </Button>
      )}
    </>
  );
}

const FollowupBox = memo(function FollowupBox({
  n,
  value: f,
  onChange,
}: {
  n: number;
  value: Followup;
  onChange: ((key: string, next: Followup | null) => void) | null;
}) {
  const { t } = useTranslation();
  const fromPlan = f.planItemId !== null;
  const legend = t('selfexam.form.followupN', { n });
  const head = (
    <div className="ts-se-card-head">
      <Text fw={700} className="ts-se-card-title ts-se-prewrap">
        {f.shortcoming}
      </Text>
      {f.status && (
        <span className="ts-se-badges">
          <PlanItemBadges item={{ status: f.status, overdue: false }} />
        </span>
      )}
    </div>
  );
  if (!onChange) {
    return (
      <div className="ts-se-box" role="group" aria-label={legend}>
        {head}
        <Text size="sm">
          <span className="ts-se-label">{t('selfexam.form.followupResult')}: </span>
          <span className="ts-se-prewrap">{f.result || t('selfexam.form.nothingWritten')}</span>
        </Text>
      </div>
    );
  }
  return (
    <fieldset className="ts-se-box">
      <legend>{legend}</legend>
      {fromPlan ? (
        <>
          <Text size="xs" c="dimmed">
            {t('selfexam.form.followupFromPlan')}
          </Text>
          {head}
        </>
      ) : (
        <Textarea
          label={t('selfexam.form.followupShortcoming')}
          autosize
          minRows={2}
          maxLength={2000}
          value={f.shortcoming}
          onChange={(e) => onChange(f.key, { ...f, shortcoming: e.currentTarget.value })}
        />
      )}
      <Textarea
        label={t('selfexam.form.followupResult')}
        description={t('selfexam.form.followupResultHint')}
        autosize
        minRows={2}
        maxRows={10}
        maxLength={2000}
        value={f.result}
        onChange={(e) => onChange(f.key, { ...f, result: e.currentTarget.value })}
      />
      {!fromPlan && (
        <Group justify="flex-end">
          <Button size="compact-sm" variant="subtle" color="gray" leftSection={<TrashIcon size={14} />} onClick={() => onChange(f.key, null)} aria-label={t('selfexam.form.removeFollowupN', { n })}>
            {t('selfexam.form.remove')}
          </Button>
        </Group>
      )}
    </fieldset>
  );
});
