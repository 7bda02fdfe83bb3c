import { useMemo, useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnitTree } from '../../api/queries.js';
import type { UnitTreeNode } from '../../api/types.js';
import { ArchivedBadge, UnitKindBadge } from '../../components/Badges.js';
import { ErrorState } from '../../components/ErrorState.js';
import { ChevronRight } from '../../components/icons.js';
import { Skeleton } from '../../components/Skeleton.js';

/** The caller's unit tree (GET /api/units), loaded and drawn. */
export default function UnitTreePanel() {
  const { t } = useTranslation();
  const tree = useUnitTree();
  if (tree.isPending) {
    return (
      <Stack gap="xs">
        <Skeleton h={32} />
        <Skeleton h={32} ml={28} />
        <Skeleton h={32} ml={28} />
      </Stack>
    );
  }
  if (tree.isError) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  if (tree.data.roots.length === 0) return <Text c="dimmed">{t('units.emptyTree')}</Text>;
  return <UnitTree roots={tree.data.roots} />;
}

function allParents(nodes: UnitTreeNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.children.length > 0) {
      out.push(n.id);
      allParents(n.children, out);
    }
  }
  return out;
}

/** Open the roots, then keep opening while a level holds a single unit (province → commune → cells). */
function initiallyOpen(roots: UnitTreeNode[]): Set<string> {
  const open = new Set<string>();
  let level = roots;
  let first = true;
  while (level.length > 0 && (first || level.length === 1)) {
    for (const n of level) if (n.children.length > 0) open.add(n.id);
    level = level.flatMap((n) => n.children);
    first = false;
  }
  return open;
}

/**
 * Nested lists with a disclosure button per unit that has children: Tab moves between the
 * buttons and the unit links, Enter/Space opens or closes a branch.
 */
export function UnitTree({ roots }: { roots: UnitTreeNode[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => initiallyOpen(roots));
  const parents = useMemo(() => allParents(roots), [roots]);

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="xs">
      {parents.length > 1 && (
        <Group gap="xs">
          <Button size="compact-sm" variant="subtle" onClick={() => setOpen(new Set(parents))}>
            {t('units.expandAll')}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => setOpen(new Set())}>
            {t('units.collapseAll')}
          </Button>
        </Group>
      )}
      <ul className="ts-tree" aria-label={t('units.treeLabel')}>
        {roots.map((n) => (
          <TreeItem key={n.id} node={n} open={open} onToggle={toggle} />
        ))}
      </ul>
    </Stack>
  );
}

function TreeItem({ node, open, onToggle }: { node: UnitTreeNode; open: Set<string>; onToggle: (id: string) => void }) {
  const { t } = useTranslation();
  const hasChildren = node.children.length > 0;
  const expanded = open.has(node.id);
  const groupId = `ts-tree-${node.id}`;
  return (
    <li>
      <div className="ts-tree-row" data-archived={node.archived || undefined}>
        {hasChildren ? (
          <ActionIcon
            className="ts-tree-toggle"
            variant="subtle"
            color="gray.8"
            size={28}
            aria-expanded={expanded}
            aria-controls={groupId}
            aria-label={t(expanded ? 'units.collapse' : 'units.expand', { name: node.name })}
            onClick={() => onToggle(node.id)}
          >
            <ChevronRight />
          </ActionIcon>
        ) : (
          <span className="ts-tree-spacer" />
        )}
        <Anchor component={Link} to={`/units/${node.id}`} fw={600} className="ts-tree-name">
          {node.name}
        </Anchor>
        <UnitKindBadge kind={node.kind} />
        {node.archived && <ArchivedBadge />}
        {node.kind !== 'mass_org' && (
          <Text size="sm" c="dimmed">
            {t('units.memberCount', { count: node.memberCount })}
          </Text>
        )}
      </div>
      {hasChildren && expanded && (
        <ul id={groupId}>
          {node.children.map((c) => (
            <TreeItem key={c.id} node={c} open={open} onToggle={onToggle} />
          ))}
        </ul>
      )}
    </li>
  );
}
