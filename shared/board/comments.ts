/**
 * Comments on board elements (`BoardKey.comments`): the only file that spells a comment's keys.
 *
 *   comments: Y.Map   commentId → Y.Map {
 *     elementId: string            the element commented on
 *     parent: string | null        null: the thread's first comment; else that first comment's id
 *     authorId, authorName, organisationId, organisationName, createdAt   as an element's (F.*)
 *     text: string                 1–2,000 characters, a plain value (not a Y.Text)
 *     editedAt?: ISO string
 *     resolved?: { by: memberId, at: ISO string } | null   only on a thread's first comment
 *   }
 *
 * The map is flat (replies are entries naming their thread, not a nested Y.Array), so the server
 * checks each entry an update touches on its own (server/sync/comment-guard.ts). Anyone with
 * write access can write anything into the document, so reading trusts nothing: a malformed
 * entry is skipped, a reply whose thread is missing or on another element too, and so is every
 * comment of an element that no longer exists (deleted elements keep their comments, hidden).
 * Every write is one `doc.transact(fn, origin)`.
 */
import * as Y from 'yjs';
import { BoardKey, F } from './schema.js';

export const CommentLimits = { textMax: 2000, idMax: 64, nameMax: 100, dateMax: 40, perBoard: 5000 } as const;

export const CK = {
  elementId: 'elementId',
  parent: 'parent',
  authorId: F.authorId,
  authorName: F.authorName,
  organisationId: F.organisationId,
  organisationName: F.organisationName,
  createdAt: F.createdAt,
  text: 'text',
  editedAt: 'editedAt',
  resolved: 'resolved',
} as const;

/** Fields nobody changes once a comment exists: who wrote it, when, where. */
export const COMMENT_AUTHOR_FIELDS: readonly string[] = [CK.authorId, CK.authorName, CK.organisationId, CK.organisationName, CK.createdAt];
export const COMMENT_PLACE_FIELDS: readonly string[] = [CK.elementId, CK.parent];
const KNOWN = new Set<string>(Object.values(CK));

export interface CommentAuthor {
  id: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
}
export interface Resolution {
  by: string;
  at: string;
}
export interface BoardComment {
  id: string;
  elementId: string;
  parent: string | null;
  author: CommentAuthor;
  createdAt: string;
  text: string;
  editedAt: string | null;
  resolved: Resolution | null;
}
export interface CommentThread {
  start: BoardComment;
  replies: BoardComment[];
}

export const boardComments = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(BoardKey.comments);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Y.AbstractType);
const bounded = (v: unknown, max: number, min = 1): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const isDate = (v: unknown): v is string => bounded(v, CommentLimits.dateMax) && !Number.isNaN(Date.parse(v));
/** Text worth keeping: within the limit and not only whitespace. */
export const isCommentText = (v: unknown): v is string => bounded(v, CommentLimits.textMax) && v.trim().length > 0;
/** `{ by, at }` and nothing else. */
export function isResolution(v: unknown): v is Resolution {
  return isRecord(v) && Object.keys(v).length === 2 && bounded(v.by, CommentLimits.idMax) && isDate(v.at);
}

/**
 * Why one field's value is not what a comment may hold (null: it is). `start`: whether the
 * comment is a thread's first (only those carry `resolved`). Used for a change to one field.
 */
export function fieldProblem(key: string, value: unknown, start: boolean): string | null {
  switch (key) {
    case CK.elementId:
    case CK.authorId:
      return bounded(value, CommentLimits.idMax) ? null : key;
    case CK.parent:
      return value === null || bounded(value, CommentLimits.idMax) ? null : key;
    case CK.organisationId:
      // No organisation is written as '' (as an element's).
      return bounded(value, CommentLimits.idMax, 0) ? null : key;
    case CK.authorName:
      return bounded(value, CommentLimits.nameMax) ? null : key;
    case CK.organisationName:
      return bounded(value, CommentLimits.nameMax, 0) ? null : key;
    case CK.createdAt:
    case CK.editedAt:
      return isDate(value) ? null : key;
    case CK.text:
      return isCommentText(value) ? null : key;
    case CK.resolved:
      return value === null || (start && isResolution(value)) ? null : key;
    default:
      return key;
  }
}

/**
 * Why a whole comment's fields (`key → plain value`) are not a comment (null: they are): every
 * field known and well-formed, the required ones there. A new comment is checked with this.
 */
export function commentProblem(fields: ReadonlyMap<string, unknown>): string | null {
  for (const k of [CK.elementId, CK.parent, CK.authorId, CK.authorName, CK.organisationId, CK.createdAt, CK.text]) if (!fields.has(k)) return k;
  const start = fields.get(CK.parent) === null;
  for (const [k, v] of fields) {
    if (!KNOWN.has(k)) return k;
    const p = fieldProblem(k, v, start);
    if (p) return p;
  }
  return null;
}

/** A map's entries as plain values; null when one is a shared type (comments hold none). */
function plainFields(m: Y.Map<unknown>): Map<string, unknown> | null {
  const out = new Map<string, unknown>();
  for (const [k, v] of m.entries()) {
    if (v instanceof Y.AbstractType) return null;
    out.set(k, v);
  }
  return out;
}

