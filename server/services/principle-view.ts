/**
 * One principle as clients and exports see it, from what the store recorded. Pure. Decisions are
 * recorded, not recomputed: a proposal counts the organisations bound when it was proposed, and
 * a closed principle shows the outcome recorded when it closed. Stances of organisations outside
 * the bound set are `laterStances` (joining after the fact) and never change the status.
 *
 * An adopted principle is `supersededBy` the amendment that amends it and was closed `agreed`
 * (the latest such, by closing time); its own status and stances stay as they were recorded.
 */
import { createHash } from 'node:crypto';
import { closingOutcome, principleStatus, supersedes, type Stance } from '../../shared/decisions.js';
import type { PrincipleView, StanceView } from '../../shared/realtime/index.js';
import type { AnchorRecord, BindingRecord, LifecycleRecord, PrincipleRecord, RepresentativeRecord, StanceRecord } from '../store/types.js';

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface ViewSources {
  /** Draft texts of the charter by id. */
  drafts: ReadonlyMap<string, string>;
  records: readonly PrincipleRecord[];
  stances: readonly StanceRecord[];
  bindings: readonly BindingRecord[];
  /** The workshop's organisations in their order. */
  organisations: readonly string[];
  /** Organisations with a participant or facilitator now (what a proposal made now would bind). */
  speaking: readonly string[];
  /** Amendment links and retirements. */
  lifecycle: readonly LifecycleRecord[];
  /** Anchors of stances (issue #14); absent: none. */
  anchors?: readonly AnchorRecord[];
  /** Who represents which organisation now (issue #14); absent: nobody is shown as one. */
  representatives?: readonly RepresentativeRecord[];
}

type StanceViewOf = (s: StanceRecord) => StanceView;

/** An anchor belongs to the very stance it confirmed: a later stance on the same version is not anchored. */
function stanceViews(src: ViewSources): StanceViewOf {
  const anchors = new Map((src.anchors ?? []).map((a) => [`${a.principleId}\n${a.version}\n${a.organisationId}`, a]));
  const reps = new Map((src.representatives ?? []).map((r) => [r.memberId, r]));
  return (s) => {
    const a = anchors.get(`${s.principleId}\n${s.version}\n${s.organisationId}`);
    const r = reps.get(s.memberId);
    return {
      organisationId: s.organisationId, stance: s.stance, memberId: s.memberId, at: s.at, reason: s.reason,
      anchor: a && a.stanceAt === s.at ? { confirmedBy: a.confirmedBy, role: a.role, date: a.date, reference: a.reference, by: a.memberId, at: a.at } : null,
      representative: r && r.organisationId === s.organisationId ? { invitedBy: r.invitedBy, namedBy: r.namedBy, confirmation: r.confirmation } : null,
    };
  };
}

export function principleViews(src: ViewSources, only?: string): PrincipleView[] {
  const rank = new Map(src.organisations.map((o, i) => [o, i]));
  const ordered = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : 1));
  const byId = new Map(src.records.map((r) => [r.id, r]));
  const ids = [...new Set([...src.drafts.keys(), ...src.records.map((r) => r.id)])].filter((id) => only === undefined || id === only);
  const life = new Map(src.lifecycle.map((l) => [l.principleId, l]));
  const superseding = new Map<string, PrincipleRecord>();
  for (const l of src.lifecycle) {
    const rec = byId.get(l.principleId);
    const target = rec?.closed ? supersedes({ amends: l.amends, outcome: rec.outcome }) : null;
    const prev = target ? superseding.get(target) : undefined;
    if (rec && target && (!prev || (prev.closedAt ?? '') < (rec.closedAt ?? ''))) superseding.set(target, rec);
  }
  const stanceView = stanceViews(src);
  return ids.map((id) => {
    const rec = byId.get(id);
    const bound = rec ? ordered(src.bindings.filter((b) => b.principleId === id && b.version === rec.version).map((b) => b.organisationId)) : [];
    const l = life.get(id);
    return {
      ...view(id, src.drafts.get(id), rec, src.stances, bound, ordered(src.speaking), stanceView),
      amends: l?.amends ?? null,
      supersededBy: superseding.get(id)?.id ?? null,
      retired: l?.retiredAt ? { at: l.retiredAt, by: l.retiredBy ?? '', reason: l.retireReason ?? '' } : null,
      removed: !src.drafts.has(id),
    };
  });
}

type BaseView = Omit<PrincipleView, 'amends' | 'supersededBy' | 'retired' | 'removed'>;

function view(id: string, current: string | undefined, rec: PrincipleRecord | undefined, all: readonly StanceRecord[], bound: string[], speaking: string[], stanceView: StanceViewOf): BaseView {
  const latest = new Map<string, StanceRecord>();
  for (const s of all) if (rec && s.principleId === id && s.version === rec.version) latest.set(s.organisationId, s);
  const boundSet = new Set(bound);
  const counted = new Map<string, Stance>([...latest].filter(([org]) => boundSet.has(org)).map(([org, s]) => [org, s.stance]));
  const text = current ?? rec?.text ?? '';
  const currentHash = sha256(text);
  const rule = rec?.rule ?? 'consensus';
  // A closed principle from before migration 008 without a `principle.closed` audit entry has no
  // recorded outcome: it is derived from its frozen inputs (bound set, their stances, its rule).
  const outcome = rec?.closed ? (rec.outcome ?? closingOutcome({ rule, participating: bound, stances: counted })) : null;
  const status =
    outcome ?? principleStatus({ rule, participating: bound, stances: counted, proposed: rec !== undefined, closed: false, textMatches: current !== undefined && rec !== undefined && currentHash === rec.textHash });
  return {
    principleId: id, text, proposedText: rec?.text ?? null, textHash: rec?.textHash ?? null, currentHash, rule: rec?.rule ?? null,
    proposedAt: rec?.proposedAt ?? null, proposedBy: rec?.proposedBy ?? null, closed: rec?.closed ?? false, status,
    stances: [...latest.values()].filter((s) => boundSet.has(s.organisationId)).map(stanceView),
    participating: rec ? bound : speaking,
    boundOrganisations: bound,
    laterStances: [...latest.values()].filter((s) => !boundSet.has(s.organisationId)).map(stanceView),
    outcome,
    closedAt: rec?.closed ? rec.closedAt : null,
  };
}
