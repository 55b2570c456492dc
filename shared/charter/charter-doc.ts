/**
 * Typed access to a charter document. Every write is one `doc.transact(fn, origin)`. Ordered
 * collections get fractional `order` keys; `move` places an item between two neighbours.
 * Reads go through the untrusted `read*` functions of ./schema.ts.
 */
import * as Y from 'yjs';
import {
  CF,
  CharterKey,
  CharterLimits as L,
  paradoxKey,
  readActor,
  readBody,
  readDecision,
  readEscalationStep,
  readFunding,
  readMaturity,
  readParadox,
  readParadoxTarget,
  readPrinciple,
  readRelation,
  type Actor,
  type CharterSource,
  type ActorKind,
  type BodyRule,
  type DecisionRow,
  type EscalationStep,
  type FundingSource,
  type Generation,
  type GovernanceBody,
  type MaturityEntry,
  type ParadoxAxis,
  type ParadoxPosition,
  type ParadoxTarget,
  type PrincipleDraft,
  type Relation,
  type RelationKind,
  type Responsibility,
} from './schema.js';
import {
  MF,
  readBenefit,
  readLifeEvent,
  readRoadmapItem,
  readService,
  type BenefitLine,
  type LifeEventGovernance,
  type RoadmapHorizon,
  type RoadmapItem,
  type ServiceEntry,
} from './charter-methods.js';
import { byOrder, CharterDocCore, fill, replaceIn, sourceFields, yText, type MethodCollection } from './charter-doc-core.js';

export type { MethodCollection, OrderedCollection } from './charter-doc-core.js';

export interface ActorInput {
  name: string;
  kind: ActorKind;
  /** The participating organisation this actor is, when it is at the table. */
  organisationId?: string | null;
  role?: string;
  needs?: string;
  requirements?: string;
  gains?: string;
  x?: number | null;
  y?: number | null;
}
export type ActorPatch = Partial<Pick<Actor, 'name' | 'kind' | 'x' | 'y' | 'organisationId'>>;
export type ActorTextField = 'role' | 'needs' | 'requirements' | 'gains';
export interface BodyInput {
  name: string;
  mandate?: string;
  members?: string[];
  chair?: string;
  rule?: BodyRule;
  rhythm?: string;
}
export type BodyPatch = Partial<Pick<GovernanceBody, 'name' | 'chair' | 'rule' | 'rhythm'>>;
export type FundingInput = Pick<FundingSource, 'who' | 'amount' | 'share'> & { organisationId?: string | null };

export class CharterDoc extends CharterDocCore {
  // ---- reads ----

  actors(): Actor[] {
    return this.collect('actors', readActor).sort(byOrder);
  }
  relations(): Relation[] {
    const ids = new Set(this.actors().map((a) => a.id));
    return this.collect('relations', readRelation).filter((r) => ids.has(r.from) && ids.has(r.to));
  }
  maturity(): MaturityEntry[] {
    return this.collect('maturity', readMaturity);
  }
  paradoxes(): ParadoxPosition[] {
    return this.collect('paradoxes', readParadox);
  }
  /** Where the partnership wants to be, per axis that has a target. */
  paradoxTargets(): ParadoxTarget[] {
    return this.collect('paradoxTargets', readParadoxTarget);
  }
  bodies(): GovernanceBody[] {
    return this.collect('bodies', readBody).sort(byOrder);
  }
  escalation(): EscalationStep[] {
    return this.collect('escalation', readEscalationStep).sort(byOrder);
  }
  funding(): FundingSource[] {
    return this.collect('funding', readFunding).sort(byOrder);
  }
  decisions(): DecisionRow[] {
    return this.collect('decisions', readDecision).sort(byOrder);
  }
  principles(): PrincipleDraft[] {
    return this.collect('principles', readPrinciple).sort(byOrder);
  }
  principle(id: string): PrincipleDraft | null {
    const m = this.map('principles').get(id);
    return m instanceof Y.Map ? readPrinciple(id, m) : null;
  }

