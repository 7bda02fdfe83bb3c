import '@mantine/core/styles/SegmentedControl.layer.css';
import './messages.js';
import { NativeSelect, SegmentedControl, Stack, Input } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnitTree } from '../../api/queries.js';
import { cellsUnder } from '../../lib/units.js';
import type { KindRule } from './api.js';
import { MemberPick, type Picked } from './Parts.js';

export interface SubjectValue {
  kind: 'unit' | 'member';
  unitId: string;
  member: Picked;
}
export const NO_SUBJECT: SubjectValue = { kind: 'unit', unitId: '', member: null };

/** The kind of work (from the rules) and its subject: a cell under `unitId`, or a member of it. */
export function KindAndSubject({
  unitId,
  kinds,
  kindCode,
  onKind,
  subject,
  onSubject,
  errors,
}: {
  unitId: string;
  kinds: KindRule[];
  kindCode: string;
  onKind: (code: string) => void;
  subject: SubjectValue;
  onSubject: (s: SubjectValue) => void;
  errors: { kindCode?: string | undefined; subjectUnitId?: string | undefined; subjectMemberId?: string | undefined };
}) {
  const { t } = useTranslation();
  const tree = useUnitTree();
  const cells = tree.data ? cellsUnder(tree.data.roots, unitId) : [];
  const kind = kinds.find((k) => k.code === kindCode);
  // A kind that takes only one sort of subject decides it.
  const allowed = kind?.subjects ?? ['unit', 'member'];
  const subjectKind = allowed.includes(subject.kind) ? subject.kind : (allowed[0] ?? 'unit');
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('inspections.programme.kind')}
        required
        value={kindCode}
        onChange={(e) => onKind(e.currentTarget.value)}
        data={[{ value: '', label: '—' }, ...kinds.map((k) => ({ value: k.code, label: k.confirmed ? k.name : `${k.name} (${t('inspections.unconfirmed')})` }))]}
        error={errors.kindCode}
        data-testid="kind-select"
      />
      {allowed.length > 1 && (
        <Input.Wrapper label={t('inspections.programme.subjectKind')} labelElement="div">
          <SegmentedControl
            fullWidth
            value={subjectKind}
            onChange={(v) => onSubject({ ...subject, kind: v as SubjectValue['kind'] })}
            data={[
              { value: 'unit', label: t('inspections.programme.subjectUnit') },
              { value: 'member', label: t('inspections.programme.subjectMember') },
            ]}
            data-testid="subject-kind"
          />
        </Input.Wrapper>
      )}
      {subjectKind === 'unit' ? (
        <NativeSelect
          label={t('inspections.programme.unit')}
          required
          value={subject.unitId}
          onChange={(e) => onSubject({ ...subject, kind: 'unit', unitId: e.currentTarget.value })}
          data={[{ value: '', label: '—' }, ...cells.map((c) => ({ value: c.id, label: c.name }))]}
          error={errors.subjectUnitId}
          data-testid="subject-unit"
        />
      ) : (
        <MemberPick
          unitId={unitId}
          label={t('inspections.programme.member')}
          required
          value={subject.member}
          onChange={(member) => onSubject({ ...subject, kind: 'member', member })}
          error={errors.subjectMemberId}
          testId="subject-member"
        />
      )}
    </Stack>
  );
}

/** The subject as the API takes it. */
export function subjectBody(s: SubjectValue, kinds: KindRule[], kindCode: string): { subjectUnitId?: string; subjectMemberId?: string } {
  const allowed = kinds.find((k) => k.code === kindCode)?.subjects ?? ['unit', 'member'];
  const kind = allowed.includes(s.kind) ? s.kind : (allowed[0] ?? 'unit');
  if (kind === 'member') return s.member ? { subjectMemberId: s.member.id } : {};
  return s.unitId ? { subjectUnitId: s.unitId } : {};
}