/** One comment as written in the document, or null when any field is malformed. */
export function readComment(id: string, m: unknown): BoardComment | null {
  if (!(m instanceof Y.Map) || !bounded(id, CommentLimits.idMax)) return null;
  const f = plainFields(m);
  if (!f || commentProblem(f) !== null) return null;
  const org = f.get(CK.organisationId) as string;
  const orgName = f.get(CK.organisationName);
  const resolved = f.get(CK.resolved);
  const editedAt = f.get(CK.editedAt);
  return {
    id,
    elementId: f.get(CK.elementId) as string,
    parent: f.get(CK.parent) as string | null,
    author: { id: f.get(CK.authorId) as string, name: f.get(CK.authorName) as string, organisationId: org || null, organisationName: (typeof orgName === 'string' && orgName) || null },
    createdAt: f.get(CK.createdAt) as string,
    text: f.get(CK.text) as string,
    editedAt: typeof editedAt === 'string' ? editedAt : null,
    resolved: isResolution(resolved) ? { by: resolved.by, at: resolved.at } : null,
  };
}

/** The id of the first entry that is not a well-formed comment, or null (a backup's check). */
export function malformedComment(doc: Y.Doc): string | null {
  for (const [id, m] of boardComments(doc).entries()) if (!readComment(id, m)) return id;
  return null;
}

const byTime = (a: BoardComment, b: BoardComment) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Every thread shown (oldest first, replies oldest first): its element exists, and each reply
 * names a thread's first comment on the same element. `elementId`: only that element's threads.
 */
export function listThreads(doc: Y.Doc, elementId?: string): CommentThread[] {
  const elements = doc.getMap<unknown>(BoardKey.elements);
  const starts = new Map<string, CommentThread>();
  const replies: BoardComment[] = [];
  boardComments(doc).forEach((m, id) => {
    const c = readComment(id, m);
    if (!c || (elementId !== undefined && c.elementId !== elementId) || !(elements.get(c.elementId) instanceof Y.Map)) return;
    if (c.parent === null) starts.set(id, { start: c, replies: [] });
    else replies.push(c);
  });
  for (const r of replies.sort(byTime)) {
    const t = starts.get(r.parent!);
    if (t && t.start.elementId === r.elementId) t.replies.push(r);
  }
  return [...starts.values()].sort((a, b) => byTime(a.start, b.start));
}

/** elementId → comments in its open threads (first comments and replies), for the badges. */
export function openCounts(doc: Y.Doc): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of listThreads(doc)) if (!t.start.resolved) out.set(t.start.elementId, (out.get(t.start.elementId) ?? 0) + 1 + t.replies.length);
  return out;
}

export interface NewBoardComment {
  id: string;
  elementId: string;
  /** The thread's first comment, for a reply. */
  parent: string | null;
  author: CommentAuthor;
  text: string;
  at: Date;
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

/** Writes a new comment or reply; false when its text is empty. */
export function addComment(doc: Y.Doc, c: NewBoardComment, origin: unknown): boolean {
  const text = clip(c.text.trim(), CommentLimits.textMax);
  if (!text) return false;
  const m = new Y.Map<unknown>();
  const fields: Record<string, unknown> = {
    [CK.elementId]: c.elementId,
    [CK.parent]: c.parent,
    [CK.authorId]: c.author.id,
    [CK.authorName]: clip(c.author.name, CommentLimits.nameMax) || '?',
    [CK.organisationId]: c.author.organisationId ?? '',
    [CK.organisationName]: clip(c.author.organisationName ?? '', CommentLimits.nameMax),
    [CK.createdAt]: c.at.toISOString(),
    [CK.text]: text,
  };
  if (c.parent === null) fields[CK.resolved] = null;
  doc.transact(() => {
    for (const [k, v] of Object.entries(fields)) m.set(k, v);
    boardComments(doc).set(c.id, m);
  }, origin);
  return true;
}

/** Replaces a comment's text (the author's or a facilitator's change); false when empty or gone. */
export function editComment(doc: Y.Doc, id: string, text: string, at: Date, origin: unknown): boolean {
  const m = boardComments(doc).get(id);
  const value = clip(text.trim(), CommentLimits.textMax);
  if (!(m instanceof Y.Map) || !value) return false;
  doc.transact(() => {
    m.set(CK.text, value);
    m.set(CK.editedAt, at.toISOString());
  }, origin);
  return true;
}

/** Deletes comments (a thread's first comment with the replies the caller may delete). */
export function deleteComments(doc: Y.Doc, ids: readonly string[], origin: unknown): void {
  const map = boardComments(doc);
  doc.transact(() => {
    for (const id of ids) if (map.has(id)) map.delete(id);
  }, origin);
}

/** Resolves (`by` set) or reopens (`by` null) a thread; false when it is not a thread's first comment. */
export function setResolved(doc: Y.Doc, id: string, by: Resolution | null, origin: unknown): boolean {
  const m = boardComments(doc).get(id);
  if (!(m instanceof Y.Map) || m.get(CK.parent) !== null) return false;
  doc.transact(() => m.set(CK.resolved, by ? { by: by.by, at: by.at } : null), origin);
  return true;
}

/** Calls `fn` after every change to any comment; returns the function that stops it. */
export function observeComments(doc: Y.Doc, fn: () => void): () => void {
  const map = boardComments(doc);
  const handler = () => fn();
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}
