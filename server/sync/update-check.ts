/**
 * Everything a member's update must pass before it is queued for storage: it decodes, its content
 * is on the room kind's allow list (shared/sync/content-rules.ts), and it keeps the document under
 * its caps (stored bytes, deleted content included; a board's element count; the kind's own
 * measure, such as the vision's characters). Work is linear in the update's size; only an update
 * that might cross a measured cap is tried on a copy.
 */
import * as Y from 'yjs';
import { decodedUpdate } from '../../shared/sync/decoded.js';
import { CloseCode } from '../../shared/errors.js';
import { brokenRule, UpdateRule, type ContentRules } from '../../shared/sync/content-rules.js';
import { Origin } from './origin.js';
import { checkTypeDepth } from '../../shared/sync/type-depth.js';

type Struct = Y.Item | Y.GC | Y.Skip;

/**
 * `structs`: the decoded update when it creates shared types (their nesting is checked when it
 * commits, `screenNesting`, without decoding it again); null otherwise.
 */
export type Verdict = { ok: true; structs: Struct[] | null } | { ok: false; code: number; reason: string };

export interface UpdateCaps {
  /** Bytes the document may take in the store, deleted content included. */
  maxDocBytes: number;
  /** Top-level keys a map may hold (a board's elements). */
  keys?: { map: (doc: Y.Doc) => Y.Map<unknown>; name: string; max: number };
  /** A measure of the document's own (the vision's characters). */
  measure?: { max: number; of: (doc: Y.Doc) => number };
}

export interface CheckInput {
  update: Uint8Array;
  doc: Y.Doc;
  rules: ContentRules;
  caps: UpdateCaps;
  /** The document's stored bytes now. */
  docBytes: number;
  /** The measure's value now (cached by the room between changes). */
  measured: () => number;
}

const refuse = (rule: string): Verdict => ({ ok: false, code: CloseCode.updateRefused, reason: `update refused: ${rule}` });
const tooLong = (what: string): Verdict => ({ ok: false, code: CloseCode.documentTooLong, reason: what });

export function checkUpdate(input: CheckInput): Verdict {
  let structs: Struct[];
  try {
    structs = decodedUpdate(input.update).structs;
  } catch {
    return { ok: false, code: CloseCode.malformedMessage, reason: 'malformed message' };
  }
  const rule = brokenRule(structs, input.rules);
  if (rule) return refuse(rule);
  const { caps } = input;
  if (input.docBytes + input.update.byteLength > caps.maxDocBytes) return tooLong('document too large');
  if (caps.keys) {
    const map = caps.keys.map(input.doc);
    if (map.size + newKeys(structs, caps.keys.name, map) > caps.keys.max) return tooLong('too many elements');
  }
  if (caps.measure && overMeasure(input, caps.measure)) return tooLong('document too long');
  return { ok: true, structs: structs.some((s) => s instanceof Y.Item && s.content instanceof Y.ContentType) ? structs : null };
}

/**
 * How deep the shared types of a batch's updates would sit, checked when the batch commits: an
 * update may build on one queued just before it (a list item in the list the last keystroke made),
 * so each is resolved against the document and the batch's other updates. Returns the refusal of
 * each update that breaks the rule (null for the others); only batches with new types pay for it.
 *
 * An update that waits for its sender's own items (a provider's edit made as it reconnects, sent
 * before the sync step 2 that carries what it builds on) is checked again after the rest of the
 * batch, since a batch is stored merged, in any order. If its items are still missing the sender
 * is closed with a transient code, never refused: it reconnects and sends both in one step 2.
 */
export function screenNesting(updates: ReadonlyArray<{ update: Uint8Array; structs: Struct[] | null }>, doc: Y.Doc, rules: ContentRules): Array<Verdict | null> {
  if (!updates.some((u) => u.structs)) return updates.map(() => null);
  const earlier: Struct[] = [];
  const waiting: number[] = [];
  const check = (structs: Struct[], i: number, last: boolean): Verdict | null => {
    const depth = checkTypeDepth(structs, doc, rules.maxTypeLevel, earlier);
    if (depth === 'waits' && !last) {
      waiting.push(i);
      return null;
    }
    if (depth === 'waits') return { ok: false, code: CloseCode.internalError, reason: 'resend: an update came before the changes it builds on' };
    if (depth !== 'ok') return refuse(depth === 'too-deep' ? UpdateRule.nesting : UpdateRule.unknownParent);
    for (const s of structs) earlier.push(s); // not push(...structs): a large update would overflow the call stack
    return null;
  };
  const verdicts = updates.map((u, i) => {
    if (u.structs) return check(u.structs, i, false);
    for (const s of decodedUpdate(u.update).structs) earlier.push(s);
    return null;
  });
  for (const i of waiting) verdicts[i] = check(updates[i]!.structs!, i, true);
  return verdicts;
}


/** Keys the update adds to the root map `name` that `map` does not hold yet. */
function newKeys(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>, name: string, map: Y.Map<unknown>): number {
  const keys = new Set<string>();
  // A first write to a key has no origin, so its parent is in the update: a decoded item names a
  // root type by its name (typed as a type, it is a string until integrated).
  for (const s of structs) if (s instanceof Y.Item && (s.parent as unknown) === name && typeof s.parentSub === 'string' && !map.has(s.parentSub)) keys.add(s.parentSub);
  return keys.size;
}

/** True when applying the update would take the measure past its max (and grow it). */
function overMeasure(input: CheckInput, cap: { max: number; of: (doc: Y.Doc) => number }): boolean {
  const current = input.measured();
  // Text in an update takes at least a byte per character, so small updates need no trial.
  if (current + input.update.byteLength <= cap.max) return false;
  const trial = new Y.Doc({ gc: input.doc.gc });
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(input.doc), Origin.store);
    Y.applyUpdate(trial, input.update, Origin.client);
    const after = cap.of(trial);
    return after > cap.max && after > current;
  } catch {
    return true; // an update that cannot even be tried is not one to store
  } finally {
    trial.destroy();
  }
}
