/**
 * Comments on board elements (issue #16), with stock y-websocket providers acting as members, some
 * of them hostile (a modified client writing straight into the board document): a comment names
 * its real author, whose fields never change; only the author or a facilitator edits or deletes
 * it; anyone who may write resolves a thread, as themselves; malformed comments, comments on no
 * element of the board and replies to no thread are refused. A refused update closes the sender
 * with a final 4422, is not stored, and reaches nobody (a watching member's copy and the server's
 * stay as they were); an observer's writes land nowhere. Backups carry comments, remapped, and a
 * backup with a malformed comment is refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../shared/board/board-doc.js';
import { addComment, boardComments, deleteComments, editComment, listThreads, setResolved, type CommentAuthor } from '../shared/board/comments.js';
import type { CreatedWorkshopDto } from '../shared/api.js';
import { CloseCode } from '../shared/errors.js';
import { authorOf, call } from './helpers/api.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { closedFor, provider, synced, until } from './helpers/sync.js';

let s: TestServer;
let f: ThreeOrgs;
let room: string;
let A: CommentAuthor;
let B: CommentAuthor;
let F: CommentAuthor;
let note: string;
let other: string;
/** A member who only watches: what it sees is what the others see. */
let watcher: ReturnType<typeof provider>;
const newId = () => randomBytes(12).toString('base64url');
const serverDoc = () => s.app.registry.rooms().find((r) => r.name === room)!.doc;
const refused = (rule: string) => expect.objectContaining({ code: CloseCode.updateRefused, reason: `update refused: ${rule}` });
const stamp = () => new Date();

beforeAll(async () => {
  s = await startServer();
  f = await threeOrgs(s.base);
  room = f.workshop.boards[0]!.room;
  [A, B, F] = await Promise.all([authorOf(s.base, f.workshop.id, f.participantA), authorOf(s.base, f.workshop.id, f.participantB), authorOf(s.base, f.workshop.id, f.facilitator)]);
  const a = await open(f.participantA);
  const board = new BoardDoc(a.doc, newId);
  note = board.create({ kind: 'note', x: 0, y: 0, text: 'Felles inngang' }, A, 'test');
  other = board.create({ kind: 'note', x: 300, y: 0, text: 'Éin sakshandsamar' }, A, 'test');
  await until(() => serverDoc().getMap('elements').size === 2, 5000, 'the notes stored');
  a.destroy();
  watcher = await open(f.participantC);
});
afterAll(async () => {
  watcher.destroy();
  await s.stop();
  s.cleanup();
});

async function open(token: string) {
  const p = provider(s.wsBase, room, token);
  await synced(p);
  return p;
}

/** The comments as a member sees them: thread ids with their texts, replies and resolution. */
const seen = (doc: Y.Doc) => listThreads(doc).map((t) => ({ id: t.start.id, text: t.start.text, resolved: t.start.resolved?.by ?? null, replies: t.replies.map((r) => `${r.author.id}:${r.text}`) }));
const settled = (what: string) => until(() => JSON.stringify(seen(watcher.doc)) === JSON.stringify(seen(serverDoc())), 5000, what);

/** Writes as `token` (a stock provider) and expects the rule's refusal: nothing stored, nobody sees it. */
async function expectRefused(token: string, rule: string, change: (doc: Y.Doc) => void): Promise<void> {
  const p = await open(token);
  const before = Y.encodeStateVector(serverDoc());
  const watched = JSON.stringify(seen(watcher.doc));
  const closed = closedFor(p);
  change(p.doc);
  expect(await closed).toEqual(refused(rule));
  p.destroy();
  expect(Buffer.from(Y.encodeStateVector(serverDoc())).equals(Buffer.from(before))).toBe(true);
  expect(JSON.stringify(seen(watcher.doc))).toBe(watched);
}

/** Writes as `token` and waits until the server and the watcher both have it. */
async function accepted(token: string, change: (doc: Y.Doc) => void, what: string): Promise<void> {
  const p = await open(token);
  const before = JSON.stringify(seen(serverDoc()));
  change(p.doc);
  await until(() => JSON.stringify(seen(serverDoc())) !== before, 5000, what);
  await settled(what);
  p.destroy();
}

