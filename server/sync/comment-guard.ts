/**
 * Who may do what to the comments on a board's elements (shared/board/comments.ts), checked by
 * the board's guard (server/sync/ownership.ts) on each comment an update touches, against the
 * server's copy of the document:
 * - A new comment is well-formed (`comment-shape`), names its sender and the sender's
 *   organisation (`author-field`), comments on an element of this board (`comment-element`), and a
 *   reply names a thread's first comment on the same element (`comment-thread`); a board holds at
 *   most CommentLimits.perBoard of them (`comment-count`).
 * - Its author fields, element and thread never change (`author-field`, `comment-shape`).
 * - Its text (and when it was edited) is changed, and it is deleted, only by its author or a
 *   facilitator (`comment-owner`); a thread's first comment is deleted by its author only with
 *   the others' replies, which only a facilitator may do.
 * - Anyone who may write resolves or reopens a thread, as themselves (`author-field`).
 * Read-only connections (observers, a locked board) never get here: the connection drops them.
 */
import * as Y from 'yjs';
import { BoardKey } from '../../shared/board/schema.js';
import { CK, COMMENT_AUTHOR_FIELDS, COMMENT_PLACE_FIELDS, CommentLimits, commentProblem, fieldProblem, isResolution, boardComments } from '../../shared/board/comments.js';
import type { Touch } from './touched.js';

export interface Commenter {
  memberId: string;
  organisationId: string | null;
  facilitator: boolean;
}

/**
 * What the checks of one update share, worked out once (an update may touch thousands of
 * comments): the comments it deletes, the replies each thread has, and whether it would take the
 * board past CommentLimits.perBoard.
 */
export interface CommentUpdate {
  touches: readonly Touch[];
  deleted: Set<string>;
  /** Thread start id → its replies as stored: [reply id, author id]. */
  replies: Map<string, Array<[string, unknown]>>;
  overCap: boolean;
}

export function commentUpdate(doc: Y.Doc, touches: readonly Touch[]): CommentUpdate {
  const comments = boardComments(doc);
  const deleted = new Set<string>();
  let added = 0;
  for (const o of touches) {
    if (o.root !== BoardKey.comments) continue;
    if (o.kind === 'delete') deleted.add(o.key);
    else if (o.kind === 'create' && !comments.has(o.key)) added++;
  }
  const replies = new Map<string, Array<[string, unknown]>>();
  comments.forEach((m, id) => {
    const parent = m instanceof Y.Map ? m.get(CK.parent) : null;
    if (typeof parent !== 'string') return;
    const list = replies.get(parent) ?? [];
    list.push([id, (m as Y.Map<unknown>).get(CK.authorId)]);
    replies.set(parent, list);
  });
  return { touches, deleted, replies, overCap: added > 0 && comments.size + added > CommentLimits.perBoard };
}

/** The rule `t` (a touch of the comments map) breaks, or null. `u`: what the update's checks share. */
export function commentRefusal(t: Touch, doc: Y.Doc, me: Commenter, u: CommentUpdate): string | null {
  const touches = u.touches;
  const comments = boardComments(doc);
  const existing = comments.get(t.key);
  if (!(existing instanceof Y.Map)) {
    if (t.kind === 'delete') return null; // nothing a member could have written; removing it harms nobody
    return t.kind === 'create' ? newComment(t, doc, me, touches, u.overCap) : 'comment-shape';
  }
  const mine = existing.get(CK.authorId) === me.memberId || me.facilitator;
  if (t.kind === 'delete') {
    if (!mine) return 'comment-owner';
    const othersKept = (u.replies.get(t.key) ?? []).some(([id, author]) => author !== me.memberId && !u.deleted.has(id));
    return me.facilitator || !othersKept ? null : 'comment-owner';
  }
  if (t.kind === 'create') {
    // A replacement of the whole entry: its author's (or a facilitator's) edit, keeping who, when and where.
    if (!mine) return 'comment-owner';
    for (const f of COMMENT_AUTHOR_FIELDS) if ((t.fields.get(f) ?? null) !== (existing.get(f) ?? null)) return 'author-field';
    for (const f of COMMENT_PLACE_FIELDS) if ((t.fields.get(f) ?? null) !== (existing.get(f) ?? null)) return 'comment-shape';
    return commentProblem(t.fields) ? 'comment-shape' : resolvedBy(t.fields.get(CK.resolved), existing.get(CK.resolved), me);
  }
  const start = existing.get(CK.parent) === null;
  for (const [field, value] of t.fields) {
    if (COMMENT_AUTHOR_FIELDS.includes(field)) return 'author-field';
    if (fieldProblem(field, value, start) || COMMENT_PLACE_FIELDS.includes(field)) return 'comment-shape';
    if ((field === CK.text || field === CK.editedAt) && !mine) return 'comment-owner';
    if (field === CK.resolved) {
      const rule = resolvedBy(value, existing.get(CK.resolved), me);
      if (rule) return rule;
    }
  }
  return null;
}

function newComment(t: Touch, doc: Y.Doc, me: Commenter, touches: readonly Touch[], overCap: boolean): string | null {
  if (commentProblem(t.fields)) return 'comment-shape';
  if (t.fields.get(CK.authorId) !== me.memberId || ((t.fields.get(CK.organisationId) as string) || null) !== me.organisationId) return 'author-field';
  if ((t.fields.get(CK.resolved) ?? null) !== null) return 'comment-shape';
  const elementId = t.fields.get(CK.elementId) as string;
  const created = (root: string, key: string) => touches.find((o) => o.root === root && o.key === key && o.kind === 'create');
  if (!(doc.getMap<unknown>(BoardKey.elements).get(elementId) instanceof Y.Map) && !created(BoardKey.elements, elementId)) return 'comment-element';
  const parent = t.fields.get(CK.parent) as string | null;
  if (parent !== null) {
    const stored = boardComments(doc).get(parent);
    const thread = stored instanceof Y.Map ? { parent: stored.get(CK.parent), elementId: stored.get(CK.elementId) } : null;
    const fresh = created(BoardKey.comments, parent);
    const start = thread ?? (fresh ? { parent: fresh.fields.get(CK.parent), elementId: fresh.fields.get(CK.elementId) } : null);
    if (!start || start.parent !== null || start.elementId !== elementId) return 'comment-thread';
  }
  return overCap ? 'comment-count' : null;
}

/** A resolution names its sender (a reopening is null); one already there may stay as it is. */
function resolvedBy(value: unknown, before: unknown, me: Commenter): string | null {
  if (value === undefined || value === null) return null;
  if (!isResolution(value)) return 'comment-shape';
  const unchanged = isResolution(before) && before.by === value.by && before.at === value.at;
  return unchanged || value.by === me.memberId ? null : 'author-field';
}

