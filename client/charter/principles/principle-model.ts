/**
 * What a principle card shows, pure: its status (the server's, or `stale` as soon as the draft's
 * text here differs from the proposed text of an open proposal, before the server says so), one
 * chip per bound organisation with its latest stance, who took it, when and why, and one per
 * organisation that joined after the fact. A closed principle keeps its recorded outcome.
 */
import type { Role } from '../../../shared/api.js';
import type { PrincipleStatus, Stance } from '../../../shared/decision-rule.js';
import type { AnchorView, PrincipleView, RepresentativeView, RetiredView } from '../../../shared/realtime/index.js';

export interface StanceChip {
  organisationId: string;
  name: string;
  stance: Stance | null;
  memberId: string | null;
  at: string | null;
  reason: string | null;
  /** The organisation's line or leadership confirmed this stance (issue #14). */
  anchor: AnchorView | null;
  /** How the person who took it represents the organisation. */
  representative: RepresentativeView | null;
}

export interface CardModel {
  status: PrincipleStatus;
  proposed: boolean;
  closed: boolean;
  /** The draft changed after it was proposed (while open): stances shown are for the old text. */
  stale: boolean;
  /** The bound organisations (fixed when proposed), or for a draft every organisation. */
  chips: StanceChip[];
  /** Organisations outside the bound set that took a stance: joined after the fact. */
  later: StanceChip[];
  closedAt: string | null;
  /** A closed principle's text as adopted (or rejected): what the decision is about, whatever the draft says now. */
  decidedText: string | null;
  /** The draft was edited after the principle closed. */
  editedSinceClosed: boolean;
  /** Closed and agreed: frozen; changes go through an amendment. */
  adopted: boolean;
  /** For an amendment: the adopted principle it would replace. */
  amends: string | null;
  /** The agreed amendment that replaced this principle. */
  supersededBy: string | null;
  retired: RetiredView | null;
  /** Its draft was deleted from the charter: only the record of its proposal is left. */
  removed: boolean;
}

export function cardModel(draftText: string | null, view: PrincipleView | undefined, organisations: ReadonlyArray<{ id: string; name: string }>): CardModel {
  const proposed = !!view && view.proposedAt !== null;
  const closed = !!view?.closed;
  const removed = view?.removed ?? false;
  const stale = proposed && !closed && !removed && (view.status === 'stale' || (draftText !== null && view.proposedText !== null && draftText !== view.proposedText));
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const ids = proposed ? [...view.boundOrganisations] : view && view.participating.length > 0 ? [...view.participating] : organisations.map((o) => o.id);
  const rank = (id: string) => {
    const i = organisations.findIndex((o) => o.id === id);
    return i < 0 ? organisations.length : i;
  };
  ids.sort((a, b) => rank(a) - rank(b));
  const chip = (id: string, s: PrincipleView['stances'][number] | undefined): StanceChip => ({
    organisationId: id, name: names.get(id) ?? id, stance: s?.stance ?? null, memberId: s?.memberId ?? null, at: s?.at ?? null, reason: s?.reason ?? null,
    anchor: s?.anchor ?? null, representative: s?.representative ?? null,
  });
  const chips = ids.map((id) => chip(id, view?.stances.find((x) => x.organisationId === id)));
  const later = [...(view?.laterStances ?? [])].sort((a, b) => rank(a.organisationId) - rank(b.organisationId)).map((s) => chip(s.organisationId, s));
  const decidedText = closed ? view.proposedText : null;
  const editedSinceClosed = decidedText !== null && draftText !== null && draftText !== decidedText;
  return {
    status: stale ? 'stale' : proposed ? view.status : 'draft', proposed, closed, stale, chips, later, closedAt: view?.closedAt ?? null, decidedText, editedSinceClosed,
    adopted: closed && view.status === 'agreed', amends: view?.amends ?? null, supersededBy: view?.supersededBy ?? null, retired: view?.retired ?? null,
    removed,
  };
}

