/**
 * Edits that take more than one CharterDoc call: saving a body (fields, mandate text, members),
 * moving an item up or down a list, and replacing an escalation step or a decision's label
 * (CharterDoc has no setter for those yet; TODO(#5): `updateEscalationStep` / `updateDecision`
 * in shared/charter would make them one transaction and keep the id).
 */
import { CharterLimits, type Responsibility } from '../../shared/charter/schema.js';
import type { CharterDoc, OrderedCollection } from '../../shared/charter/charter-doc.js';
import { applyText } from '../board/canvas/text-binding.js';
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

/** Replaces a step with a new one in the same place; returns the new id. */
export function replaceEscalationStep(charter: CharterDoc, id: string, label: string, bodyId: string | null, origin: unknown): string {
  const ids = charter.escalation().map((s) => s.id);
  const i = ids.indexOf(id);
  const next = charter.addEscalationStep(label, bodyId, origin);
  charter.move('escalation', next, ids[i - 1] ?? null, ids[i + 1] ?? null, origin);
  charter.remove('escalation', id, origin);
  return next;
}

/** Renames a decision row by replacing it, cells and place kept; returns the new id. */
export function renameDecision(charter: CharterDoc, id: string, label: string, origin: unknown): string {
  const rows = charter.decisions();
  const i = rows.findIndex((r) => r.id === id);
  const old = rows[i];
  if (!old) return id;
  const next = charter.addDecision(label, origin);
  for (const [party, r] of Object.entries(old.cells) as [string, Responsibility][]) charter.setResponsibility(next, party, r, origin);
  charter.move('decisions', next, rows[i - 1]?.id ?? null, rows[i + 1]?.id ?? null, origin);
  charter.remove('decisions', id, origin);
  return next;
}
