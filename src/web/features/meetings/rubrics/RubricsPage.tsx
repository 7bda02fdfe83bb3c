import './messages.js';
import './rubrics.css';
import { useState } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { can, useAuthedMe } from '../../../app/me.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Forbidden } from '../../../components/Forbidden.js';
import { Notice } from '../../../components/Notice.js';
import { Skeleton } from '../../../components/Skeleton.js';
import { Tag } from '../../../components/Badges.js';
import { PlusIcon } from '../../../components/icons.js';
import { useRubrics, type Rubric } from './api.js';
import { MEETING_KINDS, type MeetingKind } from './draft.js';
import { LoadRubricModal } from './LoadRubricModal.js';
import { RubricHistory } from './RubricHistory.js';
import { RubricView } from './RubricView.js';

/** Only the party committee and the office load forms (rubric.manage); anyone else is told so. */
export default function RubricsRoute() {
  const me = useAuthedMe();
  return can(me, 'rubric.manage') ? <RubricsPage /> : <Forbidden />;
}

interface ManagedUnit {
  unitId: string;
  unitName: string;
}

/** The units whose forms the caller manages: where they sit on the party committee or in the office. */
function useManagedUnits(): ManagedUnit[] {
  const me = useAuthedMe();
  const units: ManagedUnit[] = [];
  for (const r of me.roles) {
    if ((r.role === 'party_committee' || r.role === 'office') && !units.some((u) => u.unitId === r.unitId)) {
      units.push({ unitId: r.unitId, unitName: r.unitName });
    }
  }
  return units;
}

/** The forms a commune scores its cells' meetings on: the one in use per kind, the replaced ones, and loading a new one. */
function RubricsPage() {
  const { t } = useTranslation();
  const units = useManagedUnits();
  const [unitId, setUnitId] = useState(units[0]?.unitId ?? '');
  const [dialog, setDialog] = useState(false);
  const [loaded, setLoaded] = useState<Rubric | null>(null);
  const list = useRubrics(unitId);
  useDocumentTitle(`${t('rubrics.title')} · ${t('app.titleSuffix')}`);

  const unit = units.find((u) => u.unitId === unitId);
  const items = list.data?.items ?? [];
  const active: Partial<Record<MeetingKind, Rubric>> = {};
  for (const r of items) if (!r.retired && !active[r.kind]) active[r.kind] = r;

  return (
    <Stack gap="lg" className="ts-page">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div style={{ flex: '1 1 320px' }}>
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
            {t('rubrics.title')}
          </Title>
          <Text c="dimmed" maw={720}>
            {t('rubrics.intro')}
          </Text>
        </div>
        {unit && (
          <Button
            leftSection={<PlusIcon size={16} />}
            disabled={!list.isSuccess}
            onClick={() => {
              setLoaded(null);
              setDialog(true);
            }}
          >
            {t('rubrics.load')}
          </Button>
        )}
      </Group>

      {!unit ? (
        <Notice tone="warning">{t('rubrics.noUnit')}</Notice>
      ) : units.length > 1 ? (
        <NativeSelect
          label={t('rubrics.unit')}
          description={t('rubrics.appliesTo', { unit: unit.unitName })}
          value={unitId}
          onChange={(e) => {
            setUnitId(e.currentTarget.value);
            setLoaded(null);
          }}
          data={units.map((u) => ({ value: u.unitId, label: u.unitName }))}
          maw={480}
        />
      ) : (
        <Text size="sm">{t('rubrics.appliesTo', { unit: unit.unitName })}</Text>
      )}

      {loaded && (
        <Notice tone="success" onClose={() => setLoaded(null)}>
          {t('rubrics.loaded', { name: loaded.name, kind: t(`rubrics.kindsLower.${loaded.kind}`) })}
        </Notice>
      )}

      {unit &&
        (list.isPending ? (
          <Stack gap="md">
            <Skeleton h={28} w="50%" />
            <Skeleton h={320} />
          </Stack>
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            {MEETING_KINDS.map((kind) => (
              <KindSection key={kind} kind={kind} rubric={active[kind]} />
            ))}
            <RubricHistory items={items} />
          </>
        ))}

      {unit && (
        <LoadRubricModal
          opened={dialog}
          onClose={() => setDialog(false)}
          unitId={unit.unitId}
          active={active}
          onLoaded={(r) => {
            setLoaded(r);
            setDialog(false);
          }}
        />
      )}
    </Stack>
  );
}

/** One kind of meeting: the form in use, or what happens while there is none. */
function KindSection({ kind, rubric }: { kind: MeetingKind; rubric: Rubric | undefined }) {
  const { t } = useTranslation();
  const headingId = `rubric-kind-${kind}`;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group gap="sm" align="center">
          <Title order={2} fz={{ base: 'lg', sm: 'xl' }} id={headingId}>
            {t(`rubrics.kinds.${kind}`)}
          </Title>
          {rubric && (
            <Tag bg="#e3f3e6" fg="#1b5e2b">
              {t('rubrics.inUse')}
            </Tag>
          )}
        </Group>
        {rubric ? (
          <RubricView rubric={rubric} loadedAt={rubric.createdAt} />
        ) : kind === 'thematic' ? (
          <Notice tone="info" title={t('rubrics.noneThematicTitle')}>
            <p className="ts-notice-text">{t('rubrics.noneThematic')}</p>
          </Notice>
        ) : (
          <Notice tone="warning">{t('rubrics.noneRegular')}</Notice>
        )}
      </Stack>
    </Paper>
  );
}
