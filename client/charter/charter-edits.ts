/**
 * Edits of the charter the views share: saving a body (fields, mandate text, members), moving an
 * item up or down a list, and editing an escalation step or a decision's label in place.
 */
import { CharterLimits } from '../../shared/charter/schema.js';
import type { CharterDoc, OrderedCollection } from '../../shared/charter/charter-doc.js';
import { applyText } from '../ui/text-binding.js';
import type { BodyForm } from './governance/sk-body-dialog.js';

/** The neighbours to place `ids[index]` between when it moves one step `dir`; null when it cannot move. */
export function neighbours(ids: readonly string[], index: number, dir: -1 | 1): { after: string | null; before: string | null } | null {
  const to = index + dir;
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return null;
  return dir < 0 ? { after: ids[to - 1] ?? null, before: ids[to]! } : { after: ids[to]!, before: ids[to + 1] ?? null };
}

export function moveStep(charter: CharterDoc, collection: OrderedCollection, ids: readonly string[], id: string, dir: -1 | 1, origin: unknown): boolean {
  const n = neighbours(ids, ids.indexOf(id), dir);
  if (!n) return false;
  charter.move(collection, id, n.after, n.before, origin);
  return true;
}

export function saveBody(charter: CharterDoc, f: BodyForm, origin: unknown): string {
  if (f.id === null) return charter.addBody({ name: f.name, mandate: f.mandate, members: f.members, chair: f.chair, rule: f.rule, rhythm: f.rhythm }, origin);
  const old = charter.bodies().find((b) => b.id === f.id);
  if (!old) return f.id;
  charter.updateBody(f.id, { name: f.name, chair: f.chair, rule: f.rule, rhythm: f.rhythm }, origin);
  const mandate = charter.textOf('bodies', f.id, 'mandate');
  if (mandate) applyText(mandate, f.mandate, origin, CharterLimits.textMax);
  for (const m of old.members) if (!f.members.includes(m)) charter.setBodyMember(f.id, m, false, origin);
  for (const m of f.members) if (!old.members.includes(m)) charter.setBodyMember(f.id, m, true, origin);
  return f.id;
}

/** Edits a step in place; returns its id (unchanged). */
export function replaceEscalationStep(charter: CharterDoc, id: string, label: string, bodyId: string | null, origin: unknown): string {
  charter.updateEscalationStep(id, { label, bodyId }, origin);
  return id;
}

/** Renames a decision row in place (its cells and place stay); returns its id (unchanged). */
export function renameDecision(charter: CharterDoc, id: string, label: string, origin: unknown): string {
  charter.setDecisionLabel(id, label, origin);
  return id;
}