  /** The Y.Text of a text field, for binding an editor; null when absent or not text. */
  textOf(collection: 'actors' | 'relations' | 'maturity' | 'paradoxes' | 'paradoxTargets' | 'bodies' | 'principles', key: string, field: string): Y.Text | null {
    const v = this.map(collection).get(key)?.get(field);
    return v instanceof Y.Text ? v : null;
  }

  // ---- actor map ----

  addActor(input: ActorInput, origin: unknown, source?: CharterSource): string {
    return this.insert('actors', {
      ...sourceFields(source),
      [CF.name]: input.name.slice(0, L.nameMax),
      [CF.kind]: input.kind,
      [CF.role]: yText(input.role ?? ''),
      [CF.needs]: yText(input.needs ?? ''),
      [CF.requirements]: yText(input.requirements ?? ''),
      [CF.gains]: yText(input.gains ?? ''),
      ...(typeof input.x === 'number' ? { [CF.x]: input.x } : {}),
      ...(typeof input.y === 'number' ? { [CF.y]: input.y } : {}),
      ...(input.organisationId ? { [CF.organisationId]: input.organisationId.slice(0, L.idMax) } : {}),
    }, origin);
  }
  updateActor(id: string, patch: ActorPatch, origin: unknown): void {
    this.patch('actors', id, patch, origin);
  }
  setActorText(id: string, field: ActorTextField, value: string, origin: unknown): void {
    this.replaceText('actors', id, CF[field], value, origin);
  }
  /** Removes an actor and every relation that touches it. */
  removeActor(id: string, origin: unknown): void {
    this.doc.transact(() => {
      this.map('actors').delete(id);
      const rel = this.map('relations');
      for (const r of this.collect('relations', readRelation)) if (r.from === id || r.to === id) rel.delete(r.id);
    }, origin);
  }
  addRelation(from: string, to: string, kind: RelationKind, origin: unknown, note = ''): string {
    const id = this.newId();
    this.doc.transact(() => this.map('relations').set(id, fill({ [CF.from]: from, [CF.to]: to, [CF.kind]: kind, [CF.note]: yText(note) })), origin);
    return id;
  }
  /** Changes a relation's ends or kind in place (its note is a Y.Text: see `textOf`). */
  updateRelation(id: string, patch: Partial<Pick<Relation, 'from' | 'to' | 'kind'>>, origin: unknown): void {
    const m = this.map('relations').get(id);
    if (!(m instanceof Y.Map)) return;
    this.doc.transact(() => {
      if (patch.from) m.set(CF.from, patch.from.slice(0, L.idMax));
      if (patch.to) m.set(CF.to, patch.to.slice(0, L.idMax));
      if (patch.kind) m.set(CF.kind, patch.kind);
    }, origin);
  }
  removeRelation(id: string, origin: unknown): void {
    this.doc.transact(() => this.map('relations').delete(id), origin);
  }

  // ---- maturity and paradoxes (the server writes revealed answers here) ----

