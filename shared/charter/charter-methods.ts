/**
 * The report's methods as charter sections (issue #17), in the charter document beside the
 * sections of ./schema.ts and written through CharterDoc's generic item methods:
 *
 *   benefits: Y.Map   benefitId → Y.Map { what*, payer, gainer, when, amount?, order, source* }
 *   roadmap: Y.Map    itemId → Y.Map { text*, horizon, owner, order, source* }
 *   services: Y.Map   serviceId → Y.Map { name, targetGroup, theme, organisationId, order }
 *   lifeEvent: Y.Map  { name, owner, scope*, mandate*, funding* }   (one life event, its fields as keys)
 *
 * A benefits line is the gevinstkart's row: who pays, who gains, what, when, and an amount where
 * it can be quantified (the report: "du salderer ikkje eit budsjett med samfunnsøkonomiske
 * gevinstar"). A roadmap item sits now, next or later, with an owner. A service of the overlap
 * inventory (DigiUng's mapping) names its target group, theme and organisation; services of
 * different organisations sharing a target group and a theme overlap. `source*` fields
 * (sourceBoard, sourceElement, sourceAuthor) record where `charter.import` copied an entry from.
 * Readers turn untrusted maps into well-formed objects or null, like ./schema.ts.
 */
import * as Y from 'yjs';
import { CF, CharterLimits as L, readSource, type CharterSource } from './schema.js';

export const ROADMAP_HORIZONS = ['now', 'next', 'later'] as const;
export type RoadmapHorizon = (typeof ROADMAP_HORIZONS)[number];

/** Field names of the sections above (besides CF's `order`, `text`, `note`). */
export const MF = {
  what: 'what',
  payer: 'payer',
  gainer: 'gainer',
  when: 'when',
  amount: 'amount',
  horizon: 'horizon',
  owner: 'owner',
  targetGroup: 'targetGroup',
  theme: 'theme',
  organisationId: 'organisationId',
  scope: 'scope',
  mandate: 'mandate',
  funding: 'funding',
  name: 'name',
} as const;

export interface BenefitLine {
  id: string;
  what: string;
  payer: string;
  gainer: string;
  when: string;
  /** Kroner a year or in all, as the line says; null when it cannot be quantified. */
  amount: number | null;
  order: string;
  source: CharterSource | null;
}
export interface RoadmapItem {
  id: string;
  text: string;
  horizon: RoadmapHorizon;
  owner: string;
  order: string;
  source: CharterSource | null;
}
export interface ServiceEntry {
  id: string;
  name: string;
  targetGroup: string;
  theme: string;
  /** A participating organisation's id, or '' when the service belongs to someone not at the table. */
  organisationId: string;
  order: string;
}
export interface LifeEventGovernance {
  name: string;
  owner: string;
  scope: string;
  mandate: string;
  funding: string;
}

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
const textOf = (v: unknown, max: number) => (v instanceof Y.Text ? v.toString().slice(0, max) : str(v, max));
const order = (m: Y.Map<unknown>) => str(m.get(CF.order), L.orderMax) || 'a0';

export function readBenefit(id: string, m: Y.Map<unknown>): BenefitLine {
  const a = m.get(MF.amount);
  return {
    id,
    what: textOf(m.get(MF.what), L.textMax),
    payer: str(m.get(MF.payer), L.nameMax),
    gainer: str(m.get(MF.gainer), L.nameMax),
    when: str(m.get(MF.when), L.nameMax),
    amount: typeof a === 'number' && Number.isFinite(a) && a >= 0 && a <= L.amountMax ? a : null,
    order: order(m),
    source: readSource(m),
  };
}

export function readRoadmapItem(id: string, m: Y.Map<unknown>): RoadmapItem {
  const h = m.get(MF.horizon);
  return {
    id,
    text: textOf(m.get(CF.text), L.textMax),
    horizon: (ROADMAP_HORIZONS as readonly unknown[]).includes(h) ? (h as RoadmapHorizon) : 'later',
    owner: str(m.get(MF.owner), L.nameMax),
    order: order(m),
    source: readSource(m),
  };
}

export function readService(id: string, m: Y.Map<unknown>): ServiceEntry {
  return {
    id,
    name: str(m.get(MF.name), L.nameMax),
    targetGroup: str(m.get(MF.targetGroup), L.nameMax),
    theme: str(m.get(MF.theme), L.nameMax),
    organisationId: str(m.get(MF.organisationId), L.idMax),
    order: order(m),
  };
}

export function readLifeEvent(m: Y.Map<unknown>): LifeEventGovernance {
  return {
    name: str(m.get(MF.name), L.nameMax),
    owner: str(m.get(MF.owner), L.nameMax),
    scope: textOf(m.get(MF.scope), L.textMax),
    mandate: textOf(m.get(MF.mandate), L.textMax),
    funding: textOf(m.get(MF.funding), L.textMax),
  };
}

/** Target group and theme as people type them: case, spacing and punctuation do not tell two apart. */
const norm = (s: string) => s.toLocaleLowerCase('nb').replace(/[\s\p{P}]+/gu, ' ').trim();

/**
 * Groups of services that overlap: the same target group and theme, offered by two or more
 * organisations (services with an empty target group or theme never overlap).
 */
export function serviceOverlaps(services: ServiceEntry[]): ServiceEntry[][] {
  const groups = new Map<string, ServiceEntry[]>();
  for (const s of services) {
    if (!norm(s.targetGroup) || !norm(s.theme)) continue;
    const key = `${norm(s.targetGroup)}\u0000${norm(s.theme)}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].filter((g) => new Set(g.map((s) => s.organisationId || `name:${s.name}`)).size > 1);
}
