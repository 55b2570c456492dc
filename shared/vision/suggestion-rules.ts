/**
 * What a change under suggestion mode may do to one paragraph's text, judged on what the text
 * means rather than on which Yjs items carry it: y-prosemirror rewrites a paragraph by a string
 * diff, so deleting one's own suggested space before an agreed space may delete the agreed one
 * and keep the suggested one. Both read the same, and both are fine.
 *
 * A text is read as its agreed characters (each with its formatting and any pending deletion)
 * and the pending insertions between them. A change made only of suggestions by `me`:
 * - leaves the agreed characters and their formatting as they were;
 * - adds pending deletions in `me`'s name, or withdraws `me`'s own, and leaves others' alone;
 * - adds, changes or removes only `me`'s own pending insertions, each in `me`'s name and
 *   organisation.
 */
import * as Y from 'yjs';
import { FORMAT_MARK, readFormatting, SuggestionMark, suggestionAttrs, type SuggestionAttrs } from './suggestion-marks.js';

interface InsertionRun {
  /** Agreed characters before it. */
  at: number;
  /** All its attributes (formatting included), as stable JSON. */
  raw: string;
  /** Its formatting without the insertion, as stable JSON: what it reads as once accepted. */
  rest: string;
  attrs: SuggestionAttrs | null;
  text: string;
}

export interface TextReading {
  /** Agreed characters, each with its formatting as stable JSON. */
  agreed: string[];
  /** Per agreed character: its pending deletion (raw value), or undefined. */
  deletions: unknown[];
  /** Per agreed character: its pending formatting suggestion (raw value), or undefined. */
  formats: unknown[];
  /** Per agreed character: the Yjs client that wrote it (the attribution names its member). */
  writers: number[];
  insertions: InsertionRun[];
}

export interface Suggester {
  memberId: string;
  organisationId: string | null;
}

/** JSON with sorted keys, so equal values written in another key order compare equal. */
export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
}

/**
 * Reads `text` as it is where `visible(item, offset)` says a unit is there (the document now, or
 * before a transaction). Objects other than strings count as one agreed character each.
 */
export function readText(text: Y.Text, visible: (item: Y.Item, offset: number) => boolean): TextReading {
  const attrs = new Map<string, unknown>();
  const out: TextReading = { agreed: [], deletions: [], formats: [], writers: [], insertions: [] };
  for (let n = text._start; n; n = n.right) {
    const c = n.content;
    if (c instanceof Y.ContentFormat) {
      if (visible(n, 0)) {
        if (c.value === null) attrs.delete(c.key);
        else attrs.set(c.key, c.value);
      }
      continue;
    }
    if (!c.isCountable()) continue;
    const units = c instanceof Y.ContentString ? c.str : '\uFFFC'.repeat(n.length);
    let formatting: string | null = null;
    for (let i = 0; i < n.length; i++) {
      if (!visible(n, i)) continue;
      const ch = units[i] ?? '\uFFFC';
      if (attrs.has(SuggestionMark.insertion)) {
        const raw = stableJson(Object.fromEntries(attrs));
        const last = out.insertions.at(-1);
        if (last && last.at === out.agreed.length && last.raw === raw) last.text += ch;
        else {
          const rest = stableJson(Object.fromEntries([...attrs].filter(([k]) => k !== SuggestionMark.insertion)));
          out.insertions.push({ at: out.agreed.length, raw, rest, attrs: suggestionAttrs(attrs.get(SuggestionMark.insertion)), text: ch });
        }
        continue;
      }
      formatting ??= stableJson(Object.fromEntries([...attrs].filter(([k]) => k !== SuggestionMark.deletion && k !== FORMAT_MARK)));
      out.agreed.push(`${ch}\u0000${formatting}`);
      out.deletions.push(attrs.get(SuggestionMark.deletion));
      out.formats.push(attrs.get(FORMAT_MARK));
      out.writers.push(n.id.client);
    }
  }
  return out;
}

const mine = (a: SuggestionAttrs | null, me: Suggester) => a !== null && a.memberId === me.memberId && a.organisationId === me.organisationId;

/** Others' insertions in order, adjacent runs of one suggestion joined (one's own typed inside them splits them). */
function othersInsertions(r: TextReading, me: Suggester): string[] {
  const out: Array<{ at: number; raw: string; text: string }> = [];
  for (const run of r.insertions) {
    if (mine(run.attrs, me)) continue;
    const last = out.at(-1);
    if (last && last.at === run.at && last.raw === run.raw) last.text += run.text;
    else out.push({ at: run.at, raw: run.raw, text: run.text });
  }
  return out.map((x) => `${x.at}\u0000${x.raw}\u0000${x.text}`);
}

/** True when a character's pending suggestion went from `b` to `a` unchanged, or only by `me`'s own. */
function ownChange(b: unknown, a: unknown, me: Suggester, read: (v: unknown) => SuggestionAttrs | null, mayChange: boolean): boolean {
  if (stableJson(b ?? null) === stableJson(a ?? null)) return true;
  const was = b === undefined ? null : read(b);
  const is = a === undefined ? null : read(a);
  if (b !== undefined && !mine(was, me)) return false; // someone else's, or not well-formed
  if (a !== undefined && !mine(is, me)) return false;
  return b === undefined || a === undefined || mayChange;
}

/** The rule the change from `before` to `after` breaks, or null when it is only `me`'s suggestions. */
export function suggestionRuleBroken(before: TextReading, after: TextReading, me: Suggester): string | null {
  if (before.agreed.length !== after.agreed.length || before.agreed.some((c, i) => c !== after.agreed[i])) return 'suggestion-agreed-text';
  for (const run of after.insertions) {
    if (run.attrs?.memberId === me.memberId && (!mine(run.attrs, me) || run.raw.includes(`"${SuggestionMark.deletion}":`))) return 'suggestion-identity';
  }
  const was = othersInsertions(before, me);
  const is = othersInsertions(after, me);
  if (was.length !== is.length || was.some((x, i) => x !== is[i])) return 'suggestion-others';
  for (let i = 0; i < before.deletions.length; i++) {
    if (!ownChange(before.deletions[i], after.deletions[i], me, (v) => suggestionAttrs(v), false)) return 'suggestion-others';
    // One's own formatting suggestion may change too (bold, then italic as well).
    if (!ownChange(before.formats[i], after.formats[i], me, readFormatting, true)) return 'suggestion-others';
  }
  return null;
}
