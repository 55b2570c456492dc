/**
 * Resolving suggestions while a facilitator requires suggestion mode (issue #17): the member whose
 * text a suggestion changes may accept or reject it, like a facilitator. Judged per paragraph on
 * what the text means (suggestion-rules.ts reads it), since y-prosemirror rewrites a paragraph by
 * a string diff and which Yjs items end up holding the text is not the point.
 *
 * A resolution leaves every character as it was except those of suggestions the sender may
 * resolve, each suggestion's run taken whole: kept, accepted (an insertion becomes agreed text
 * with its formatting, a deleted passage goes) or rejected (an insertion goes, a deletion mark
 * goes). Whose a suggestion is to resolve follows the client (client/vision/suggestions.ts): for
 * a deletion, the writer of every character it strikes; for an insertion, the writer of the
 * agreed character before it in its paragraph, else the one after it. A suggested paragraph break
 * (suggestion-blocks.ts) is read as a character: a new one is the writer's of the agreed
 * character before it, a join the writer's of the paragraph it joins on.
 */
import { BREAK_CHAR } from './suggestion-blocks.js';
import { stableJson, type TextReading } from './suggestion-rules.js';
import { suggestionAttrs } from './suggestion-marks.js';

interface Block {
  /** The units as they read now. */
  now: string[];
  /** Accepted and rejected, when it is a suggestion; null for text that must stay. */
  accept: string[] | null;
  reject: string[] | null;
  /** Clients whose member must be the sender for it to be resolved. */
  writers: number[];
  /** Who suggested it: not the one to accept it while suggestions are required. */
  by: string;
}

/** More alignments than this in play at once: the change is refused rather than searched. */
const MAX_ALIGNMENTS = 256;

const agreedKey = (agreed: string, deletion: unknown) => `a\u0000${agreed}\u0000${stableJson(deletion ?? null)}`;

/** The paragraph's characters in order, each as a comparable key: what `after` is matched against. */
export function readingKeys(r: TextReading): string[] {
  const out: string[] = [];
  let next = 0;
  const agreedUpTo = (n: number) => {
    for (; next < n; next++) out.push(agreedKey(r.agreed[next]!, r.deletions[next]));
  };
  for (const run of r.insertions) {
    agreedUpTo(run.at);
    for (const ch of run.text) out.push(`i\u0000${run.raw}\u0000${ch}`);
  }
  agreedUpTo(r.agreed.length);
  return out;
}

/** `before` in blocks: each suggestion's runs with what they would read as once resolved. */
function blocks(r: TextReading): Block[] {
  const out: Block[] = [];
  const fixed = (key: string) => {
    const last = out.at(-1);
    if (last && last.accept === null) last.now.push(key);
    else out.push({ now: [key], accept: null, reject: null, writers: [], by: '' });
  };
  const agreedWriter = (i: number) => r.writers[i];
  let next = 0;
  let lastDel: { id: string; block: Block } | null = null;
  const agreedUpTo = (n: number) => {
    for (; next < n; next++) {
      const key = agreedKey(r.agreed[next]!, r.deletions[next]);
      const del = suggestionAttrs(r.deletions[next]);
      if (!del) {
        lastDel = null;
        fixed(key);
        continue;
      }
      if (lastDel?.id !== del.id || out.at(-1) !== lastDel.block) {
        lastDel = { id: del.id, block: { now: [], accept: [], reject: [], writers: [], by: del.memberId } };
        out.push(lastDel.block);
      }
      lastDel.block.now.push(key);
      lastDel.block.reject!.push(agreedKey(r.agreed[next]!, undefined));
      lastDel.block.writers.push(r.writers[next]!);
    }
  };
  // An insertion's text owner: the agreed character before its first run here, else after its last.
  const firstAt = new Map<string, number>();
  const lastAt = new Map<string, number>();
  for (const run of r.insertions) {
    const id = run.attrs?.id;
    if (id === undefined) continue;
    if (!firstAt.has(id)) firstAt.set(id, run.at);
    lastAt.set(id, run.at);
  }
  // Characters only: a paragraph break or a line break owns no insertion beside it.
  const isChar = (i: number) => i >= 0 && i < r.agreed.length && !r.agreed[i]!.startsWith(BREAK_CHAR) && !r.agreed[i]!.startsWith('\uFFFC');
  const insertionOwner = (id: string, text: string): number[] => {
    const first = firstAt.get(id)!;
    // A suggested break: the writer of the text it breaks, the agreed character before it.
    const at = isChar(first - 1) ? first - 1 : text !== BREAK_CHAR && isChar(lastAt.get(id)!) ? lastAt.get(id)! : -1;
    return at < 0 ? [] : [agreedWriter(at)!];
  };
  for (const run of r.insertions) {
    agreedUpTo(run.at);
    lastDel = null;
    const now = [...run.text].map((ch) => `i\u0000${run.raw}\u0000${ch}`);
    if (!run.attrs) {
      for (const k of now) fixed(k);
      continue;
    }
    const writers = insertionOwner(run.attrs.id, run.text);
    // Facilitators alone resolve an insertion in a paragraph with no agreed text.
    if (!writers.length) {
      for (const k of now) fixed(k);
      continue;
    }
    const accept = [...run.text].map((ch) => agreedKey(`${ch}\u0000${run.rest}`, undefined));
    out.push({ now, accept, reject: [], writers, by: run.attrs.memberId });
  }
  agreedUpTo(r.agreed.length);
  return out;
}

/** Every client whose member decides whether a resolution of `before` is the sender's to make. */
export function resolutionWriters(before: TextReading): Set<number> {
  return new Set(blocks(before).flatMap((b) => b.writers));
}

const matches = (after: readonly string[], at: number, keys: readonly string[]) => keys.every((k, i) => after[at + i] === k);

/** True when `after` is `before` with some suggestions that `may(block)` allows resolved. */
function aligns(before: TextReading, after: TextReading, may: (b: Block) => boolean): boolean | 'unclear' {
  const want = readingKeys(after);
  let at = new Set([0]);
  for (const b of blocks(before)) {
    const options = [b.now];
    if (b.accept && b.reject && may(b)) options.push(b.accept, b.reject);
    const next = new Set<number>();
    for (const p of at) for (const o of options) if (p + o.length <= want.length && matches(want, p, o)) next.add(p + o.length);
    if (next.size === 0) return false;
    if (next.size > MAX_ALIGNMENTS) return 'unclear';
    at = next;
  }
  return at.has(want.length);
}

/**
 * Null when the change from `before` to `after` only resolves others' suggestions on `memberId`'s
 * text (`mine(client)`: the client's member is `memberId`); else the rule it breaks:
 * `suggestion-not-yours` when it resolves a suggestion on someone else's text or accepts one's own
 * (withdrawing one's own is a suggestion's change, suggestion-rules.ts), `suggestion-unclear`
 * when it cannot be told apart, and `otherwise` when it is no resolution at all.
 */
export function resolutionBroken(before: TextReading, after: TextReading, memberId: string, mine: (client: number) => boolean, otherwise: string): string | null {
  const own = aligns(before, after, (b) => b.by !== memberId && b.writers.every(mine));
  if (own === true) return null;
  if (own === 'unclear') return 'suggestion-unclear';
  return aligns(before, after, () => true) === true ? 'suggestion-not-yours' : otherwise;
}