/** Sets the fields of a new comment entry as a hand-made client would. */
function raw(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  const m = new Y.Map<unknown>();
  doc.transact(() => {
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) m.set(k, v);
    boardComments(doc).set(id, m);
  });
}
const valid = (author: CommentAuthor, patch: Record<string, unknown> = {}) => ({
  elementId: note,
  parent: null,
  authorId: author.id,
  authorName: author.name,
  organisationId: author.organisationId ?? '',
  organisationName: author.organisationName ?? '',
  createdAt: new Date().toISOString(),
  text: 'Kven eig denne?',
  resolved: null,
  ...patch,
});
const entry = (doc: Y.Doc, id: string) => boardComments(doc).get(id) as Y.Map<unknown>;

describe('comments on board elements', () => {
  let thread: string;
  let reply: string;

  it('a participant comments, another replies and resolves, the author reopens and edits; everyone sees it', async () => {
    thread = newId();
    reply = newId();
    await accepted(f.participantA, (d) => addComment(d, { id: thread, elementId: note, parent: null, author: A, text: 'Kven eig denne?', at: stamp() }, 'test'), 'A’s thread');
    await accepted(f.participantB, (d) => addComment(d, { id: reply, elementId: note, parent: thread, author: B, text: 'Vi gjer det.', at: stamp() }, 'test'), 'B’s reply');
    await accepted(f.participantB, (d) => setResolved(d, thread, { by: B.id, at: stamp().toISOString() }, 'test'), 'B resolves A’s thread');
    expect(seen(serverDoc())).toEqual([{ id: thread, text: 'Kven eig denne?', resolved: B.id, replies: [`${B.id}:Vi gjer det.`] }]);
    await accepted(f.participantA, (d) => setResolved(d, thread, null, 'test'), 'A reopens');
    await accepted(f.participantA, (d) => editComment(d, thread, 'Kven eig inngangen?', stamp(), 'test'), 'A edits her own');
    await accepted(f.facilitator, (d) => editComment(d, reply, 'Vi (NAV) gjer det.', stamp(), 'test'), 'the facilitator edits B’s reply');
    expect(seen(watcher.doc)).toEqual([{ id: thread, text: 'Kven eig inngangen?', resolved: null, replies: [`${B.id}:Vi (NAV) gjer det.`] }]);
    expect(listThreads(serverDoc())[0]!.replies[0]!.editedAt).not.toBeNull();
  });

  it('refuses a forged author, a changed author field and a resolution in someone else’s name', async () => {
    await expectRefused(f.participantB, 'author-field', (d) => addComment(d, { id: newId(), elementId: note, parent: null, author: A, text: 'I namnet til A', at: stamp() }, 'test'));
    await expectRefused(f.participantB, 'author-field', (d) => addComment(d, { id: newId(), elementId: note, parent: null, author: { ...B, organisationId: A.organisationId }, text: 'Feil verksemd', at: stamp() }, 'test'));
    await expectRefused(f.participantB, 'author-field', (d) => addComment(d, { id: newId(), elementId: note, parent: thread, author: { ...F, organisationId: B.organisationId }, text: 'Som fasilitator', at: stamp() }, 'test'));
    await expectRefused(f.participantB, 'author-field', (d) => entry(d, thread).set('authorId', B.id));
    await expectRefused(f.participantA, 'author-field', (d) => entry(d, thread).set('createdAt', new Date(0).toISOString()));
    await expectRefused(f.participantA, 'author-field', (d) => entry(d, thread).set('authorName', 'Nokon andre'));
    await expectRefused(f.participantB, 'author-field', (d) => setResolved(d, thread, { by: A.id, at: stamp().toISOString() }, 'test'));
  });

  it('refuses editing or deleting someone else’s comment or reply; a facilitator may', async () => {
    await expectRefused(f.participantB, 'comment-owner', (d) => editComment(d, thread, 'B skriv om A', stamp(), 'test'));
    await expectRefused(f.participantB, 'comment-owner', (d) => entry(d, thread).set('editedAt', stamp().toISOString()));
    await expectRefused(f.participantB, 'comment-owner', (d) => deleteComments(d, [thread], 'test'));
    await expectRefused(f.participantA, 'comment-owner', (d) => editComment(d, reply, 'A skriv om B', stamp(), 'test'));
    await expectRefused(f.participantA, 'comment-owner', (d) => deleteComments(d, [reply], 'test'));
    // Her own first comment, but it would take B's reply with it.
    await expectRefused(f.participantA, 'comment-owner', (d) => deleteComments(d, [thread], 'test'));
    await expectRefused(f.participantB, 'comment-owner', (d) => boardComments(d).set(thread, new Y.Map()));
    expect(seen(serverDoc())[0]).toMatchObject({ text: 'Kven eig inngangen?', replies: [`${B.id}:Vi (NAV) gjer det.`] });

    // B deletes his own reply; then A may delete her thread.
    await accepted(f.participantB, (d) => deleteComments(d, [reply], 'test'), 'B deletes his reply');
    await accepted(f.participantA, (d) => deleteComments(d, [thread], 'test'), 'A deletes her thread');
    expect(seen(serverDoc())).toEqual([]);

    // A facilitator deletes a thread with others' replies in one update.
    const t2 = newId();
    const r2 = newId();
    await accepted(f.participantA, (d) => addComment(d, { id: t2, elementId: other, parent: null, author: A, text: 'Ein til', at: stamp() }, 'test'), 'A’s second thread');
    await accepted(f.participantB, (d) => addComment(d, { id: r2, elementId: other, parent: t2, author: B, text: 'Svar', at: stamp() }, 'test'), 'B’s reply');
    await accepted(f.facilitator, (d) => deleteComments(d, [t2, r2], 'test'), 'the facilitator removes the thread');
    expect(seen(watcher.doc)).toEqual([]);
  });

  it('refuses malformed comments, comments on no element of the board and replies to no thread', async () => {
    const t = newId();
    await accepted(f.participantA, (d) => addComment(d, { id: t, elementId: note, parent: null, author: A, text: 'Tråd', at: stamp() }, 'test'), 'a thread to answer');
    const rep = newId();
    await accepted(f.participantB, (d) => addComment(d, { id: rep, elementId: note, parent: t, author: B, text: 'Svar', at: stamp() }, 'test'), 'a reply');
    const cases: Array<[string, string, Record<string, unknown>]> = [
      ['text over 2,000 characters', 'comment-shape', { text: 'x'.repeat(2001) }],
      ['empty text', 'comment-shape', { text: '   ' }],
      ['text as a number', 'comment-shape', { text: 42 }],
      ['text as a shared type', 'comment-shape', { text: new Y.Text('hei') }],
      ['an unknown field', 'comment-shape', { colour: 'red' }],
      ['no creation time', 'comment-shape', { createdAt: undefined }],
      ['a creation time that is no time', 'comment-shape', { createdAt: 'i går' }],
      ['born resolved', 'comment-shape', { resolved: { by: B.id, at: new Date().toISOString() } }],
      ['a reply carrying a resolution', 'comment-shape', { parent: t, resolved: { by: B.id, at: new Date().toISOString() } }],
      ['an element that does not exist', 'comment-element', { elementId: 'no-such-element' }],
      ['a reply to no thread', 'comment-thread', { parent: 'no-such-thread' }],
      ['a reply to a reply', 'comment-thread', { parent: rep }],
      ['a reply on another element than its thread', 'comment-thread', { parent: t, elementId: other }],
    ];
    for (const [, rule, patch] of cases) {
      await expectRefused(f.participantB, rule, (d) => raw(d, newId(), valid(B, patch)));
    }
    await expectRefused(f.participantB, 'comment-shape', (d) => boardComments(d).set(newId(), 'bare tekst'));
    await expectRefused(f.participantB, 'comment-shape', (d) => entry(d, rep).set('elementId', other));
    await expectRefused(f.participantB, 'comment-shape', (d) => entry(d, rep).set('parent', null));
    await expectRefused(f.participantB, 'comment-shape', (d) => entry(d, rep).set('text', 'y'.repeat(2001)));
    await expectRefused(f.participantB, 'comment-shape', (d) => entry(d, rep).set('resolved', { by: B.id, at: new Date().toISOString() }));
    await expectRefused(f.participantA, 'comment-shape', (d) => entry(d, t).set('resolved', { by: A.id }));
    await expectRefused(f.participantA, 'comment-shape', (d) => entry(d, t).set('note', 'ekstra'));
    // What a well-behaved client writes passes (the cases above differ from it in one thing each).
    await accepted(f.participantB, (d) => raw(d, newId(), valid(B, { parent: t, resolved: undefined })), 'a hand-made but well-formed reply');
  });

  it('keeps an observer’s comment from everyone (read-only connection), and hides comments of a deleted element', async () => {
    const o = await open(f.observer);
    addComment(o.doc, { id: newId(), elementId: note, parent: null, author: await authorOf(s.base, f.workshop.id, f.observer), text: 'Eg ser berre på', at: stamp() }, 'test');
    const before = seen(serverDoc()).length;
    // Something a participant writes after it arrives everywhere; the observer's never does.
    const marker = newId();
    await accepted(f.participantA, (d) => addComment(d, { id: marker, elementId: other, parent: null, author: A, text: 'Etter observatøren', at: stamp() }, 'test'), 'a later comment');
    expect(seen(serverDoc()).length).toBe(before + 1);
    expect(seen(watcher.doc).map((x) => x.text)).not.toContain('Eg ser berre på');
    o.destroy();

    const a = await open(f.participantA);
    new BoardDoc(a.doc, newId).delete([other], 'test');
    await until(() => !seen(watcher.doc).some((x) => x.id === marker), 5000, 'the deleted element’s comments hidden');
    expect(boardComments(serverDoc()).has(marker)).toBe(true);
    a.destroy();
  });

  it('travels in a backup with new ids; a backup with a malformed comment is refused', async () => {
    const r = await fetch(`${s.base}/api/workshops/${f.workshop.id}/backup`, { headers: { authorization: `Bearer ${f.facilitator}` } });
    type BackupFile = { sha256: string; content: { docs: Record<string, string> } };
    const file = (await r.json()) as BackupFile;
    const part = `board/${f.boardId}`;
    const done = await call<CreatedWorkshopDto>(s.base, 'POST', '/api/workshops/import', { displayName: 'Importør', backup: file });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    const boards = (await call<{ boards: Array<{ room: string }> }>(s.base, 'GET', `/api/workshops/${done.body.id}`, undefined, done.body.token)).body.boards;
    const copy = provider(s.wsBase, boards[0]!.room, done.body.token);
    await synced(copy);
    const threads = listThreads(copy.doc);
    expect(threads.length).toBeGreaterThan(0); // the tests above left some
    expect(threads.map((t) => t.start.text)).toEqual(seen(serverDoc()).map((t) => t.text));
    // Member ids are new in the copy: no comment names a member of the original workshop.
    expect(threads.flatMap((t) => [t.start, ...t.replies]).some((c) => [A.id, B.id].includes(c.author.id))).toBe(false);
    copy.destroy();

    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(Buffer.from(file.content.docs[part]!, 'base64')));
    raw(doc, newId(), valid(A, { text: 'z'.repeat(2001) }));
    const content = structuredClone(file.content);
    content.docs[part] = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
    const resealed = { ...file, content, sha256: createHash('sha256').update(JSON.stringify(content)).digest('hex') };
    const bad = await call<{ error: { code: string; message: string } }>(s.base, 'POST', '/api/workshops/import', { displayName: 'Importør', backup: resealed });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'backup_invalid', message: expect.stringContaining('(comment-shape)') });
  });
});