  /** Writes an organisation's entry afresh; where it wants to be and its other steps are kept. */
  setMaturity(organisationId: string, generation: Generation, justification: string, origin: unknown): void {
    const old = this.map('maturity').get(organisationId);
    const kept = old instanceof Y.Map ? readMaturity(organisationId, old) : null;
    this.doc.transact(
      () =>
        this.map('maturity').set(
          organisationId,
          fill({
            [CF.generation]: generation,
            [CF.justification]: yText(justification),
            ...(kept?.target ? { [CF.target]: kept.target } : {}),
            ...(kept?.alsoOn.length ? { [CF.alsoOn]: kept.alsoOn.filter((g) => g !== generation) } : {}),
          }),
        ),
      origin,
    );
  }
  /** Replaces the justification's text in place (concurrent edits elsewhere in the entry survive). */
  setMaturityJustification(organisationId: string, text: string, origin: unknown): void {
    const m = this.map('maturity').get(organisationId);
    const t = m instanceof Y.Map ? m.get(CF.justification) : null;
    if (t instanceof Y.Text) this.doc.transact(() => replaceIn(t, text), origin);
    else if (m instanceof Y.Map) {
      const current = readMaturity(organisationId, m);
      if (current) this.setMaturity(organisationId, current.generation, text, origin);
    }
  }
  /**
   * Changes an organisation's entry in place (its justification stays the same Y.Text): today's
   * step, where it wants to be (`target: null` clears it) and the other steps it also stands on.
   * Creates the entry when `generation` is given and none exists; does nothing otherwise.
   */
  updateMaturity(organisationId: string, patch: { generation?: Generation; target?: Generation | null; alsoOn?: Generation[] }, origin: unknown): void {
    const m = this.map('maturity').get(organisationId);
    if (!(m instanceof Y.Map) || !(m.get(CF.justification) instanceof Y.Text)) {
      if (!patch.generation) return;
      const current = m instanceof Y.Map ? readMaturity(organisationId, m) : null;
      const generation = patch.generation;
      this.doc.transact(() => {
        this.setMaturity(organisationId, generation, current?.justification ?? '', origin);
        if (patch.target !== undefined || patch.alsoOn) this.updateMaturity(organisationId, { target: patch.target, alsoOn: patch.alsoOn }, origin);
      }, origin);
      return;
    }
    this.doc.transact(() => {
      if (patch.generation) m.set(CF.generation, patch.generation);
      if (patch.target === null) m.delete(CF.target);
      else if (patch.target) m.set(CF.target, patch.target);
      const today = patch.generation ?? readMaturity(organisationId, m)?.generation;
      const also = patch.alsoOn ?? (patch.generation ? readMaturity(organisationId, m)?.alsoOn : undefined);
      if (also) m.set(CF.alsoOn, [...new Set(also)].filter((g) => g !== today).sort());
    }, origin);
  }
  /** Sets (or with `position: null`, clears) where the partnership wants to be on an axis. */
  setParadoxTarget(axis: ParadoxAxis, position: number | null, note: string, origin: unknown): void {
    const targets = this.map('paradoxTargets');
    if (position === null) return this.doc.transact(() => targets.delete(axis), origin);
    const p = Math.min(100, Math.max(0, Math.round(position)));
    const m = targets.get(axis);
    if (m instanceof Y.Map && m.get(CF.note) instanceof Y.Text) {
      this.doc.transact(() => {
        m.set(CF.position, p);
        if ((m.get(CF.note) as Y.Text).toString() !== note) replaceIn(m.get(CF.note) as Y.Text, note);
      }, origin);
    } else this.doc.transact(() => targets.set(axis, fill({ [CF.position]: p, [CF.note]: yText(note) })), origin);
  }
  setParadox(axis: ParadoxAxis, organisationId: string, position: number, note: string, origin: unknown): void {
    const p = Math.min(100, Math.max(0, position));
    this.doc.transact(() => this.map('paradoxes').set(paradoxKey(axis, organisationId), fill({ [CF.position]: p, [CF.note]: yText(note) })), origin);
  }

  /**
   * Writes a revealed answer over what the charter has, in place: the generation (or position)
   * is set; the justification (or note) is replaced only when the answer brings a non-empty one,
   * so an answer without one keeps what the charter already says.
   */
  applyMaturity(organisationId: string, generation: Generation, justification: string | undefined, origin: unknown): void {
    const m = this.map('maturity').get(organisationId);
    if (!(m instanceof Y.Map) || !(m.get(CF.justification) instanceof Y.Text)) return this.setMaturity(organisationId, generation, justification ?? '', origin);
    this.doc.transact(() => {
      m.set(CF.generation, generation);
      if (justification?.trim()) replaceIn(m.get(CF.justification) as Y.Text, justification);
    }, origin);
  }
  applyParadox(axis: ParadoxAxis, organisationId: string, position: number, note: string | undefined, origin: unknown): void {
    const m = this.map('paradoxes').get(paradoxKey(axis, organisationId));
    if (!(m instanceof Y.Map) || !(m.get(CF.note) instanceof Y.Text)) return this.setParadox(axis, organisationId, position, note ?? '', origin);
    this.doc.transact(() => {
      m.set(CF.position, Math.min(100, Math.max(0, position)));
      if (note?.trim()) replaceIn(m.get(CF.note) as Y.Text, note);
    }, origin);
  }

