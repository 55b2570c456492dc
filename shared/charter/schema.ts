/**
 * The charter document (`<workshopId>/charter`): the only file that spells its Yjs keys.
 *
 *   meta: Y.Map          { schemaVersion: number }
 *   actors: Y.Map        actorId → Y.Map { name, kind, role*, needs*, requirements*, gains*, order, x?, y?, organisationId? }
 *   relations: Y.Map     relationId → Y.Map { from, to, kind, note* }
 *   maturity: Y.Map      organisationId → Y.Map { generation, justification*, target?, alsoOn? }
 *   paradoxes: Y.Map     `<axis>/<organisationId>` → Y.Map { position, note* }
 *   paradoxTargets: Y.Map axis → Y.Map { position, note* }   (where the partnership wants to be; v2)
 *   benefits, roadmap, services, lifeEvent: the report's methods (v2), in ./charter-methods.ts
 *   actors and principles may carry sourceBoard, sourceElement, sourceAuthor (v2): see charter.import
 *   bodies: Y.Map        bodyId → Y.Map { name, mandate*, members: Y.Map orgId → true, chair, rule, rhythm, order }
 *   escalation: Y.Map    stepId → Y.Map { label, bodyId, order }
 *   funding: Y.Map       sourceId → Y.Map { who, amount, share, organisationId?, order }   (organisationId: schema 3)
 *   decisions: Y.Map     decisionId → Y.Map { label, order, cells: Y.Map partyId → decide|consult|inform }
 *   principles: Y.Map    principleId → Y.Map { text: Y.Text, order, authorId, createdAt }
 *
 * `*` marks Y.Text fields (edited together); readers also accept a plain string there. Lists are
 * ordered by a fractional index (`order`), never by Y.Array position, and keyed maps are flat
 * (no map created on demand inside another), so concurrent first writes never overwrite each
 * other. Anything read from the document is untrusted: the `read*` functions turn a map into a
 * well-formed object or null.
 */
import * as Y from 'yjs';

export const CHARTER_SCHEMA_VERSION = 3;

export const CharterKey = {
  meta: 'meta',
  schemaVersion: 'schemaVersion',
  actors: 'actors',
  relations: 'relations',
  maturity: 'maturity',
  paradoxes: 'paradoxes',
  paradoxTargets: 'paradoxTargets',
  bodies: 'bodies',
  escalation: 'escalation',
  funding: 'funding',
  decisions: 'decisions',
  principles: 'principles',
  benefits: 'benefits',
  roadmap: 'roadmap',
  services: 'services',
  lifeEvent: 'lifeEvent',
} as const;

/** Field names inside the maps above. */
export const CF = {
  name: 'name',
  kind: 'kind',
  role: 'role',
  needs: 'needs',
  requirements: 'requirements',
  gains: 'gains',
  order: 'order',
  x: 'x',
  y: 'y',
  from: 'from',
  to: 'to',
  note: 'note',
  generation: 'generation',
  justification: 'justification',
  target: 'target',
  alsoOn: 'alsoOn',
  position: 'position',
  mandate: 'mandate',
  members: 'members',
  chair: 'chair',
  rule: 'rule',
  rhythm: 'rhythm',
  label: 'label',
  bodyId: 'bodyId',
  who: 'who',
  amount: 'amount',
  share: 'share',
  organisationId: 'organisationId',
  cells: 'cells',
  text: 'text',
  authorId: 'authorId',
  createdAt: 'createdAt',
  sourceBoard: 'sourceBoard',
  sourceElement: 'sourceElement',
  sourceAuthor: 'sourceAuthor',
} as const;

/** Where `charter.import` copied an entry from: the board element and the person who wrote it. */
export interface CharterSource {
  boardId: string;
  elementId: string;
  authorId: string;
}

