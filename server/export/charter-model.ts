/**
 * Builds the charter export model from what the server holds: the workshop's records, its own
 * copies of the vision and charter documents, the principles with their stances, milestones (with
 * the organisations' stances on the vision: ./vision-endorsement.ts) and the audit chain. Every name is resolved here, so the writers never see an id.
 */
import type * as Y from 'yjs';
import type { Language } from '../../shared/api.js';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { PARADOX_AXES } from '../../shared/charter/schema.js';
import { CHARTER_EXPORT_VERSION, type CharterExport } from '../../shared/export/charter-export.js';
import { notYetJoined } from '../../shared/decisions.js';
import type { PrincipleView, StanceView } from '../../shared/realtime/events.js';
import type { LastEdit, MemberRecord, MilestoneRecord, OrganisationRecord, VisionStanceRecord, WorkshopRecord } from '../store/types.js';
import { oneLine, plain } from './plain-text.js';
import { methodsModel } from './methods-model.js';
import { visionBlocks } from './vision-blocks.js';
import { visionEndorsements } from './vision-endorsement.js';

export interface CharterSources {
  workshop: WorkshopRecord;
  organisations: OrganisationRecord[];
  members: MemberRecord[];
  vision: Y.Doc;
  charter: Y.Doc;
  principles: PrincipleView[];
  milestones: Omit<MilestoneRecord, 'snapshot'>[];
  /** Each organisation's stance on each milestone (issue #17). */
  visionStances: VisionStanceRecord[];
  /** The snapshot of the milestone the cover names (`coverMilestone`), null when none. */
  coverSnapshot: Uint8Array | null;
  audit: CharterExport['audit'];
  /** Who last changed each charter entry (`<collection>/<key>`), as the server recorded it. */
  edits: LastEdit[];
}