  // ---- governance model ----

  addBody(input: BodyInput, origin: unknown): string {
    const members = new Y.Map<boolean>();
    for (const m of input.members ?? []) members.set(m, true);
    return this.insert('bodies', {
      [CF.name]: input.name.slice(0, L.nameMax),
      [CF.mandate]: yText(input.mandate ?? ''),
      [CF.members]: members,
      [CF.chair]: (input.chair ?? '').slice(0, L.nameMax),
      [CF.rule]: input.rule ?? 'consensus',
      [CF.rhythm]: (input.rhythm ?? '').slice(0, L.nameMax),
    }, origin);
  }
  updateBody(id: string, patch: BodyPatch, origin: unknown): void {
    this.patch('bodies', id, patch, origin);
  }
  setBodyMember(bodyId: string, organisationId: string, member: boolean, origin: unknown): void {
    const members = this.map('bodies').get(bodyId)?.get(CF.members);
    if (!(members instanceof Y.Map)) return;
    this.doc.transact(() => (member ? members.set(organisationId, true) : members.delete(organisationId)), origin);
  }
  addEscalationStep(label: string, bodyId: string | null, origin: unknown): string {
    return this.insert('escalation', { [CF.label]: label.slice(0, L.nameMax), ...(bodyId ? { [CF.bodyId]: bodyId } : {}) }, origin);
  }
  /** Changes a step's label and/or body in place (`bodyId: null` clears it). */
  updateEscalationStep(id: string, patch: { label?: string; bodyId?: string | null }, origin: unknown): void {
    this.patch('escalation', id, { [CF.label]: patch.label, [CF.bodyId]: patch.bodyId }, origin);
  }
  addFunding(input: FundingInput, origin: unknown): string {
    return this.insert('funding', {
      [CF.who]: input.who.slice(0, L.nameMax),
      ...(input.amount !== null ? { [CF.amount]: input.amount } : {}),
      ...(input.share !== null ? { [CF.share]: input.share } : {}),
      ...(input.organisationId ? { [CF.organisationId]: input.organisationId.slice(0, L.idMax) } : {}),
    }, origin);
  }
  /** `organisationId: null` (like `amount: null`) clears the field. */
  updateFunding(id: string, patch: Partial<FundingInput>, origin: unknown): void {
    this.patch('funding', id, patch, origin);
  }
  addDecision(label: string, origin: unknown): string {
    return this.insert('decisions', { [CF.label]: label.slice(0, L.nameMax), [CF.cells]: new Y.Map<string>() }, origin);
  }
  setDecisionLabel(id: string, label: string, origin: unknown): void {
    this.patch('decisions', id, { [CF.label]: label }, origin);
  }
  /** Sets who decides / is consulted / is informed; null clears the cell. */
  setResponsibility(decisionId: string, partyId: string, value: Responsibility | null, origin: unknown): void {
    const cells = this.map('decisions').get(decisionId)?.get(CF.cells);
    if (!(cells instanceof Y.Map)) return;
    this.doc.transact(() => (value ? cells.set(partyId, value) : cells.delete(partyId)), origin);
  }

  // ---- principle drafts ----

