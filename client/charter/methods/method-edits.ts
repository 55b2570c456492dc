/**
 * Edits of the report's methods the views share: a text field written as the smallest change to
 * its Y.Text (so someone typing elsewhere in it keeps their words), a roadmap item moved within
 * its horizon or to another one, and who may change a service of the inventory.
 */
import * as Y from 'yjs';
import type { CharterDoc, MethodCollection } from '../../../shared/charter/charter-doc.js';
import { MF, ROADMAP_HORIZONS, type LifeEventGovernance, type RoadmapHorizon, type RoadmapItem, type ServiceEntry } from '../../../shared/charter/charter-methods.js';
import { CharterKey, CharterLimits } from '../../../shared/charter/schema.js';
import { applyText } from '../../ui/text-binding.js';
import { neighbours } from '../charter-edits.js';
import type { CharterSession } from '../charter-session.js';

/** Writes `value` into a text field of a method's item (benefits' `what`, the roadmap's `text`). */
export function writeItemText(charter: CharterDoc, collection: MethodCollection, id: string, field: string, value: string, origin: unknown): void {
  const t = charter.map(collection).get(id)?.get(field);
  if (t instanceof Y.Text) applyText(t, value, origin, CharterLimits.textMax);
  else charter.setItemText(collection, id, field, value, origin);
}

/** Writes a field of the life event; its texts as the smallest change. */
export function writeLifeEvent(charter: CharterDoc, field: keyof LifeEventGovernance, value: string, origin: unknown): void {
  const t = charter.doc.getMap<unknown>(CharterKey.lifeEvent).get(MF[field]);
  if (t instanceof Y.Text && field !== 'name' && field !== 'owner') applyText(t, value, origin, CharterLimits.textMax);
  else if (charter.lifeEvent()[field] !== value) charter.setLifeEvent(field, value, origin);
}

/** The items of one horizon, in order. */
export const inHorizon = (items: readonly RoadmapItem[], h: RoadmapHorizon) => items.filter((x) => x.horizon === h);

/** Moves an item one place up or down within its horizon; false at an end. */
export function moveWithin(charter: CharterDoc, items: readonly RoadmapItem[], item: RoadmapItem, dir: -1 | 1, origin: unknown): boolean {
  const ids = inHorizon(items, item.horizon).map((x) => x.id);
  const n = neighbours(ids, ids.indexOf(item.id), dir);
  if (!n) return false;
  charter.move('roadmap', item.id, n.after, n.before, origin);
  return true;
}

/** The horizon before (-1) or after (1) this one, or null. */
export function horizonBeside(h: RoadmapHorizon, dir: -1 | 1): RoadmapHorizon | null {
  return ROADMAP_HORIZONS[ROADMAP_HORIZONS.indexOf(h) + dir] ?? null;
}

/** Moves an item to the end of another horizon, in one change. */
export function moveToHorizon(charter: CharterDoc, items: readonly RoadmapItem[], item: RoadmapItem, to: RoadmapHorizon, origin: unknown): void {
  const last = inHorizon(items, to).filter((x) => x.id !== item.id).at(-1)?.id ?? null;
  charter.doc.transact(() => {
    charter.updateItem('roadmap', item.id, { [MF.horizon]: to }, origin);
    charter.move('roadmap', item.id, last, null, origin);
  }, origin);
}

/**
 * Whether I may change a service: one naming an organisation is its members' and the
 * facilitators' (the server refuses anyone else), one naming none is everyone's who may write.
 */
export const mayChangeService = (s: CharterSession, service: Pick<ServiceEntry, 'organisationId'>) => !s.readOnly && (!service.organisationId || s.mayAssess(service.organisationId));
