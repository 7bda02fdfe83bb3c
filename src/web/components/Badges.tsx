import { useTranslation } from 'react-i18next';
import type { MemberStatus, UnitKind } from '../api/types.js';

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

export function Tag({ bg, fg, outline, children }: { bg?: string; fg?: string; outline?: boolean; children: string }) {
  return (
    <span className="ts-badge" data-outline={outline || undefined} style={{ background: bg, color: fg }}>
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
