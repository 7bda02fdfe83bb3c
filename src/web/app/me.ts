import { createContext, useContext } from 'react';
import type { Action, MeResponse } from '../api/types.js';

/** The signed-in caller, provided by AuthedApp (never null below it). */
export const MeContext = createContext<MeResponse | null>(null);

export function useAuthedMe(): MeResponse {
  const me = useContext(MeContext);
  if (!me) throw new Error('useAuthedMe outside of the signed-in app');
  return me;
}

/** May the caller do this somewhere in their scope? (navigation only; records say precisely) */
export function can(me: MeResponse, action: Action): boolean {
  return me.actions.includes(action);
}

/** Does the caller look after more than their own cell (committee, inspection, office, ...)? */
export function hasWideScope(me: MeResponse): boolean {
  if (!can(me, 'unit.read')) return false;
  return me.roles.some(
    (r) =>
      r.role === 'party_committee' ||
      r.role === 'inspection' ||
      r.role === 'office' ||
      (r.unitKind !== 'cell' && r.unitKind !== 'mass_org'),
  );
}

/**
 * The unit where the caller holds one of `roles`, preferring the widest (the committee's commune
 * over a cell): where navigation entries like "Công việc" open.
 */
export function leadUnitId(me: MeResponse, roles: readonly string[]): string | null {
  const held = me.roles.filter((r) => roles.includes(r.role));
  const rank = (kind: string) => (kind === 'province' ? 0 : kind === 'commune' ? 1 : kind === 'intermediate' ? 2 : 3);
  held.sort((a, b) => rank(a.unitKind) - rank(b.unitKind));
  return held[0]?.unitId ?? null;
}