export const ACTOR_KINDS = ['state_agency', 'municipality', 'ministry', 'company', 'ngo', 'end_user_group', 'shared_platform'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const RELATION_KINDS = ['funds', 'decides_over', 'delivers_data_to', 'serves', 'collaborates_with', 'depends_on'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
/** The four paradoxes (Crusoe & Nylén); position 0 is the first pole, 100 the second. */
export const PARADOX_AXES = ['local_vs_central', 'local_benefit_vs_collective', 'domain_vs_it', 'contextual_vs_universal'] as const;
export type ParadoxAxis = (typeof PARADOX_AXES)[number];
export const GENERATIONS = [1, 2, 3, 4] as const;
export type Generation = (typeof GENERATIONS)[number];
export const RESPONSIBILITIES = ['decide', 'consult', 'inform'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];
/** How a governance body decides (the workshop's own rule for principles is in shared/decisions.ts). */
export const BODY_RULES = ['consensus', 'consent', 'majority', 'lead_decides'] as const;
export type BodyRule = (typeof BODY_RULES)[number];

export const CharterLimits = {
  nameMax: 200,
  textMax: 10_000,
  principleMax: 5_000,
  idMax: 64,
  orderMax: 200,
  coordinate: 1_000_000,
  amountMax: 1e15,
} as const;

export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  role: string;
  needs: string;
  requirements: string;
  gains: string;
  order: string;
  /** Position in the diagram when placed by hand; null lets the layout decide. */
  x: number | null;
  y: number | null;
  /** The board note it was imported from (`charter.import`), or null. */
  source: CharterSource | null;
  /** The participating organisation this actor is (v2), or null when it is not at the table. */
  organisationId: string | null;
}
export interface Relation {
  id: string;
  from: string;
  to: string;
  kind: RelationKind;
  note: string;
}
export interface MaturityEntry {
  organisationId: string;
  /** Where the organisation stands today. */
  generation: Generation;
  justification: string;
  /** Where it wants to be (v2), or null. */
  target: Generation | null;
  /** Other steps it also stands on (v2; never `generation` itself), sorted; the justification says how. */
  alsoOn: Generation[];
}
/** Where the partnership as a whole wants to be on one paradox axis (v2). */
export interface ParadoxTarget {
  axis: ParadoxAxis;
  position: number;
  note: string;
}
export interface ParadoxPosition {
  axis: ParadoxAxis;
  organisationId: string;
  position: number;
  note: string;
}
export interface GovernanceBody {
  id: string;
  name: string;
  mandate: string;
  /** Organisation ids, sorted. */
  members: string[];
  chair: string;
  rule: BodyRule;
  rhythm: string;
  order: string;
}
export interface EscalationStep {
  id: string;
  label: string;
  bodyId: string | null;
  order: string;
}
export interface FundingSource {
  id: string;
  who: string;
  amount: number | null;
  /** Percent, 0–100. */
  share: number | null;
  /** The participating organisation this funding comes from (an id of the workshop's), if named. */
  organisationId: string | null;
  order: string;
}
export interface DecisionRow {
  id: string;
  label: string;
  order: string;
  /** partyId (a body or an organisation) → responsibility. */
  cells: Record<string, Responsibility>;
}
export interface PrincipleDraft {
  id: string;
  text: string;
  order: string;
  authorId: string;
  createdAt: string;
  /** The board note it was imported from (`charter.import`), or null. */
  source: CharterSource | null;
}

// ---- untrusted reads ----

const str = (v: unknown, max: number, fallback = '') => (typeof v === 'string' ? v.slice(0, max) : fallback);
const textOf = (v: unknown, max: number) => (v instanceof Y.Text ? v.toString().slice(0, max) : str(v, max));
const numOrNull = (v: unknown, min: number, max: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : null);
const oneOf = <T extends string>(v: unknown, all: readonly T[]): T | null => (typeof v === 'string' && (all as readonly string[]).includes(v) ? (v as T) : null);
const order = (m: Y.Map<unknown>) => str(m.get(CF.order), CharterLimits.orderMax, 'a0');
const ref = (v: unknown) => str(v, CharterLimits.idMax);
const L = CharterLimits;

/** Where an imported entry came from (null for entries written in the charter). */
export function readSource(m: Y.Map<unknown>): CharterSource | null {
  const boardId = str(m.get(CF.sourceBoard), CharterLimits.idMax);
  const elementId = str(m.get(CF.sourceElement), CharterLimits.idMax);
  return boardId && elementId ? { boardId, elementId, authorId: str(m.get(CF.sourceAuthor), CharterLimits.idMax) } : null;
}

export function readActor(id: string, m: Y.Map<unknown>): Actor | null {
  const kind = oneOf(m.get(CF.kind), ACTOR_KINDS);
  if (!kind) return null;
  return {
    id,
    name: str(m.get(CF.name), L.nameMax),
    kind,
    role: textOf(m.get(CF.role), L.textMax),
    needs: textOf(m.get(CF.needs), L.textMax),
    requirements: textOf(m.get(CF.requirements), L.textMax),
    gains: textOf(m.get(CF.gains), L.textMax),
    order: order(m),
    x: numOrNull(m.get(CF.x), -L.coordinate, L.coordinate),
    y: numOrNull(m.get(CF.y), -L.coordinate, L.coordinate),
    source: readSource(m),
    organisationId: ref(m.get(CF.organisationId)) || null,
  };
}

export function readRelation(id: string, m: Y.Map<unknown>): Relation | null {
  const kind = oneOf(m.get(CF.kind), RELATION_KINDS);
  const from = ref(m.get(CF.from));
  const to = ref(m.get(CF.to));
  if (!kind || !from || !to) return null;
  return { id, from, to, kind, note: textOf(m.get(CF.note), L.textMax) };
}

const isGeneration = (v: unknown): v is Generation => (GENERATIONS as readonly unknown[]).includes(v);

export function readMaturity(organisationId: string, m: Y.Map<unknown>): MaturityEntry | null {
  const g = m.get(CF.generation);
  if (!isGeneration(g)) return null;
  const target = m.get(CF.target);
  const also = m.get(CF.alsoOn);
  return {
    organisationId,
    generation: g,
    justification: textOf(m.get(CF.justification), L.textMax),
    target: isGeneration(target) ? target : null,
    alsoOn: Array.isArray(also) ? GENERATIONS.filter((x) => x !== g && also.includes(x)) : [],
  };
}

export function readParadoxTarget(key: string, m: Y.Map<unknown>): ParadoxTarget | null {
  const axis = oneOf(key, PARADOX_AXES);
  const position = numOrNull(m.get(CF.position), 0, 100);
  if (!axis || position === null) return null;
  return { axis, position, note: textOf(m.get(CF.note), L.textMax) };
}

export const paradoxKey = (axis: ParadoxAxis, organisationId: string) => `${axis}/${organisationId}`;

export function readParadox(key: string, m: Y.Map<unknown>): ParadoxPosition | null {
  const slash = key.indexOf('/');
  const axis = oneOf(key.slice(0, slash), PARADOX_AXES);
  const organisationId = key.slice(slash + 1);
  const position = numOrNull(m.get(CF.position), 0, 100);
  if (slash < 0 || !axis || !organisationId || position === null) return null;
  return { axis, organisationId, position, note: textOf(m.get(CF.note), L.textMax) };
}

export function readBody(id: string, m: Y.Map<unknown>): GovernanceBody | null {
  const members = m.get(CF.members);
  return {
    id,
    name: str(m.get(CF.name), L.nameMax),
    mandate: textOf(m.get(CF.mandate), L.textMax),
    members: members instanceof Y.Map ? [...members.keys()].filter((k) => members.get(k) === true).map(ref).sort() : [],
    chair: str(m.get(CF.chair), L.nameMax),
    rule: oneOf(m.get(CF.rule), BODY_RULES) ?? 'consensus',
    rhythm: str(m.get(CF.rhythm), L.nameMax),
    order: order(m),
  };
}

export function readEscalationStep(id: string, m: Y.Map<unknown>): EscalationStep {
  return { id, label: str(m.get(CF.label), L.nameMax), bodyId: ref(m.get(CF.bodyId)) || null, order: order(m) };
}

export function readFunding(id: string, m: Y.Map<unknown>): FundingSource {
  return {
    id,
    who: str(m.get(CF.who), L.nameMax),
    amount: numOrNull(m.get(CF.amount), 0, L.amountMax),
    share: numOrNull(m.get(CF.share), 0, 100),
    organisationId: ref(m.get(CF.organisationId)) || null,
    order: order(m),
  };
}

export function readDecision(id: string, m: Y.Map<unknown>): DecisionRow {
  const cells: Record<string, Responsibility> = {};
  const raw = m.get(CF.cells);
  if (raw instanceof Y.Map) {
    raw.forEach((v, party) => {
      const r = oneOf(v, RESPONSIBILITIES);
      if (r && party.length <= L.idMax) cells[party] = r;
    });
  }
  return { id, label: str(m.get(CF.label), L.nameMax), order: order(m), cells };
}

export function readPrinciple(id: string, m: Y.Map<unknown>): PrincipleDraft | null {
  const text = m.get(CF.text);
  if (!(text instanceof Y.Text)) return null;
  return {
    id,
    text: text.toString().slice(0, L.principleMax),
    order: order(m),
    authorId: ref(m.get(CF.authorId)),
    createdAt: str(m.get(CF.createdAt), 40),
    source: readSource(m),
  };
}
