/**
 * Suggestions in the vision (suggestion mode, issue #17): a suggested insertion or deletion is a
 * mark on the text, stored in the shared document like any formatting (y-prosemirror keeps a
 * mark as a Y.XmlText format attribute named after it), so it survives offline and concurrent
 * edits and reaches everyone through Yjs. Attributes name who suggested it:
 *
 *   insertion / deletion: { id, memberId, organisationId, createdAt }
 *
 * Until a suggestion is accepted, the agreed text is the text without pending insertions and
 * with pending deletions (exports read it so, server/export/vision-blocks.ts).
 *
 * The specs validate nothing: attributes come from any writer's document, and a mark that fails
 * validation would make y-prosemirror drop the whole paragraph. Readers use `suggestionAttrs`.
 */
import type { MarkSpec } from 'prosemirror-model';

export const SuggestionMark = { insertion: 'insertion', deletion: 'deletion' } as const;
export type SuggestionKind = keyof typeof SuggestionMark;

export interface SuggestionAttrs {
  id: string;
  memberId: string;
  organisationId: string | null;
  createdAt: string;
}

const attrs = { id: { default: '' }, memberId: { default: '' }, organisationId: { default: null }, createdAt: { default: '' } };

/** Never parsed from pasted HTML: a suggestion is only made by suggestion mode, in its writer's name. */
export const suggestionMarkSpecs: Record<SuggestionKind, MarkSpec> = {
  insertion: {
    attrs,
    inclusive: false,
    excludes: 'insertion deletion',
    parseDOM: [],
    toDOM: (mark) => ['ins', { class: 'suggestion', 'data-suggestion': String(mark.attrs.id) }, 0],
  },
  deletion: {
    attrs,
    inclusive: false,
    excludes: 'insertion deletion',
    parseDOM: [],
    toDOM: (mark) => ['del', { class: 'suggestion', 'data-suggestion': String(mark.attrs.id) }, 0],
  },
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Well-formed attributes, or null (a value any writer could have put there). */
export function suggestionAttrs(value: unknown): SuggestionAttrs | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const id = str(v.id);
  const memberId = str(v.memberId);
  if (!id || !memberId || id.length > 64 || memberId.length > 64) return null;
  const organisationId = str(v.organisationId);
  return { id, memberId, organisationId: organisationId && organisationId.length <= 64 ? organisationId : null, createdAt: str(v.createdAt)?.slice(0, 40) ?? '' };
}

/**
 * A suggested paragraph break (issue #17): kept as a string attribute of the paragraph or heading
 * after the break (`suggestedBreak`), JSON of `{ kind, ...SuggestionAttrs }`. An insertion says the
 * block was split off the one before it by a suggestion (rejecting it joins them again); a
 * deletion says someone suggests joining the block onto the one before it. A string, because
 * y-prosemirror rewrites an object attribute on every change to its block. Top-level blocks only.
 */
export const SUGGESTED_BREAK = 'suggestedBreak';

export interface SuggestedBreak extends SuggestionAttrs {
  kind: SuggestionKind;
}

/** The break a block's attribute suggests, or null (absent or not well-formed). */
export function readBreak(value: unknown): SuggestedBreak | null {
  if (typeof value !== 'string' || value.length > 400) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  const attrs = suggestionAttrs(parsed);
  const kind = (parsed as { kind?: unknown }).kind;
  return attrs && (kind === 'insertion' || kind === 'deletion') ? { ...attrs, kind } : null;
}

export const writeBreak = (b: SuggestedBreak): string =>
  JSON.stringify({ kind: b.kind, id: b.id, memberId: b.memberId, organisationId: b.organisationId, createdAt: b.createdAt });

/**
 * A suggested change of formatting (issue #17): a mark on agreed text, stored like the others (a
 * format attribute `formatting`), whose value names who suggested it and what it sets: `strong`
 * and `em` each `"add"`, `"remove"` or null (unchanged). Accepting it sets that formatting and
 * drops the mark; rejecting it drops the mark. Until then the agreed formatting is the text's own.
 */
export const FORMAT_MARK = 'formatting';
export const FORMAT_KEYS = ['strong', 'em'] as const;
export type FormatKey = (typeof FORMAT_KEYS)[number];
export type FormatChange = 'add' | 'remove';

export interface FormatSuggestion extends SuggestionAttrs {
  strong: FormatChange | null;
  em: FormatChange | null;
}

export const formatMarkSpec: MarkSpec = {
  attrs: { ...attrs, strong: { default: null }, em: { default: null } },
  inclusive: false,
  parseDOM: [],
  toDOM: (mark) => ['span', { class: 'suggestion formatting', 'data-suggestion': String(mark.attrs.id) }, 0],
};

const change = (v: unknown): FormatChange | null => (v === 'add' || v === 'remove' ? v : null);

/** A well-formed formatting suggestion that changes something, or null. */
export function readFormatting(value: unknown): FormatSuggestion | null {
  const a = suggestionAttrs(value);
  if (!a) return null;
  const v = value as Record<string, unknown>;
  const f = { ...a, strong: change(v.strong), em: change(v.em) };
  return f.strong || f.em ? f : null;
}

/** Text formatting (Yjs format attributes, marks by name) once `f` is accepted. */
export function withFormatting(formatting: Record<string, unknown>, f: FormatSuggestion): Record<string, unknown> {
  const out = { ...formatting };
  for (const key of FORMAT_KEYS) {
    if (f[key] === 'add') out[key] = {};
    else if (f[key] === 'remove') delete out[key];
  }
  return out;
}
