import './messages.js';
import '../../styles/commitments.css';
import { useState } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { useUnit, useUnitTree } from '../../api/queries.js';
import type { UnitDetail } from '../../api/types.js';
import { useAuthedMe } from '../../app/me.js';
import { ErrorState } from '../../components/ErrorState.js';
import { NotFound } from '../../components/NotFound.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { ChevronRight, DownloadIcon, PlusIcon, UploadIcon } from '../../components/icons.js';
import { todayLocal } from '../../lib/time.js';
import { allowedYears } from '../../../domain/commitments.js';
import { holdsAt } from '../../lib/roles.js';
import { exportHref, useCommitments, type CommitmentSubjectGroup, type CommitmentSummary } from './api.js';
import { CommitmentLine } from './CommitmentLine.js';
import { CommitmentDialogs, type Dialog, type SubjectChoice } from './CommitmentDialogs.js';
import { SummaryStrip } from './SummaryStrip.js';
import { cellsUnder } from '../../lib/units.js';
import { confirmableIds, groupBySection } from './view.js';
import { useYearParam } from '../../lib/year.js';
import { AreaHeader, unitGate, YearToolbar } from '../../components/AreaParts.js';

export default function CommitmentsRoute() {
  const { id = '' } = useParams();
  return <CommitmentsPage key={id} unitId={id} />;
}

/**
 * Chỉ tiêu cam kết of a unit's year: the cell's own pledge and each member's, grouped by the
 * sections of the yearly pledge, with what the caller may do on each line. An ordinary member
 * sees (and writes) only their own pledge.
 */
function CommitmentsPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const unit = useUnit(unitId);
  const [year, setYear] = useYearParam();
  const unitKind = unit.data?.kind;
  // Above the cells, the committee's part is the cells' own pledges (it confirms and evaluates
  // those); each member's pledge is read on the cell's page. The figures still count everyone.
  const list = useCommitments(unitId, year, unitKind === undefined || unitKind === 'cell' ? 'all' : 'units');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);

  const leader = unit.data ? holdsAt(me, 'read', unit.data) : false;
  const title = leader ? t('commitments.page.title', { year }) : t('commitments.page.mine', { year });
  useDocumentTitle(unit.data ? `${title} · ${unit.data.name} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));

  if (!unit.data) return unitGate(unit);
  const u = unit.data;
  const canManage = holdsAt(me, 'manage', u);
  const isCell = u.kind === 'cell';
  // A member writes their own pledge in their own cell; leaders write for the cell and its members.
  const ownCell = me.member?.unitId === u.id;
  // Pledges are registered for last year to next year (the server's rule); older years are read only.
  const open = allowedYears(list.data?.today ?? todayLocal());
  const canAdd = isCell && (ownCell || canManage) && year >= open.from && year <= open.to;
  const subjects = list.data?.subjects ?? [];

  const openAdd = (subject?: SubjectChoice) => setDialog({ kind: 'add', subject });

  return (
    <Stack gap="md" className="ts-page">
      <AreaHeader unit={u} title={title} intro={leader ? t('commitments.page.intro') : t('commitments.page.introMine')} />
      <YearToolbar year={year} label={t('commitments.page.year')} onYear={setYear} busy={list.isFetching && !list.isPending}>
        {canAdd && (
          <Button className="ts-cm-main-action" leftSection={<PlusIcon size={16} />} onClick={() => openAdd()}>
            {t('commitments.page.add')}
          </Button>
        )}
        {leader && (
          <Button variant="default" component="a" href={exportHref(u.id, year)} download leftSection={<DownloadIcon size={16} />}>
            {t('commitments.page.export')}
          </Button>
        )}
        {canAdd && canManage && (
          <Button variant="default" leftSection={<UploadIcon size={16} />} onClick={() => setDialog({ kind: 'import' })}>
            {t('commitments.page.import')}
          </Button>
        )}
      </YearToolbar>

      {!isCell && (
        <Stack gap={4}>
          <CellPicker unit={u} year={year} />
          <Text size="sm" c="dimmed">
            {t('commitments.page.committeeHint')}
          </Text>
        </Stack>
      )}

      {done && (
        <Notice tone="success" onClose={() => setDone(null)}>
          {done}
        </Notice>
      )}

      {list.isPending ? (
        <Stack gap="sm">
          <Skeleton h={110} />
          <Skeleton h={200} />
        </Stack>
      ) : list.isError ? (
        isApiError(list.error, 404) ? (
          <NotFound />
        ) : (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        )
      ) : (
        <>
          {list.data && list.data.counts.total > 0 && <SummaryStrip counts={list.data.counts} year={year} />}
          {subjects.length === 0 ? (
            <Text className="ts-cm-empty">{leader ? t('commitments.page.empty', { year }) : t('commitments.page.emptyMine', { year })}</Text>
          ) : (
            <Subjects
              unitId={u.id}
              year={year}
              subjects={subjects}
              selfId={me.member?.id ?? null}
              collapsible={subjects.length > 1}
              canManage={canAdd && canManage}
              onDialog={setDialog}
              onAdd={openAdd}
            />
          )}
        </>
      )}

      <CommitmentDialogs
        dialog={dialog}
        unit={u}
        year={year}
        today={list.data?.today ?? null}
        canManage={canManage}
        onClose={() => setDialog(null)}
        onDone={(message) => {
          setDialog(null);
          setDone(message);
        }}
      />
    </Stack>
  );
}

/** A committee looks after its cells' pledges: one select to open a cell's page. */
function CellPicker({ unit, year }: { unit: UnitDetail; year: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tree = useUnitTree();
  const cells = tree.data ? cellsUnder(tree.data.roots, unit.id) : [];
  if (cells.length === 0) return null;
  return (
    <NativeSelect
      label={t('commitments.page.cellPicker')}
      value=""
      onChange={(e) => {
        const id = e.currentTarget.value;
        if (id) navigate(`/units/${id}/commitments?year=${year}`);
      }}
      data={[{ value: '', label: t('commitments.page.cellPickerNone') }, ...cells.map((c) => ({ value: c.id, label: c.name }))]}
      maw={480}
    />
  );
}

function Subjects({
  unitId,
  year,
  subjects,
  selfId,
  collapsible,
  canManage,
  onDialog,
  onAdd,
}: {
  unitId: string;
  year: number;
  subjects: CommitmentSubjectGroup[];
  selfId: string | null;
  collapsible: boolean;
  canManage: boolean;
  onDialog: (d: Dialog) => void;
  onAdd: (subject: SubjectChoice) => void;
}) {
  const { t } = useTranslation();
  // Members who have not registered anything are one compact list rather than a section each
  // (a cell has thirty of them at the start of a year); the cell's own pledge and the caller's
  // stay sections, to be filled in.
  const shown = subjects.filter((s) => s.items.length > 0 || s.subjectKind === 'unit' || s.subjectId === selfId);
  const missing = subjects.filter((s) => !shown.includes(s));
  const foldable = collapsible && shown.length > 1;
  // Open at first: the page's own cell and the caller's pledge; the others on demand.
  const initiallyOpen = (s: CommitmentSubjectGroup) => !foldable || s.subjectId === unitId || s.subjectId === selfId;
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const isOpen = (s: CommitmentSubjectGroup) => open[s.subjectId] ?? initiallyOpen(s);
  const allOpen = shown.every(isOpen);
  return (
    <Stack gap="sm">
      {foldable && (
        <Group justify="flex-end">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setOpen(Object.fromEntries(shown.map((s) => [s.subjectId, !allOpen])))}
          >
            {allOpen ? t('commitments.page.collapseAll') : t('commitments.page.expandAll')}
          </Button>
        </Group>
      )}
      <div className="ts-cm-subjects">
        {shown.map((s) => (
          <SubjectSection
            key={s.subjectId}
            year={year}
            subject={s}
            self={s.subjectId === selfId}
            collapsible={foldable}
            open={isOpen(s)}
            onToggle={() => setOpen((o) => ({ ...o, [s.subjectId]: !isOpen(s) }))}
            canAdd={canManage && collapsible}
            onDialog={onDialog}
            onAdd={onAdd}
          />
        ))}
        {missing.length > 0 && <NotRegistered subjects={missing} canAdd={canManage} onAdd={onAdd} />}
      </div>
    </Stack>
  );
}

/** "Chưa đăng ký cam kết": the members with nothing for the year; a leader adds a line for one from here. */
function NotRegistered({
  subjects,
  canAdd,
  onAdd,
}: {
  subjects: CommitmentSubjectGroup[];
  canAdd: boolean;
  onAdd: (subject: SubjectChoice) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="cm-not-registered">
      <Title order={2} fz="md" id="cm-not-registered" mb={4}>
        {t('commitments.subject.missingTitle', { count: subjects.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {canAdd ? t('commitments.subject.missingHintAdd') : t('commitments.subject.missingHint')}
      </Text>
      <ul className="ts-cm-missing">
        {subjects.map((s) => (
          <li key={s.subjectId}>
            {canAdd ? (
              <Button
                variant="default"
                size="compact-sm"
                leftSection={<PlusIcon size={14} />}
                aria-label={t('commitments.subject.addFor', { name: s.name })}
                onClick={() => onAdd({ kind: s.subjectKind, id: s.subjectId, name: s.name })}
              >
                {s.name}
              </Button>
            ) : (
              s.name
            )}
          </li>
        ))}
      </ul>
    </Paper>
  );
}

function SubjectSection({
  year,
  subject,
  self,
  collapsible,
  open,
  onToggle,
  canAdd,
  onDialog,
  onAdd,
}: {
  year: number;
  subject: CommitmentSubjectGroup;
  self: boolean;
  collapsible: boolean;
  open: boolean;
  onToggle: () => void;
  canAdd: boolean;
  onDialog: (d: Dialog) => void;
  onAdd: (subject: SubjectChoice) => void;
}) {
  const { t } = useTranslation();
  const headingId = `cm-subject-${subject.subjectId}`;
  const bodyId = `cm-subject-body-${subject.subjectId}`;
  const confirmed = subject.items.filter((c) => c.confirmedAt).length;
  const toConfirm = confirmableIds(subject.items);
  const name = subject.name;
  const count = subject.items.length;
  const choice: SubjectChoice = { kind: subject.subjectKind, id: subject.subjectId, name: subject.name };
  const heading = (
    <>
      <span className="ts-cm-subject-name">
        {name}
        {self && <span className="ts-muted"> {t('commitments.page.you')}</span>}
      </span>
      <span className="ts-cm-subject-meta">
        {subject.subjectKind === 'unit' && `${t('commitments.subject.unitPledge')} · `}
        {count === 0 ? t('commitments.subject.none') : t('commitments.subject.meta', { count, confirmed })}
      </span>
    </>
  );

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={headingId}>
      <div className="ts-cm-subject-head">
        <Title order={2} fz="md" id={headingId} style={{ minWidth: 0 }}>
          {collapsible ? (
            <button type="button" className="ts-cm-subject-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
              <ChevronRight size={18} />
              <span>{heading}</span>
            </button>
          ) : (
            heading
          )}
        </Title>
        {toConfirm.length > 0 && (
          <Button
            size="sm"
            aria-label={t('commitments.subject.confirmLabel', { count: toConfirm.length, name: subject.name })}
            onClick={() => onDialog({ kind: 'confirm', subject: choice, ids: toConfirm })}
          >
            {t('commitments.subject.confirm', { count: toConfirm.length })}
          </Button>
        )}
      </div>
      <div id={bodyId} hidden={!open}>
        {open && (
          <Stack gap="md" mt="sm">
            {count === 0 && (
              <Text className="ts-cm-empty">{self ? t('commitments.page.emptyMine', { year }) : t('commitments.subject.noneYet', { year })}</Text>
            )}
            {groupBySection(subject.items).map((g) => (
              <div key={g.section} className="ts-cm-section">
                <Title order={3} className="ts-cm-section-title">
                  {t(`commitments.section.${g.section}`)}
                </Title>
                <ul className="ts-cm-lines">
                  {g.items.map((c) => (
                    <CommitmentLine key={c.id} c={c} onAction={(action) => onDialog(actionDialog(action, c))} />
                  ))}
                </ul>
              </div>
            ))}
            {canAdd && (
              <Group>
                <Button
                  variant="subtle"
                  size="sm"
                  leftSection={<PlusIcon size={16} />}
                  aria-label={t('commitments.subject.addFor', { name })}
                  onClick={() => onAdd(choice)}
                >
                  {t('commitments.page.add')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </div>
    </Paper>
  );
}

function actionDialog(action: 'edit' | 'progress' | 'evaluate' | 'delete', c: CommitmentSummary): Dialog {
  return { kind: action, item: c };
}
