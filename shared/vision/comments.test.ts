import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, addReply, listComments, observeComments, setResolved } from './comments.js';
import { visionComments, VISION_DOC_OPTIONS } from './schema.js';

const author = { id: 'm1', name: 'Anne', organisationId: 'o1' };
const base = { anchor: new Uint8Array([1, 2]), head: new Uint8Array([3]), quote: 'barn', author, createdAt: '2026-01-02T10:00:00.000Z' };

describe('vision comments', () => {
  it('adds, replies, resolves and reopens, with each change observed', () => {
    const doc = new Y.Doc(VISION_DOC_OPTIONS);
    let changes = 0;
    const stop = observeComments(doc, () => changes++);
    addComment(doc, { ...base, id: 'c1', text: '  Kva meiner vi?  ' }, 'me');
    expect(addReply(doc, 'c1', { id: 'r1', author: { id: 'm2', name: 'Bo', organisationId: null }, text: 'Born.', createdAt: '2026-01-02T11:00:00.000Z' }, 'me')).toBe(true);
    expect(setResolved(doc, 'c1', { id: 'm2', name: 'Bo', at: '2026-01-03T09:00:00.000Z' }, 'me')).toBe(true);
    const [c] = listComments(doc);
    expect(c).toMatchObject({ id: 'c1', text: 'Kva meiner vi?', quote: 'barn', resolved: { name: 'Bo' } });
    expect(c!.replies.map((r) => r.text)).toEqual(['Born.']);
    setResolved(doc, 'c1', null, 'me');
    expect(listComments(doc)[0]!.resolved).toBeNull();
    expect(addReply(doc, 'nope', { id: 'r2', author, text: 'x', createdAt: base.createdAt }, 'me')).toBe(false);
    stop();
    expect(changes).toBe(4);
  });

  it('skips comments and replies with malformed fields (the document is untrusted)', () => {
    const doc = new Y.Doc(VISION_DOC_OPTIONS);
    addComment(doc, { ...base, id: 'ok', text: 'Fin' }, 'x');
    const bad = (patch: Record<string, unknown>) => {
      const m = new Y.Map<unknown>();
      visionComments(doc).set(`bad-${Object.keys(patch)[0]}`, m);
      for (const [k, v] of Object.entries({ anchor: base.anchor, head: base.head, quote: 'q', author, text: 't', createdAt: base.createdAt, resolved: null, ...patch })) m.set(k, v);
    };
    bad({ text: 42 });
    bad({ author: { id: 'x' } });
    bad({ anchor: 'not bytes' });
    bad({ createdAt: 'yesterday' });
    bad({ resolved: { id: 1 } });
    bad({ text: 'x'.repeat(5000) });
    (visionComments(doc) as unknown as Y.Map<unknown>).set('plain', 'string');
    const replies = visionComments(doc).get('ok')!.get('replies') as Y.Array<unknown>;
    replies.push([{ id: 'r', author, text: 'Godt svar', createdAt: base.createdAt }, { id: 'r2', author, text: '' }, 'junk']);
    const list = listComments(doc);
    expect(list.map((c) => c.id)).toEqual(['ok']);
    expect(list[0]!.replies.map((r) => r.text)).toEqual(['Godt svar']);
  });

  it('refuses an empty comment', () => {
    expect(() => addComment(new Y.Doc(), { ...base, id: 'e', text: '   ' }, 'x')).toThrow();
  });
});
