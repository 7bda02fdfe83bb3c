/**
 * Recognising members in a list typed by people: by card number (số thẻ đảng viên) first, then
 * by the folded full name. Pure; used by the attendance and commitments imports.
 */
import { foldVietnamese } from './vietnamese.js';

/** One person an imported row may name (a meeting's participant, a cell's member). */
export interface ImportParticipant {
  memberId: string;
  fullName: string;
  /** Số thẻ đảng viên; null when the cell has not recorded it yet (then only the name can match). */
  cardNumber: string | null;
}

export type Match =
  | { by: 'card' | 'name'; result: 'one'; memberId: string }
  | { by: 'card' | 'name'; result: 'none' }
  | { by: 'card' | 'name'; result: 'many' };

/**
 * Card number first (it is unique and survives typos in names), then the folded name.
 * A card that matches nobody falls back to the name, because many cells have not entered
 * card numbers for everyone yet. Excel drops leading zeros from card numbers typed as
 * numbers, so an all-digit card also matches ignoring leading zeros.
 */
export function participantMatcher(participants: readonly ImportParticipant[]): (card: string, name: string) => Match {
  const byCard = new Map<string, string[]>();
  const byDigits = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    if (key === '') return;
    const ids = map.get(key);
    if (ids) ids.push(id);
    else map.set(key, [id]);
  };
  for (const p of participants) {
    const card = normaliseCard(p.cardNumber ?? '');
    add(byCard, card, p.memberId);
    if (/^\d+$/.test(card)) add(byDigits, card.replace(/^0+/, ''), p.memberId);
    add(byName, foldVietnamese(p.fullName), p.memberId);
  }

  const pick = (by: 'card' | 'name', ids: string[] | undefined): Match =>
    !ids ? { by, result: 'none' } : ids.length > 1 ? { by, result: 'many' } : { by, result: 'one', memberId: ids[0]! };

  return (cardText, name) => {
    if (cardText !== '') {
      const card = normaliseCard(cardText);
      const ids = byCard.get(card) ?? (/^\d+$/.test(card) ? byDigits.get(card.replace(/^0+/, '')) : undefined);
      if (ids || name === '') return pick('card', ids);
    }
    return pick('name', byName.get(foldVietnamese(name)));
  };
}

function normaliseCard(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}
