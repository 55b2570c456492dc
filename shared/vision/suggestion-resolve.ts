/**
 * Resolving suggestions while a facilitator requires suggestion mode (issue #17): the member whose
 * text a suggestion changes may accept or reject it, like a facilitator. Judged per paragraph on
 * what the text means (suggestion-rules.ts reads it), since y-prosemirror rewrites a paragraph by
 * a string diff and which Yjs items end up holding the text is not the point.
 *
 * A resolution leaves every character as it was except those of suggestions the sender may
 * resolve, each suggestion's run taken whole: kept, accepted (an insertion becomes agreed text
 * with its formatting, a deleted passage goes, suggested formatting is applied) or rejected (an
 * insertion goes, a deletion or formatting mark goes). Whose a suggestion is to resolve follows the client (client/vision/suggestions.ts): for
 * a deletion or formatting, the writer of every character it changes; for an insertion, the writer of the
 * agreed character before it in its paragraph, else the one after it. A suggested paragraph break
 * (suggestion-blocks.ts) is read as a character: a new one is the writer's of the agreed
 * character before it, a join the writer's of the paragraph it joins on.
 */
import { BREAK_CHAR } from './suggestion-blocks.js';
import { stableJson, type TextReading } from './suggestion-rules.js';
import { readFormatting, suggestionAttrs, withFormatting, type SuggestionAttrs } from './suggestion-marks.js';

/** A suggestion a block's resolution resolves: it needs these clients' member to be the sender, and not to be its suggester. */
interface Need {
  writers: number[];
  by: string;
}

type Choice = 'keep' | 'accept' | 'reject';

/** A block read with some of its suggestions resolved: what it reads as, and what that needs. */
interface Variant {
  keys: string[];
  needs: Need[];
  /** For agreed characters: what becomes of their deletion and of their formatting suggestion. */
  del?: Choice;
  fmt?: Choice;
}

interface Block {
  /** The units as they read now. */
  now: string[];
  variants: Variant[];
}

/** More alignments than this in play at once: the change is refused rather than searched. */
const MAX_ALIGNMENTS = 256;

const agreedKey = (agreed: string, deletion: unknown, format: unknown) => `a\u0000${agreed}\u0000${stableJson(deletion ?? null)}\u0000${stableJson(format ?? null)}`;

/** The paragraph's characters in order, each as a comparable key: what `after` is matched against. */
export function readingKeys(r: TextReading): string[] {
  const out: string[] = [];
  let next = 0;
  const agreedUpTo = (n: number) => {
    for (; next < n; next++) out.push(agreedKey(r.agreed[next]!, r.deletions[next], r.formats[next]));
  };
  for (const run of r.insertions) {
    agreedUpTo(run.at);
    for (const ch of run.text) out.push(`i\u0000${run.raw}\u0000${ch}`);
  }
  agreedUpTo(r.agreed.length);
  return out;
}

/** `${ch}\0${formatting}` (suggestion-rules.ts) with `formatting` as `f` would set it. */
function formatted(agreed: string, f: ReturnType<typeof readFormatting>): string {
  if (!f) return agreed;
  const cut = agreed.indexOf('\u0000');
  const formatting = JSON.parse(agreed.slice(cut + 1)) as Record<string, unknown>;
  return `${agreed.slice(0, cut)}\u0000${stableJson(withFormatting(formatting, f))}`;
}

/** `before` in blocks: each suggestion's runs with what they would read as once resolved. */
function blocks(r: TextReading): Block[] {
  const out: Block[] = [];
  const fixed = (key: string) => {
    const last = out.at(-1);
    if (last && last.variants.length === 0) last.now.push(key);
    else out.push({ now: [key], variants: [] });
  };
  // Agreed characters with pending suggestions, grouped while the same ones go on.
  let group: { sig: string; block: Block } | null = null;
  let next = 0;
  const agreedUpTo = (n: number) => {
    for (; next < n; next++) {
      const agreed = r.agreed[next]!;
      const del = suggestionAttrs(r.deletions[next]);
      const fmt = readFormatting(r.formats[next]);
      const now = agreedKey(agreed, r.deletions[next], r.formats[next]);
      if (!del && !fmt) {
        group = null;
        fixed(now);
        continue;
      }
      const sig = `${del?.id ?? ''}\u0000${fmt ? stableJson(r.formats[next]) : ''}`;
      if (group?.sig !== sig || out.at(-1) !== group.block) {
        group = { sig, block: { now: [], variants: [] } };
        out.push(group.block);
        // Each suggestion on these characters kept, accepted or rejected.
        const choices = (on: unknown): Choice[] => (on ? ['keep', 'accept', 'reject'] : ['keep']);
        for (const d of choices(del)) {
          for (const f of choices(fmt)) {
            if (d === 'keep' && f === 'keep') continue;
            const needs = [d !== 'keep' && del, f !== 'keep' && fmt].filter((x): x is SuggestionAttrs => !!x).map((x) => ({ writers: [] as number[], by: x.memberId }));
            group.block.variants.push({ keys: [], needs, del: d, fmt: f });
          }
        }
      }
      const block = group.block;
      block.now.push(now);
      for (const v of block.variants) {
        for (const need of v.needs) need.writers.push(r.writers[next]!);
        if (v.del === 'accept') continue; // the character goes
        const text = v.fmt === 'accept' ? formatted(agreed, fmt) : agreed;
        v.keys.push(agreedKey(text, v.del === 'keep' ? r.deletions[next] : undefined, v.fmt === 'keep' ? r.formats[next] : undefined));
      }
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
    return at < 0 ? [] : [r.writers[at]!];
  };
  for (const run of r.insertions) {
    agreedUpTo(run.at);
    group = null;
    const now = [...run.text].map((ch) => `i\u0000${run.raw}\u0000${ch}`);
    const writers = run.attrs ? insertionOwner(run.attrs.id, run.text) : [];
    // Facilitators alone resolve an insertion in a paragraph with no agreed text.
    if (!run.attrs || !writers.length) {
      for (const k of now) fixed(k);
      continue;
    }
    const need = [{ writers, by: run.attrs.memberId }];
    const accept = [...run.text].map((ch) => agreedKey(`${ch}\u0000${run.rest}`, undefined, undefined));
    out.push({ now, variants: [{ keys: accept, needs: need }, { keys: [], needs: need }] });
  }
  agreedUpTo(r.agreed.length);
  return out;
}

/** Every client whose member decides whether a resolution of `before` is the sender's to make. */
export function resolutionWriters(before: TextReading): Set<number> {
  return new Set(blocks(before).flatMap((b) => b.variants.flatMap((v) => v.needs.flatMap((n) => n.writers))));
}

const matches = (after: readonly string[], at: number, keys: readonly string[]) => keys.every((k, i) => after[at + i] === k);

/** True when `after` is `before` with some suggestions that `may(need)` allows resolved. */
function aligns(before: TextReading, after: TextReading, may: (need: Need) => boolean): boolean | 'unclear' {
  const want = readingKeys(after);
  let at = new Set([0]);
  for (const b of blocks(before)) {
    const options = [b.now, ...b.variants.filter((v) => v.needs.every(may)).map((v) => v.keys)];
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
  const own = aligns(before, after, (n) => n.by !== memberId && n.writers.every(mine));
  if (own === true) return null;
  if (own === 'unclear') return 'suggestion-unclear';
  return aligns(before, after, () => true) === true ? 'suggestion-not-yours' : otherwise;
}