  addPrinciple(text: string, authorId: string, origin: unknown, now = new Date(), source?: CharterSource): string {
    return this.insert('principles', { [CF.text]: yText(text, L.principleMax), [CF.authorId]: authorId, [CF.createdAt]: now.toISOString(), ...sourceFields(source) }, origin);
  }

  // ---- the report's methods (./charter-methods.ts) ----

  benefits(): BenefitLine[] {
    return this.collect('benefits', readBenefit).sort(byOrder);
  }
  roadmap(): RoadmapItem[] {
    return this.collect('roadmap', readRoadmapItem).sort(byOrder);
  }
  services(): ServiceEntry[] {
    return this.collect('services', readService).sort(byOrder);
  }
  lifeEvent(): LifeEventGovernance {
    return readLifeEvent(this.doc.getMap<unknown>(CharterKey.lifeEvent));
  }
  addBenefit(input: Partial<Pick<BenefitLine, 'what' | 'payer' | 'gainer' | 'when' | 'amount'>>, origin: unknown, source?: CharterSource): string {
    return this.insert('benefits', {
      [MF.what]: yText(input.what ?? ''),
      [MF.payer]: (input.payer ?? '').slice(0, L.nameMax),
      [MF.gainer]: (input.gainer ?? '').slice(0, L.nameMax),
      [MF.when]: (input.when ?? '').slice(0, L.nameMax),
      ...(typeof input.amount === 'number' ? { [MF.amount]: input.amount } : {}),
      ...sourceFields(source),
    }, origin);
  }
  addRoadmapItem(input: { text: string; horizon: RoadmapHorizon; owner?: string }, origin: unknown, source?: CharterSource): string {
    return this.insert('roadmap', { [CF.text]: yText(input.text), [MF.horizon]: input.horizon, [MF.owner]: (input.owner ?? '').slice(0, L.nameMax), ...sourceFields(source) }, origin);
  }
  addService(input: Partial<Pick<ServiceEntry, 'name' | 'targetGroup' | 'theme' | 'organisationId'>>, origin: unknown): string {
    return this.insert('services', {
      [MF.name]: (input.name ?? '').slice(0, L.nameMax),
      [MF.targetGroup]: (input.targetGroup ?? '').slice(0, L.nameMax),
      [MF.theme]: (input.theme ?? '').slice(0, L.nameMax),
      [MF.organisationId]: (input.organisationId ?? '').slice(0, L.idMax),
    }, origin);
  }
  /** Changes plain fields of a method's item in place (null deletes a field, e.g. an amount). */
  updateItem(collection: MethodCollection, id: string, patch: Record<string, string | number | null | undefined>, origin: unknown): void {
    this.patch(collection, id, patch, origin);
  }
  /** Replaces a text field of a method's item (benefits' `what`, the roadmap's `text`). */
  setItemText(collection: MethodCollection, id: string, field: string, value: string, origin: unknown): void {
    this.replaceText(collection, id, field, value, origin);
  }
  /** The life event's plain fields (name, owner) and texts (scope, mandate, funding). */
  setLifeEvent(field: keyof LifeEventGovernance, value: string, origin: unknown): void {
    const m = this.doc.getMap<unknown>(CharterKey.lifeEvent);
    this.doc.transact(() => {
      if (field === 'name' || field === 'owner') return m.set(MF[field], value.slice(0, L.nameMax));
      const t = m.get(MF[field]);
      if (t instanceof Y.Text) replaceIn(t, value);
      else m.set(MF[field], yText(value));
    }, origin);
  }
  setPrincipleText(id: string, value: string, origin: unknown): void {
    this.replaceText('principles', id, CF.text, value, origin, L.principleMax);
  }

  // ---- shared by the collections ----

  /** Deletes any keyed entry (facilitator deletions are audited by the caller). */
  remove(collection: keyof typeof CharterKey & string, id: string, origin: unknown): void {
    if (collection === 'actors') return this.removeActor(id, origin);
    this.doc.transact(() => this.map(collection).delete(id), origin);
  }
}
