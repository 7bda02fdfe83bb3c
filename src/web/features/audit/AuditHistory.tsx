import '@mantine/core/styles/Pagination.layer.css';
import { useMemo, useState } from 'react';
import { Group, Pagination, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAudit, useUnitTree, type AuditRecordType } from '../../api/queries.js';
import { isApiError } from '../../api/client.js';
import type { AuditEntry, UnitTreeNode } from '../../api/types.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Tag } from '../../components/Badges.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import type { Messages } from '../../i18n/vi.js';
import { Skeleton } from '../../components/Skeleton.js';

type FieldKey = keyof Messages['audit']['fields'];
type ActionKey = keyof Messages['audit']['actions'];

const PAGE_SIZE = 10;
/** Bookkeeping columns that say nothing to a reader. */
const HIDDEN = /^(id|createdAt|updatedAt|version|seq)$|hash|password|search|sort|normali[sz]ed/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Unit names by id, from the (cached) unit tree: snapshots carry ids only (unitId, parentId). */
function useUnitNames(): Map<string, string> {
  const tree = useUnitTree();
  return useMemo(() => {
    const names = new Map<string, string>();
    const walk = (nodes: UnitTreeNode[]) => {
      for (const n of nodes) {
        names.set(n.id, n.name);
        walk(n.children);
      }
    };
    if (tree.data) walk(tree.data.roots);
    return names;
  }, [tree.data]);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface Change {
  key: string;
  before: unknown;
  after: unknown;
}

/** What changed between two snapshots, field by field (ids hidden when a name says the same). */
export function diff(before: unknown, after: unknown): Change[] {
  const created = before === null || before === undefined;
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ key: '', before, after }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const has = (k: string) => k in a || k in b;
  return keys
    .filter((k) => !HIDDEN.test(k))
    .filter((k) => !(k.endsWith('Id') && has(`${k.slice(0, -2)}Name`)))
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    // A new record: list what it was created with, not every empty field.
    .filter((k) => !created || (a[k] !== false && a[k] !== ''))
    .map((k) => ({ key: k, before: b[k], after: a[k] }));
}

function actionLabel(action: string, t: TFunction): string {
  const known = t('audit.actions', { returnObjects: true }) as Record<ActionKey, string>;
  const parts = action.toLowerCase().split(/[.:_/-]/);
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (p in known) return known[p as ActionKey];
  }
  return action;
}

function fieldLabel(key: string, t: TFunction): string {
  const known = t('audit.fields', { returnObjects: true }) as Record<FieldKey, string>;
  return key in known ? known[key as FieldKey] : key;
}

function valueText(key: string, v: unknown, t: TFunction, names: Map<string, string>): string {
  if (v === null || v === undefined || v === '') return t('audit.emptyValue');
  if (typeof v === 'string' && UUID.test(v) && key.endsWith('Id')) {
    return names.get(v) ?? t('audit.otherUnit', { id: v.slice(0, 8) });
  }
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (key === 'status' && ['official', 'probationary', 'exempt'].includes(v)) return t(`memberStatus.${v as 'official'}`);
    if (key === 'kind' && ['province', 'commune', 'intermediate', 'cell', 'mass_org'].includes(v))
      return t(`unitKinds.${v as 'cell'}`);
    if (key === 'gender' && ['male', 'female', 'other'].includes(v)) return t(`genders.${v as 'male'}`);
    if (key === 'role' && v in (t('roles', { returnObjects: true }) as object)) return t(`roles.${v as 'member'}`);
    if (key === 'locale' && (v === 'vi' || v === 'en')) return t(`lang.${v}`);
    if (key === 'status' && v in (t('meetings.status', { returnObjects: true }) as object)) return t(`meetings.status.${v as 'held'}`);
    if (key === 'status' && v in (t('meetings.attendanceStatus', { returnObjects: true }) as object)) {
      return t(`meetings.attendanceStatus.${v as 'present'}`);
    }
    if (ISO_DATE.test(v)) return formatDate(v) ?? v;
    if (ISO_INSTANT.test(v)) return formatDateTime(v);
    return v;
  }
  // Lists (attendance entries, agenda items): one line per item, its fields in words.
  if (Array.isArray(v)) {
    if (v.length === 0) return t('audit.emptyValue');
    return v
      .map((item) =>
        isRecord(item)
          ? Object.entries(item)
              .filter(([k, x]) => !HIDDEN.test(k) && !(k.endsWith('Id') && `${k.slice(0, -2)}Name` in item) && x !== null && x !== '')
              .map(([k, x]) => `${fieldLabel(k, t)}: ${valueText(k, x, t, names)}`)
              .join(', ')
          : valueText(key, item, t, names),
      )
      .join('\n');
  }
  return JSON.stringify(v);
}

