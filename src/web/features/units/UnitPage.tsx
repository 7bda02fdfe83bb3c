import '@mantine/core/styles/Breadcrumbs.layer.css';
import { lazy, Suspense, useState } from 'react';
import { Anchor, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { useUnit } from '../../api/queries.js';
import type { UnitDetail } from '../../api/types.js';
import { can, useAuthedMe } from '../../app/me.js';
import { ArchivedBadge, UnitKindBadge } from '../../components/Badges.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorState } from '../../components/ErrorState.js';
import { NotFound } from '../../components/NotFound.js';
import { ClipboardListIcon, DocumentIcon, EditIcon, HistoryIcon, PhoneIcon, PlusIcon, TargetIcon, TaskIcon } from '../../components/icons.js';
import { MemberList } from '../members/MemberList.js';
import { MemberFormModal } from '../members/MemberFormModal.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { ArchiveUnitModal, MoveUnitModal, UnitFormModal } from './UnitModals.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { withWords } from '../../i18n/lazyMessages.js';

// Meetings and reports are their own chunks: a member opening the cell page for its roster
// does not wait for them.
const UnitYearSections = lazy(() => withWords(import('../meetings/UnitYearSections.js')));

export default function UnitRoute() {
  const { id = '' } = useParams();
  return <UnitPage key={id} id={id} />;
}

type Dialog = 'edit' | 'create' | 'move' | 'archive' | 'member' | null;

function UnitPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const unit = useUnit(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [added, setAdded] = useState<string | null>(null);
  useDocumentTitle(unit.data ? `${unit.data.name} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));

  if (unit.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={16} w={240} />
        <Skeleton h={36} w="60%" />
        <Skeleton h={160} />
      </Stack>
    );
  }
  if (unit.isError) {
    if (isApiError(unit.error, 404) || isApiError(unit.error, 400)) return <NotFound />;
    return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;
  }

  const u = unit.data;
  const allowed = new Set(u.allowedActions);
  const close = () => setDialog(null);
  const showMembers = u.kind !== 'mass_org' || u.memberCount > 0;
  const may = (action: string) => allowed.has(action);
  // The cell's work: its board for those who report on it, directives for those who read them,
  // commitments for its leaders and its own members (who register their pledges there).
  const work = u.kind !== 'mass_org' && may('work.report');
  const directives = u.kind !== 'mass_org' && may('directive.read');
  const commitments = u.kind !== 'mass_org' && (may('commitment.read') || me.member?.unitId === u.id);
  // Tự soi, tự sửa: the cell secretary's board, or the commune view, for those who read self-examinations.
  const selfExam = u.kind !== 'mass_org' && may('selfexam.read');

  return (
    <Stack gap="lg" className="ts-page">
      <UnitBreadcrumbs unit={u} />

      <Stack gap="sm">
        <Group gap="sm" align="center">
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
            {u.name}
          </Title>
          <UnitKindBadge kind={u.kind} />
          {u.archived && <ArchivedBadge />}
        </Group>
        <Group gap="xs">
          {allowed.has('unit.update') && (
            <Button variant="light" size="sm" leftSection={<EditIcon size={16} />} onClick={() => setDialog('edit')}>
              {t('units.edit')}
            </Button>
          )}
          {allowed.has('unit.create') && !u.archived && (
            <Button variant="light" size="sm" leftSection={<PlusIcon size={16} />} onClick={() => setDialog('create')}>
              {t('units.create')}
            </Button>
          )}
          {allowed.has('unit.move') && u.parentId && (
            <Button variant="default" size="sm" onClick={() => setDialog('move')}>
              {t('units.move')}
            </Button>
          )}
          {allowed.has('unit.archive') && u.parentId && (
            <Button variant="default" size="sm" onClick={() => setDialog('archive')}>
              {u.archived ? t('units.restore') : t('units.archive')}
            </Button>
          )}
        </Group>
      </Stack>

      {(work || directives || commitments || selfExam) && (
        <Group gap="xs">
          {work && (
            <Button component={Link} to={`/units/${u.id}/work`} variant="light" size="sm" leftSection={<TaskIcon size={16} />}>
              {t('nav.work')}
            </Button>
          )}
          {directives && (
            <Button component={Link} to={`/units/${u.id}/directives`} variant="light" size="sm" leftSection={<DocumentIcon size={16} />}>
              {t('nav.directives')}
            </Button>
          )}
          {commitments && (
            <Button component={Link} to={`/units/${u.id}/commitments`} variant="light" size="sm" leftSection={<TargetIcon size={16} />}>
              {t('nav.commitments')}
            </Button>
          )}
          {selfExam && (
            <Button component={Link} to={`/units/${u.id}/tu-soi`} variant="light" size="sm" leftSection={<ClipboardListIcon size={16} />}>
              {t(u.kind === 'cell' ? 'nav.selfExamBoard' : 'nav.selfExamBoardWide')}
            </Button>
          )}
        </Group>
      )}

      {u.archived && (
        <Notice tone="info">
          {t('units.archivedNotice')}
        </Notice>
      )}

      {u.kind !== 'mass_org' && (allowed.has('meeting.read') || allowed.has('attendance.report')) && (
        <Suspense fallback={<Skeleton h={160} />}>
          <UnitYearSections unit={u} list={allowed.has('meeting.read')} report={allowed.has('attendance.report')} />
        </Suspense>
      )}

      {showMembers && (
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="unit-members">
          <Group justify="space-between" mb="sm" gap="sm">
            <Title order={2} fz="h4" id="unit-members">
              {t('members.sectionTitle')}
            </Title>
            {allowed.has('member.create') && !u.archived && (
              <Button size="sm" leftSection={<PlusIcon size={16} />} onClick={() => setDialog('member')}>
                {t('members.add')}
              </Button>
            )}
          </Group>
          {added && (
            <Notice tone="success" className="ts-mb" onClose={() => setAdded(null)}>
              {t('members.created', { name: added })}
            </Notice>
          )}
          <MemberList unitId={u.id} />
        </Paper>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="unit-details">
          <Title order={2} fz="h4" mb="sm" id="unit-details">
            {t('units.details')}
          </Title>
          <DetailList
            items={[
              { label: t('units.kind'), value: t(`unitKinds.${u.kind}`) },
              { label: t('units.code'), value: u.code },
              { label: t('units.members'), value: u.memberCount },
              { label: t('units.contactName'), value: u.contactName },
              {
                label: t('units.contactPhone'),
                value: u.contactPhone ? (
                  <Anchor href={`tel:${u.contactPhone.replace(/[^0-9+]/g, '')}`}>
                    <Group gap={4} component="span" wrap="nowrap">
                      <PhoneIcon size={14} />
                      {u.contactPhone}
                    </Group>
                  </Anchor>
                ) : null,
              },
            ]}
          />
        </Paper>

        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="unit-children">
          <Title order={2} fz="h4" mb="sm" id="unit-children">
            {t('units.children')}
          </Title>
          {u.children.length === 0 ? (
            <Text c="dimmed">{t('units.noChildren')}</Text>
          ) : (
            <ul className="ts-tree">
              {u.children.map((c) => (
                <li key={c.id}>
                  <div className="ts-tree-row" data-archived={c.archived || undefined}>
                    <Anchor component={Link} to={`/units/${c.id}`} fw={600} className="ts-tree-name">
                      {c.name}
                    </Anchor>
                    <UnitKindBadge kind={c.kind} />
                    {c.archived && <ArchivedBadge />}
                    {c.kind !== 'mass_org' && (
                      <Text size="sm" c="dimmed">
                        {t('units.memberCount', { count: c.memberCount })}
                      </Text>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Paper>
      </SimpleGrid>

      {can(me, 'audit.read') && (
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="unit-audit">
          <Group gap="xs" mb="sm">
            <HistoryIcon />
            <Title order={2} fz="h4" id="unit-audit">
              {t('audit.title')}
            </Title>
          </Group>
          <AuditHistory recordType="unit" recordId={u.id} />
        </Paper>
      )}

      {allowed.has('unit.update') && <UnitFormModal mode="edit" unit={u} opened={dialog === 'edit'} onClose={close} />}
      {allowed.has('unit.create') && <UnitFormModal mode="create" parent={u} opened={dialog === 'create'} onClose={close} />}
      {allowed.has('unit.move') && <MoveUnitModal unit={u} opened={dialog === 'move'} onClose={close} />}
      {allowed.has('unit.archive') && <ArchiveUnitModal unit={u} opened={dialog === 'archive'} onClose={close} />}
      {allowed.has('member.create') && (
        <MemberFormModal
          mode="create"
          unitId={u.id}
          unitName={u.name}
          opened={dialog === 'member'}
          onClose={close}
          onCreated={(m) => setAdded(m.fullName)}
        />
      )}
    </Stack>
  );
}

function UnitBreadcrumbs({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  if (unit.ancestors.length === 0) return null;
  return (
    <nav aria-label={t('units.breadcrumbs')}>
      <Breadcrumbs separator="›" separatorMargin={6} className="ts-breadcrumbs">
        {unit.ancestors.map((a) => (
          <Anchor key={a.id} component={Link} to={`/units/${a.id}`} size="sm">
            {a.name}
          </Anchor>
        ))}
        <Text size="sm" aria-current="page" c="dimmed">
          {unit.name}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
