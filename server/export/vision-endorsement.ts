/**
 * The vision as the organisations endorsed it (issue #17), for the charter's cover: which
 * milestone it names, the organisations' stances on each milestone, and whether the vision's text
 * has changed since the named milestone. Names are resolved here, like the rest of the model.
 */
import * as Y from 'yjs';
import type { CharterExport } from '../../shared/export/charter-export.js';
import type { MilestoneRecord, VisionStanceRecord } from '../store/types.js';
import { oneLine, plain } from './plain-text.js';
import { visionBlocks } from './vision-blocks.js';

type Milestone = Omit<MilestoneRecord, 'snapshot'>;
type VisionStance = CharterExport['milestones'][number]['stances'][number];

/** The milestone the cover names: the latest saved that an organisation of the workshop endorsed (null: none). */
export function coverMilestone(milestones: readonly Milestone[], stances: readonly VisionStanceRecord[], organisations: readonly { id: string }[]): Milestone | null {
  const orgs = new Set(organisations.map((o) => o.id));
  const endorsed = new Set(stances.filter((s) => s.stance === 'endorse' && orgs.has(s.organisationId)).map((s) => s.milestoneId));
  return milestones.findLast((m) => endorsed.has(m.id)) ?? null;
}

/**
 * Whether the vision reads differently now than in the milestone's snapshot, read as the export
 * reads it (text, structure, emphasis and links; never placeholders). A snapshot the document
 * cannot show (it keeps its history, so this should not happen) counts as changed: the cover
 * says "unchanged" only when it is shown to be.
 */
export function textChangedSince(vision: Y.Doc, snapshot: Uint8Array): boolean {
  let then: Y.Doc | null = null;
  try {
    then = Y.createDocFromSnapshot(vision, Y.decodeSnapshot(snapshot));
    return JSON.stringify(visionBlocks(then)) !== JSON.stringify(visionBlocks(vision));
  } catch {
    return true;
  } finally {
    then?.destroy();
  }
}

export interface EndorsementSources {
  milestones: readonly Milestone[];
  stances: readonly VisionStanceRecord[];
  /** The workshop's organisations in order, names as exported: stances of others are left out. */
  organisations: readonly { id: string; name: string }[];
  person: ReadonlyMap<string, string>;
  /** The snapshot of the milestone `coverMilestone` names, if there is one. */
  coverSnapshot: Uint8Array | null;
  vision: Y.Doc;
}

/** The milestones with their stances, and the cover's endorsement. */
export function visionEndorsements(src: EndorsementSources): Pick<CharterExport, 'milestones' | 'visionEndorsement'> {
  const position = new Map(src.organisations.map((o, i) => [o.id, i]));
  const orgName = new Map(src.organisations.map((o) => [o.id, o.name]));
  const milestoneName = new Map(src.milestones.map((m) => [m.id, oneLine(m.name)]));
  const stanceOf = (s: VisionStanceRecord): VisionStance => ({
    organisationId: s.organisationId,
    organisation: orgName.get(s.organisationId)!,
    stance: s.stance,
    person: src.person.get(s.memberId) ?? '',
    at: s.at,
    reason: s.reason === null ? null : plain(s.reason),
  });
  const known = src.stances.filter((s) => position.has(s.organisationId) && milestoneName.has(s.milestoneId));
  const on = (milestoneId: string) =>
    known
      .filter((s) => s.milestoneId === milestoneId)
      .sort((a, b) => position.get(a.organisationId)! - position.get(b.organisationId)!)
      .map(stanceOf);
  const milestones = src.milestones.map((m) => ({ name: oneLine(m.name), createdAt: m.createdAt, createdBy: src.person.get(m.createdBy) ?? '', id: m.id, stances: on(m.id) }));

  const cover = coverMilestone(src.milestones, known, src.organisations);
  if (!cover) return { milestones, visionEndorsement: null };
  const stances = on(cover.id);
  const elsewhere = src.organisations
    .filter((o) => !stances.some((s) => s.organisationId === o.id))
    .map((o) => {
      // Its latest stance on any other milestone (the store lists them oldest first).
      const latest = known.findLast((s) => s.organisationId === o.id);
      return { organisationId: o.id, organisation: o.name, milestone: latest ? milestoneName.get(latest.milestoneId)! : null, stance: latest?.stance ?? null, at: latest?.at ?? null };
    });
  return {
    milestones,
    visionEndorsement: {
      milestoneId: cover.id,
      milestone: oneLine(cover.name),
      createdAt: cover.createdAt,
      stances,
      textChanged: src.coverSnapshot ? textChangedSince(src.vision, src.coverSnapshot) : true,
      elsewhere,
    },
  };
}