/** "Lịch sử thay đổi": who changed what and when, for callers with 'audit.read'. */
export function AuditHistory({ recordType, recordId }: { recordType: AuditRecordType; recordId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const audit = useAudit(recordType, recordId, page, PAGE_SIZE);
  const names = useUnitNames();

  if (audit.isPending) {
    return (
      <Stack gap="xs">
        <Skeleton h={48} />
        <Skeleton h={48} />
      </Stack>
    );
  }
  // The page around this panel has already shown the record, so a 404 here means no entry names
  // it: a task decided at a meeting before tasks had a history of their own (databases upgraded
  // from migration 0002 logged it on the meeting).
  if (audit.isError && isApiError(audit.error, 404)) return <Text c="dimmed">{t('audit.empty')}</Text>;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  const { items, total } = audit.data;
  if (items.length === 0) return <Text c="dimmed">{t('audit.empty')}</Text>;
  const pages = Math.max(1, Math.ceil(total / audit.data.pageSize));

  return (
    <Stack gap="md">
      <ol className="ts-audit-list">
        {items.map((entry) => (
          <AuditItem key={entry.seq} entry={entry} names={names} />
        ))}
      </ol>
      {pages > 1 && (
        <nav aria-label={`${t('audit.title')} — ${t('common.pagination')}`}>
          <Pagination
            size="sm"
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`common.${control}Page`) })}
            getItemProps={(p) => ({ 'aria-label': t('common.pageN', { page: p }) })}
          />
        </nav>
      )}
    </Stack>
  );
}

function AuditItem({ entry, names }: { entry: AuditEntry; names: Map<string, string> }) {
  const { t } = useTranslation();
  const changes = diff(entry.before, entry.after);
  const created = entry.before === null || entry.before === undefined;
  return (
    <li className="ts-audit-entry">
      <Group gap="xs" wrap="wrap">
        <Text fw={700} size="sm" component="time" dateTime={entry.at}>
          {formatDateTime(entry.at)}
        </Text>
        <Tag bg="#f1f3f5" fg="#212529">{actionLabel(entry.action, t)}</Tag>
        <Text size="sm">{t('audit.by', { name: entry.actorName ?? t('audit.system') })}</Text>
      </Group>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed" mt={4}>
          {t('audit.noDetails')}
        </Text>
      ) : (
        <dl className="ts-diff">
          {changes.map((c) => {
            const hasBefore = c.before !== undefined && c.before !== null && c.before !== '';
            return (
              <div className="ts-diff-row" key={c.key}>
                <dt>{c.key ? fieldLabel(c.key, t) : t('audit.field')}</dt>
                <dd>
                  {created ? (
                    <span className="ts-diff-plain">{valueText(c.key, c.after, t, names)}</span>
                  ) : (
                    <>
                      {hasBefore && (
                        <>
                          <del>
                            <span className="ts-sr-only">{t('audit.before')}: </span>
                            {valueText(c.key, c.before, t, names)}
                          </del>
                          <span className="ts-diff-arrow" aria-hidden="true">
                            →
                          </span>
                        </>
                      )}
                      <ins>
                        <span className="ts-sr-only">{t('audit.after')}: </span>
                        {valueText(c.key, c.after, t, names)}
                      </ins>
                    </>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </li>
  );
}