/** Whether I may start an amendment of this principle (facilitators, and participants with an organisation). */
export function canAmend(me: { role: Role; organisationId: string | null }, m: CardModel): boolean {
  if (!m.adopted || m.supersededBy || m.retired || m.removed) return false;
  return me.role === 'facilitator' || (me.role === 'participant' && me.organisationId !== null);
}

/** Whether I may delete this principle: never once closed or retired; a proposal only as facilitator. */
export function canDelete(me: { role: Role }, m: CardModel): boolean {
  if (m.closed || m.retired || m.removed || me.role === 'observer') return false;
  return !m.proposed || me.role === 'facilitator';
}

/** My organisation is outside the proposal's bound set: a stance of mine joins after the fact. */
export function outsideBound(me: { organisationId: string | null }, m: CardModel): boolean {
  return m.proposed && me.organisationId !== null && !m.chips.some((c) => c.organisationId === me.organisationId);
}

/** My organisation's latest stance on this proposal, bound or joined after the fact. */
export function myStance(me: { organisationId: string | null }, m: CardModel): Stance | null {
  if (!me.organisationId) return null;
  return [...m.chips, ...m.later].find((c) => c.organisationId === me.organisationId)?.stance ?? null;
}

/** Who may commit an organisation (issue #14): my organisation's representatives speak for it. */
export interface Me {
  role: Role;
  organisationId: string | null;
  representative: boolean;
}

/** Whether my organisation could take a stance now, were I its representative. */
export function stanceOpen(me: Omit<Me, 'representative'>, m: CardModel): boolean {
  if (me.role === 'observer' || me.organisationId === null || !m.proposed || m.stale || m.retired || m.removed) return false;
  return !m.closed || outsideBound(me, m);
}

/** Whether I may take a stance on this principle now (the server checks again): only my organisation's representatives. */
export function canTakeStance(me: Me, m: CardModel): boolean {
  if (!me.representative || me.role === 'observer' || me.organisationId === null || !m.proposed || m.stale || m.retired || m.removed) return false;
  // Once closed, only an organisation outside the bound set may still join (after the fact).
  return !m.closed || outsideBound(me, m);
}

/** Whether I may anchor my organisation's stance (a representative; the organisation has one on the proposed version). */
export function canAnchor(me: Me, m: CardModel): boolean {
  if (!me.representative || me.role === 'observer' || !me.organisationId || !m.proposed || m.retired || m.removed) return false;
  return [...m.chips, ...m.later].some((c) => c.organisationId === me.organisationId && c.stance !== null);
}

/** The organisations that endorsed, and those whose endorsement is anchored too (issue #14). */
export function endorsements(m: CardModel): { endorsed: string[]; anchored: string[] } {
  const endorsed = [...m.chips, ...m.later].filter((c) => c.stance === 'endorse');
  return { endorsed: endorsed.map((c) => c.name), anchored: endorsed.filter((c) => c.anchor).map((c) => c.name) };
}

/**
 * How the list is laid out: principles in the charter's order, each amendment right under the
 * principle it amends (beside its adopted text), and retired principles apart, in their own
 * section. An amendment of a principle that is not in the list stands on its own.
 */
export interface PrincipleGroups<D extends { id: string }> {
  top: D[];
  amendments: Map<string, D[]>;
  retired: D[];
}

export function groupPrinciples<D extends { id: string }>(drafts: readonly D[], views: ReadonlyMap<string, Pick<PrincipleView, 'amends' | 'retired'>>): PrincipleGroups<D> {
  const retired = drafts.filter((d) => views.get(d.id)?.retired);
  const active = drafts.filter((d) => !views.get(d.id)?.retired);
  const activeIds = new Set(active.map((d) => d.id));
  const amendments = new Map<string, D[]>();
  const top: D[] = [];
  for (const d of active) {
    const of = views.get(d.id)?.amends;
    if (of && activeIds.has(of) && !views.get(of)?.amends) amendments.set(of, [...(amendments.get(of) ?? []), d]);
    else top.push(d);
  }
  return { top, amendments, retired };
}
