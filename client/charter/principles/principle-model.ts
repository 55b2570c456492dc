/**
 * What a principle card shows, pure: its status (the server's, or `stale` as soon as the draft's
 * text here differs from the proposed text, before the server says so), and one chip per
 * participating organisation with its latest stance, who took it, when and why.
 */
import type { Role } from '../../../shared/api.js';
import type { PrincipleStatus, Stance } from '../../../shared/decisions.js';
import type { PrincipleView } from '../../../shared/realtime/index.js';

export interface StanceChip {
  organisationId: string;
  name: string;
  stance: Stance | null;
  memberId: string | null;
  at: string | null;
  reason: string | null;
}

export interface CardModel {
  status: PrincipleStatus;
  proposed: boolean;
  closed: boolean;
  /** The draft changed after it was proposed: stances shown are for the old text. */
  stale: boolean;
  chips: StanceChip[];
}

export function cardModel(draftText: string | null, view: PrincipleView | undefined, organisations: ReadonlyArray<{ id: string; name: string }>): CardModel {
  const proposed = !!view && view.proposedAt !== null;
  const stale = proposed && (view.status === 'stale' || (draftText !== null && view.proposedText !== null && draftText !== view.proposedText));
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const ids = view && view.participating.length > 0 ? [...view.participating] : organisations.map((o) => o.id);
  const rank = (id: string) => {
    const i = organisations.findIndex((o) => o.id === id);
    return i < 0 ? organisations.length : i;
  };
  ids.sort((a, b) => rank(a) - rank(b));
  const chips = ids.map((id): StanceChip => {
    const s = view?.stances.find((x) => x.organisationId === id);
    return { organisationId: id, name: names.get(id) ?? id, stance: s?.stance ?? null, memberId: s?.memberId ?? null, at: s?.at ?? null, reason: s?.reason ?? null };
  });
  return { status: stale ? 'stale' : proposed ? view.status : 'draft', proposed, closed: !!view?.closed, stale, chips };
}

/** Whether I may take a stance on this principle now (the server checks again). */
export function canTakeStance(me: { role: Role; organisationId: string | null }, m: CardModel): boolean {
  return me.role !== 'observer' && me.organisationId !== null && m.proposed && !m.closed && !m.stale;
}