export function buildCharterModel(src: CharterSources, opts: { language: Language; all: boolean; now: Date }): CharterExport {
  const org = new Map(src.organisations.map((o) => [o.id, oneLine(o.name)]));
  const position = new Map(src.organisations.map((o, i) => [o.id, i]));
  const byOrganisation = (a: { organisationId: string }, b: { organisationId: string }) => position.get(a.organisationId)! - position.get(b.organisationId)!;
  const person = new Map(src.members.map((m) => [m.id, oneLine(m.displayName)]));
  const charter = new CharterDoc(src.charter, () => '');
  const actors = charter.actors();
  const actorName = new Map(actors.map((a) => [a.id, oneLine(a.name)]));
  const bodies = charter.bodies();
  const bodyName = new Map(bodies.map((b) => [b.id, oneLine(b.name)]));
  const partyIds = [...bodies.map((b) => b.id), ...src.organisations.map((o) => o.id)];
  const partyName = (id: string) => bodyName.get(id) ?? org.get(id) ?? id;
  const decisions = charter.decisions();
  const usedParties = partyIds.filter((id) => decisions.some((d) => d.cells[id]));
  const orgRef = (id: string) => ({ organisationId: id, organisation: org.get(id) ?? '' });
  const edits = new Map(src.edits.filter((e) => e.room === 'charter').map((e) => [e.key, e]));
  // A self-assessment changed last by someone outside the organisation says so.
  const changedBy = (key: string, owner: string) => {
    const e = edits.get(key);
    return e && e.organisationId !== owner ? { person: person.get(e.memberId) ?? '', organisation: e.organisationId ? (org.get(e.organisationId) ?? null) : null, at: e.at } : null;
  };
  const nameOf = (id: string | null) => (id === null ? null : (person.get(id) ?? ''));
  const stanceOf = (s: StanceView) => ({
    organisationId: s.organisationId, organisation: org.get(s.organisationId) ?? '', stance: s.stance, person: person.get(s.memberId) ?? '', at: s.at, reason: s.reason === null ? null : plain(s.reason),
    anchor: s.anchor ? { confirmedBy: oneLine(s.anchor.confirmedBy), role: oneLine(s.anchor.role), date: s.anchor.date, reference: s.anchor.reference === null ? null : oneLine(s.anchor.reference), by: person.get(s.anchor.by) ?? '', at: s.anchor.at } : null,
    representative: s.representative ? { invitedBy: nameOf(s.representative.invitedBy), namedBy: nameOf(s.representative.namedBy), confirmation: s.representative.confirmation === null ? null : oneLine(s.representative.confirmation) } : null,
  });

  const endorsed = visionEndorsements({
    milestones: src.milestones,
    stances: src.visionStances,
    organisations: src.organisations.map((o) => ({ id: o.id, name: org.get(o.id)! })),
    person,
    coverSnapshot: src.coverSnapshot,
    vision: src.vision,
  });

  return {
    format: 'samskap-charter',
    version: CHARTER_EXPORT_VERSION,
    language: opts.language,
    exportedAt: opts.now.toISOString(),
    workshop: { id: src.workshop.id, title: oneLine(src.workshop.title), createdAt: src.workshop.createdAt },
    organisations: src.organisations.map((o) => ({ id: o.id, name: oneLine(o.name), color: o.color })),
    vision: visionBlocks(src.vision),
    visionEndorsement: endorsed.visionEndorsement,
    actors: actors.map((a) => ({
      ...{ id: a.id, name: oneLine(a.name), kind: a.kind, role: plain(a.role), needs: plain(a.needs), requirements: plain(a.requirements), gains: plain(a.gains) },
      organisation: a.organisationId ? (org.get(a.organisationId) ?? null) : null,
    })),
    relations: charter.relations().map((r) => ({ from: actorName.get(r.from) ?? '', to: actorName.get(r.to) ?? '', kind: r.kind, note: plain(r.note) })),
    maturity: charter
      .maturity()
      .filter((m) => org.has(m.organisationId))
      .sort(byOrganisation)
      .map((m) => ({
        organisationId: m.organisationId,
        organisation: org.get(m.organisationId)!,
        generation: m.generation,
        justification: plain(m.justification),
        changedBy: changedBy(`maturity/${m.organisationId}`, m.organisationId),
        target: m.target,
        alsoOn: m.alsoOn,
      })),
    paradoxes: charter
      .paradoxes()
      .filter((x) => org.has(x.organisationId))
      .sort((a, b) => PARADOX_AXES.indexOf(a.axis) - PARADOX_AXES.indexOf(b.axis) || byOrganisation(a, b))
      .map((x) => ({
        axis: x.axis,
        organisationId: x.organisationId,
        organisation: org.get(x.organisationId)!,
        position: x.position,
        note: plain(x.note),
        changedBy: changedBy(`paradoxes/${x.axis}/${x.organisationId}`, x.organisationId),
      })),
    paradoxTargets: charter
      .paradoxTargets()
      .sort((a, b) => PARADOX_AXES.indexOf(a.axis) - PARADOX_AXES.indexOf(b.axis))
      .map((t) => ({ axis: t.axis, position: t.position, note: plain(t.note) })),
    governance: {
      bodies: bodies.map((b) => ({ name: oneLine(b.name), mandate: plain(b.mandate), members: b.members.filter((id) => org.has(id)).sort((x, y) => position.get(x)! - position.get(y)!).map((id) => org.get(id)!), chair: oneLine(b.chair), rule: b.rule, rhythm: oneLine(b.rhythm) })),
      escalation: charter.escalation().map((s) => ({ label: oneLine(s.label), body: s.bodyId ? bodyName.get(s.bodyId) ?? null : null })),
      funding: charter.funding().map((f) => {
        // Only an organisation of this workshop is named; an id from elsewhere reads as none.
        const organisation = f.organisationId !== null ? (org.get(f.organisationId) ?? null) : null;
        return { who: oneLine(f.who), organisationId: organisation === null ? null : f.organisationId, organisation, amount: f.amount, share: f.share };
      }),
      matrix: {
        parties: usedParties.map(partyName),
        rows: decisions.map((d) => ({ decision: oneLine(d.label), cells: usedParties.map((id) => d.cells[id] ?? null) })),
      },
    },
    ...methodsModel(charter, org),
    principles: src.principles
      .filter((p) => opts.all || p.status === 'agreed')
      .map((p) => ({
        id: p.principleId,
        text: plain(p.proposedText ?? p.text),
        status: p.status,
        rule: p.rule,
        textHash: p.textHash,
        proposedAt: p.proposedAt,
        stances: p.stances.map(stanceOf),
        boundOrganisations: p.boundOrganisations.map(orgRef),
        closed: p.closed,
        closedAt: p.closedAt,
        laterStances: p.laterStances.map(stanceOf),
        notYetJoined: p.proposedAt === null ? [] : notYetJoined(src.organisations.map((o) => o.id), p.boundOrganisations, p.laterStances.map((s) => s.organisationId)).map(orgRef),
        amends: p.amends,
        supersededBy: p.supersededBy,
        retired: p.retired ? { at: p.retired.at, by: person.get(p.retired.by) ?? '', reason: plain(p.retired.reason) } : null,
        removed: p.removed,
      })),
    allPrinciples: opts.all,
    milestones: endorsed.milestones,
    audit: src.audit,
  };
}
