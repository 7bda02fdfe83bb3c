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
