import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberStatus, Role, UnitKind } from '../api/types.js';

// Own colour pairs (≥ 7:1 text on tint) rather than Mantine's light variants, which are too pale
// for small text. Plain spans: a badge needs no component machinery.
const STATUS_COLOURS: Record<MemberStatus, [bg: string, fg: string]> = {
  official: ['#e3f3e6', '#1b5e2b'],
  probationary: ['#fff1d6', '#6e4300'],
  exempt: ['#eceff1', '#37474f'],
};
const KIND_COLOURS: Record<UnitKind, [bg: string, fg: string]> = {
  province: ['#fdebd3', '#6d3a00'],
  commune: ['#fbe3e3', '#8a1010'],
  intermediate: ['#dff1ef', '#10534b'],
  cell: ['#e3edfb', '#17467d'],
  mass_org: ['#f1e6fa', '#55237f'],
};

export function Tag({
  bg,
  fg,
  outline,
  wrap,
  children,
}: {
  bg?: string;
  fg?: string;
  outline?: boolean;
  /** Long text (a role with its unit) may break over lines on a phone. */
  wrap?: boolean;
  children: ReactNode;
}) {
  return (
    <span
      className="ts-badge"
      data-outline={outline || undefined}
      data-wrap={wrap || undefined}
      style={{ background: bg, color: fg }}
    >
      {children}
    </span>
  );
}

export function StatusBadge({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  const [bg, fg] = STATUS_COLOURS[status];
  return <Tag bg={bg} fg={fg}>{t(`memberStatus.${status}`)}</Tag>;
}

export function UnitKindBadge({ kind }: { kind: UnitKind }) {
  const { t } = useTranslation();
  const [bg, fg] = KIND_COLOURS[kind];
  return <Tag bg={bg} fg={fg}>{t(`unitKinds.${kind}`)}</Tag>;
}

export function ArchivedBadge() {
  const { t } = useTranslation();
  return (
    <Tag outline fg="#343a40">
      {t('units.archived')}
    </Tag>
  );
}

/** A role assignment: the role and the unit (with its subtree) it applies to. */
export function RoleBadge({ role, unitName }: { role: Role; unitName: string }) {
  const { t } = useTranslation();
  return (
    <Tag bg="#eef1f4" fg="#212529" wrap>
      <strong>{t(`roles.${role}`)}</strong>
      &nbsp;·&nbsp;{unitName}
    </Tag>
  );
}

export function LockedBadge() {
  const { t } = useTranslation();
  return (
    <Tag bg="#fbe3e3" fg="#8a1010">
      {t('accounts.disabled')}
    </Tag>
  );
}

export function MustChangePasswordBadge() {
  const { t } = useTranslation();
  return (
    <Tag bg="#fff1d6" fg="#6e4300">
      {t('accounts.mustChange')}
    </Tag>
  );
}
