import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './board-doc.js';
import { addComment, boardComments, commentProblem, deleteComments, editComment, fieldProblem, listThreads, malformedComment, observeComments, openCounts, readComment, setResolved } from './comments.js';

const anne = { id: 'm1', name: 'Anne', organisationId: 'o1', organisationName: 'Nav' };
const bo = { id: 'm2', name: 'Bo', organisationId: null, organisationName: null };
const at = (h: number) => new Date(Date.UTC(2026, 0, 2, h));

function board() {
  const doc = new Y.Doc();
  let n = 0;
  const b = new BoardDoc(doc, () => `e${++n}`);
  const note = b.create({ kind: 'note', x: 0, y: 0, text: 'Lapp' }, { ...anne }, 'x');
  const other = b.create({ kind: 'rect', x: 300, y: 0 }, { ...anne }, 'x');
  return { doc, b, note, other };
}

describe('board comments', () => {
  it('adds threads and replies, edits, resolves, reopens and deletes, each change observed', () => {
    const { doc, note, other } = board();
    let changes = 0;
    const stop = observeComments(doc, () => changes++);
    expect(addComment(doc, { id: 'c1', elementId: note, parent: null, author: anne, text: '  Kva meiner vi?  ', at: at(10) }, 'me')).toBe(true);
    expect(addComment(doc, { id: 'r1', elementId: note, parent: 'c1', author: bo, text: 'Born.', at: at(11) }, 'me')).toBe(true);
    expect(addComment(doc, { id: 'c2', elementId: other, parent: null, author: bo, text: 'Kvifor?', at: at(9) }, 'me')).toBe(true);
    expect(addComment(doc, { id: 'e', elementId: note, parent: null, author: bo, text: '   ', at: at(9) }, 'me')).toBe(false);

    const [t] = listThreads(doc, note);
    expect(t!.start).toMatchObject({ id: 'c1', text: 'Kva meiner vi?', parent: null, resolved: null, editedAt: null, author: anne, createdAt: at(10).toISOString() });
    expect(t!.replies.map((r) => [r.text, r.author.organisationId])).toEqual([['Born.', null]]);
    expect(listThreads(doc).map((x) => x.start.id)).toEqual(['c2', 'c1']);
    expect(openCounts(doc)).toEqual(new Map([[note, 2], [other, 1]]));

    expect(editComment(doc, 'r1', 'Borna.', at(12), 'me')).toBe(true);
    expect(editComment(doc, 'r1', ' ', at(12), 'me')).toBe(false);
    expect(listThreads(doc, note)[0]!.replies[0]).toMatchObject({ text: 'Borna.', editedAt: at(12).toISOString() });

    expect(setResolved(doc, 'r1', { by: 'm2', at: at(13).toISOString() }, 'me')).toBe(false); // a reply is no thread
    expect(setResolved(doc, 'c1', { by: 'm2', at: at(13).toISOString() }, 'me')).toBe(true);
    expect(listThreads(doc, note)[0]!.start.resolved).toEqual({ by: 'm2', at: at(13).toISOString() });
    expect(openCounts(doc).has(note)).toBe(false);
    setResolved(doc, 'c1', null, 'me');
    expect(listThreads(doc, note)[0]!.start.resolved).toBeNull();

    deleteComments(doc, ['r1'], 'me');
    expect(listThreads(doc, note)[0]!.replies).toEqual([]);
    stop();
    expect(changes).toBe(7);
  });

  it('hides the comments of a deleted element, and shows them again when it comes back', () => {
    const { doc, b, note } = board();
    addComment(doc, { id: 'c1', elementId: note, parent: null, author: anne, text: 'Hm', at: at(1) }, 'me');
    const origin = { local: 'm1' };
    const undo = new Y.UndoManager(b.elements, { trackedOrigins: new Set([origin]) });
    b.delete([note], origin);
    expect(listThreads(doc)).toEqual([]);
    expect(boardComments(doc).has('c1')).toBe(true);
    undo.undo();
    expect(listThreads(doc).map((t) => t.start.id)).toEqual(['c1']);
  });

  it('skips malformed entries and replies that name no thread on their element (the document is untrusted)', () => {
    const { doc, note, other } = board();
    addComment(doc, { id: 'ok', elementId: note, parent: null, author: anne, text: 'Fin', at: at(1) }, 'x');
    addComment(doc, { id: 'rep', elementId: note, parent: 'ok', author: bo, text: 'Svar', at: at(2) }, 'x');
    const good = Object.fromEntries(boardComments(doc).get('ok') instanceof Y.Map ? (boardComments(doc).get('ok') as Y.Map<unknown>).entries() : []);
    const bad = (id: string, patch: Record<string, unknown>) => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ ...good, ...patch })) if (v !== undefined) m.set(k, v);
      boardComments(doc).set(id, m);
    };
    bad('number-text', { text: 42 });
    bad('blank-text', { text: '  ' });
    bad('long-text', { text: 'x'.repeat(2001) });
    bad('no-author', { authorId: undefined });
    bad('bad-date', { createdAt: 'i går' });
    bad('bad-resolved', { resolved: { by: 'm1' } });
    bad('extra', { colour: 'red' });
    bad('ytext', { text: new Y.Text('hei') });
    bad('orphan-reply', { parent: 'missing' });
    bad('reply-elsewhere', { parent: 'ok', elementId: other });
    bad('reply-to-reply', { parent: 'rep' });
    bad('resolved-reply', { parent: 'ok', resolved: { by: 'm1', at: at(3).toISOString() } });
    boardComments(doc).set('plain', 'string');
    expect(readComment('number-text', boardComments(doc).get('number-text'))).toBeNull();
    const [t] = listThreads(doc);
    expect(listThreads(doc)).toHaveLength(1);
    expect(t!.start.id).toBe('ok');
    expect(t!.replies.map((r) => r.id)).toEqual(['rep']);
    expect(malformedComment(doc)).not.toBeNull();
  });

  it('says which field is wrong', () => {
    const fields = new Map<string, unknown>([
      ['elementId', 'e1'],
      ['parent', null],
      ['authorId', 'm1'],
      ['authorName', 'Anne'],
      ['organisationId', ''],
      ['createdAt', at(1).toISOString()],
      ['text', 'Ja'],
    ]);
    expect(commentProblem(fields)).toBeNull();
    expect(commentProblem(new Map([...fields, ['resolved', { by: 'm1', at: at(2).toISOString(), extra: 1 }]]))).toBe('resolved');
    expect(commentProblem(new Map([...fields, ['parent', 'c1'], ['resolved', { by: 'm1', at: at(2).toISOString() }]]))).toBe('resolved');
    expect(commentProblem(new Map([...fields].filter(([k]) => k !== 'text')))).toBe('text');
    expect(commentProblem(new Map([...fields, ['x', 1]]))).toBe('x');
    expect(fieldProblem('editedAt', 'not a date', true)).toBe('editedAt');
    expect(fieldProblem('text', 'x'.repeat(2000), false)).toBeNull();
    expect(fieldProblem('resolved', null, false)).toBeNull();
    expect(malformedComment(new Y.Doc())).toBeNull();
  });
});
