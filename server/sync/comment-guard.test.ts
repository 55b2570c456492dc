import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { addComment, boardComments, CommentLimits, deleteComments } from '../../shared/board/comments.js';
import { commentRefusal, commentUpdate, type Commenter } from './comment-guard.js';
import { touchedEntries } from './touched.js';

const anne = { id: 'm1', name: 'Anne', organisationId: 'o1', organisationName: 'Nav' };
const asAnne: Commenter = { memberId: 'm1', organisationId: 'o1', facilitator: false };

/** The server's copy with a note, and what `edit` (on a client copy) would be refused for, touch by touch. */
function setup() {
  const server = new Y.Doc();
  const note = new BoardDoc(server, () => 'n1').create({ kind: 'note', x: 0, y: 0 }, anne, 'x');
  const verdicts = (edit: (doc: Y.Doc) => void, me = asAnne) => {
    // A fresh client each time: a refused sender is brought back in line with the server's copy.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    client.transact(() => edit(client));
    const update = Y.encodeStateAsUpdate(client, before);
    const placed = touchedEntries(update, server);
    if (!placed.ok) throw new Error('unplaceable');
    const u = commentUpdate(server, placed.touches);
    const rules = placed.touches.filter((t) => t.root === 'comments').map((t) => commentRefusal(t, server, me, u));
    if (rules.every((r) => r === null)) Y.applyUpdate(server, update); // as the room would
    return rules;
  };
  return { server, note, verdicts };
}

describe('the comment guard', () => {
  it('refuses an update that would take the board past its comments, however many it adds at once', () => {
    const { server, note, verdicts } = setup();
    const boardCommentsSize = () => boardComments(server).size;
    const add = (doc: Y.Doc, from: number, n: number) => {
      for (let i = from; i < from + n; i++) addComment(doc, { id: `c${i}`, elementId: note, parent: null, author: anne, text: 'x', at: new Date(0) }, 'x');
    };
    expect(new Set(verdicts((d) => add(d, 0, CommentLimits.perBoard - 2)))).toEqual(new Set([null]));
    expect(new Set(verdicts((d) => add(d, CommentLimits.perBoard, 3)))).toEqual(new Set(['comment-count']));
    expect(verdicts((d) => add(d, 2 * CommentLimits.perBoard, 2))).toEqual([null, null]);
    expect(new Set(verdicts((d) => add(d, 3 * CommentLimits.perBoard, 1)))).toEqual(new Set(['comment-count']));
    expect(boardCommentsSize()).toBe(CommentLimits.perBoard);
    // Deleting stays possible at the cap.
    expect(verdicts((d) => deleteComments(d, ['c0'], 'x'))).toEqual([null]);
  }, 20_000);
});
