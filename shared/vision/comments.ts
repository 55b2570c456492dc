/**
 * Comments on the vision (`visionComments(doc)`): the only file that spells a comment's keys.
 *
 *   comments: Y.Map   commentId → Y.Map {
 *     anchor, head: Uint8Array   `Y.encodeRelativePosition` of the commented range's start and end
 *     quote: string              the commented text when the comment was made (kept if it is deleted)
 *     author: { id, name, organisationId }
 *     text: string, createdAt: ISO string
 *     resolved: { id, name, at } | null
 *     replies: Y.Array<{ id, author, text, createdAt }>
 *   }
 *
 * Anyone with write access can write anything into the document, so reading trusts nothing:
 * a comment or reply with a missing or malformed field is skipped, strings are bounded. Every
 * write is one `doc.transact(fn, origin)`.
 */
import * as Y from 'yjs';
import { visionComments } from './schema.js';

export const CommentLimits = { textMax: 2000, quoteMax: 280, nameMax: 100, idMax: 64 } as const;

export interface CommentAuthor {
  id: string;
  name: string;
  organisationId: string | null;
}
export interface CommentReply {
  id: string;
  author: CommentAuthor;
  text: string;
  createdAt: string;
}
export interface VisionComment {
  id: string;
  anchor: Uint8Array;
  head: Uint8Array;
  quote: string;
  author: CommentAuthor;
  text: string;
  createdAt: string;
  resolved: { id: string; name: string; at: string } | null;
  replies: CommentReply[];
}
export interface NewComment {
  id: string;
  anchor: Uint8Array;
  head: Uint8Array;
  quote: string;
  author: CommentAuthor;
  text: string;
  createdAt: string;
}

const K = {
  anchor: 'anchor',
  head: 'head',
  quote: 'quote',
  author: 'author',
  text: 'text',
  createdAt: 'createdAt',
  resolved: 'resolved',
  replies: 'replies',
} as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const boundedString = (v: unknown, max: number, min = 1): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const isIsoDate = (v: unknown): v is string => boundedString(v, 40) && !Number.isNaN(Date.parse(v));

function readAuthor(v: unknown): CommentAuthor | null {
  if (!isRecord(v) || !boundedString(v.id, CommentLimits.idMax) || !boundedString(v.name, CommentLimits.nameMax)) return null;
  const org = v.organisationId;
  if (org !== null && !boundedString(org, CommentLimits.idMax)) return null;
  return { id: v.id, name: v.name, organisationId: org };
}

function readReply(v: unknown): CommentReply | null {
  if (!isRecord(v) || !boundedString(v.id, CommentLimits.idMax) || !boundedString(v.text, CommentLimits.textMax) || !isIsoDate(v.createdAt)) return null;
  const author = readAuthor(v.author);
  return author ? { id: v.id, author, text: v.text, createdAt: v.createdAt } : null;
}

function readResolved(v: unknown): VisionComment['resolved'] | undefined {
  if (v === null || v === undefined) return null;
  if (!isRecord(v) || !boundedString(v.id, CommentLimits.idMax) || !boundedString(v.name, CommentLimits.nameMax) || !isIsoDate(v.at)) return undefined;
  return { id: v.id, name: v.name, at: v.at };
}

/** One comment as written in the document, or null when any field is malformed. */
export function readComment(id: string, m: unknown): VisionComment | null {
  if (!(m instanceof Y.Map) || !boundedString(id, CommentLimits.idMax)) return null;
  const anchor: unknown = m.get(K.anchor);
  const head: unknown = m.get(K.head);
  const quote: unknown = m.get(K.quote);
  const text: unknown = m.get(K.text);
  const createdAt: unknown = m.get(K.createdAt);
  const author = readAuthor(m.get(K.author));
  const resolved = readResolved(m.get(K.resolved));
  if (!(anchor instanceof Uint8Array) || !(head instanceof Uint8Array) || anchor.length > 256 || head.length > 256) return null;
  if (!boundedString(quote, CommentLimits.quoteMax, 0) || !boundedString(text, CommentLimits.textMax) || !isIsoDate(createdAt)) return null;
  if (!author || resolved === undefined) return null;
  const rawReplies: unknown = m.get(K.replies);
  const replies = rawReplies instanceof Y.Array ? rawReplies.toArray().map(readReply).filter((r): r is CommentReply => r !== null) : [];
  return { id, anchor, head, quote, author, text, createdAt, resolved, replies };
}

/** Every well-formed comment, oldest first. */
export function listComments(doc: Y.Doc): VisionComment[] {
  const out: VisionComment[] = [];
  visionComments(doc).forEach((m, id) => {
    const c = readComment(id, m);
    if (c) out.push(c);
  });
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

export function addComment(doc: Y.Doc, c: NewComment, origin: unknown): void {
  const text = c.text.trim();
  if (!text) throw new Error('empty comment');
  const m = new Y.Map<unknown>();
  doc.transact(() => {
    visionComments(doc).set(c.id, m);
    m.set(K.anchor, c.anchor);
    m.set(K.head, c.head);
    m.set(K.quote, clip(c.quote, CommentLimits.quoteMax));
    m.set(K.author, { ...c.author, name: clip(c.author.name, CommentLimits.nameMax) });
    m.set(K.text, clip(text, CommentLimits.textMax));
    m.set(K.createdAt, c.createdAt);
    m.set(K.resolved, null);
    m.set(K.replies, new Y.Array<unknown>());
  }, origin);
}

export function addReply(doc: Y.Doc, commentId: string, reply: CommentReply, origin: unknown): boolean {
  const m = visionComments(doc).get(commentId);
  const text = reply.text.trim();
  if (!(m instanceof Y.Map) || !text) return false;
  doc.transact(() => {
    let replies: unknown = m.get(K.replies);
    if (!(replies instanceof Y.Array)) {
      replies = new Y.Array<unknown>();
      m.set(K.replies, replies);
    }
    (replies as Y.Array<unknown>).push([{ ...reply, text: clip(text, CommentLimits.textMax), author: { ...reply.author, name: clip(reply.author.name, CommentLimits.nameMax) } }]);
  }, origin);
  return true;
}

/** Resolves (`by` set) or reopens (`by` null) a comment. */
export function setResolved(doc: Y.Doc, commentId: string, by: { id: string; name: string; at: string } | null, origin: unknown): boolean {
  const m = visionComments(doc).get(commentId);
  if (!(m instanceof Y.Map)) return false;
  doc.transact(() => m.set(K.resolved, by), origin);
  return true;
}

/** Calls `fn` after every change to any comment; returns the function that stops it. */
export function observeComments(doc: Y.Doc, fn: () => void): () => void {
  const map = visionComments(doc);
  const handler = () => fn();
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}
