/**
 * Board actions against a real BoardDoc: shortcuts match across layouts, writes carry the local
 * origin (undo is per user), align/distribute/duplicate/paste do what they say, and observers
 * get no writing action.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { actionById, actionForKey, COMMANDS, matches, newNote, nudge, pasteText, perform, runAction, TOOL_ACTIONS, visibleActions, type ActionContext } from './actions.js';
import { serialize } from './canvas/clipboard.js';
import { listThreads } from '../../shared/board/comments.js';

const me = { id: 'm1', name: 'Kari', organisationId: 'o1', organisationName: 'Nav' };
let n = 0;

function setup(readOnly = false) {
  const board = new BoardDoc(new Y.Doc(), () => `e${++n}`);
  const origin = { local: 'm1' };
  const undo = new Y.UndoManager(board.elements, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  const none = null as string | null;
  const state = { selection: [] as string[], editing: none, snap: false, clip: '', tool: 'select', connectFrom: none, commenting: none, toCharter: none };
  const ctx = (): ActionContext => ({
    board,
    origin,
    me,
    readOnly,
    undo,
    selection: state.selection,
    select: (ids) => void (state.selection = ids),
    placePoint: () => ({ x: 500, y: 300 }),
    edit: (id) => void (state.editing = id),
    view: { zoomBy: () => {}, zoomReset: () => {}, zoomToFit: () => {}, zoomToSelection: () => {} },
    snap: state.snap,
    setSnap: (on) => void (state.snap = on),
    clipboard: { write: (t) => void (state.clip = t), read: async () => state.clip },
    openHelp: () => {},
    setTool: (t) => void (state.tool = t),
    connect: (id) => void (state.connectFrom = id),
    pickImages: () => undefined,
    comment: (id) => void (state.commenting = id),
    toCharter: (id) => void (state.toCharter = id),
  });
  return { board, undo, state, ctx };
}

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods }) as KeyboardEvent;

describe('shortcuts', () => {
  it('match with Ctrl or Cmd, by position for Shift+digit, and symbols on any layout', () => {
    expect(matches(key('z', { ctrlKey: true }), 'Mod+Z')).toBe(true);
    expect(matches(key('z', { metaKey: true }), 'Mod+Z')).toBe(true);
    expect(matches(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z')).toBe(false);
    expect(matches(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z')).toBe(true);
    expect(matches(key('!', { shiftKey: true, code: 'Digit1' }), 'Shift+1')).toBe(true);
    expect(matches(key('+', { shiftKey: true }), '+')).toBe(true);
    expect(matches(key('?', { shiftKey: true }), '?')).toBe(true);
    expect(matches(key('n'), 'N')).toBe(true);
    expect(matches(key('n', { ctrlKey: true }), 'N')).toBe(false);
    expect(actionForKey(key('y', { ctrlKey: true }), { readOnly: false })?.id).toBe('redo');
    expect(actionForKey(key('Backspace'), { readOnly: false })?.id).toBe('delete');
  });

  it('give observers no writing action', () => {
    expect(actionForKey(key('n'), { readOnly: true })).toBeUndefined();
    expect(actionForKey(key('Delete'), { readOnly: true })).toBeUndefined();
    expect(actionForKey(key('+'), { readOnly: true })?.id).toBe('zoom-in');
    expect(visibleActions({ readOnly: true }).every((a) => !a.writes)).toBe(true);
  });
});

describe('actions', () => {
  it('adds a note at the view centre, selects it and starts editing; the next ones lie beside it, never on it', () => {
    const { board, state, ctx } = setup();
    const id = newNote(ctx());
    expect(board.get(id)).toMatchObject({ kind: 'note', x: 410, y: 230, author: me });
    expect(state).toMatchObject({ selection: [id], editing: id });
    expect(board.get(newNote(ctx()))).toMatchObject({ x: 606, y: 230 }); // to the right, 16 px apart
    for (let i = 0; i < 10; i++) newNote(ctx());
    const all = board.list();
    expect(all).toHaveLength(12);
    for (const a of all) for (const b of all) if (a !== b) expect(a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y, `${a.id} on ${b.id}`).toBe(false);
  });

  it('places a note beside a shape at the centre, but inside a frame there', () => {
    const { board, ctx } = setup();
    board.create({ kind: 'frame', x: 0, y: 0, w: 1200, h: 800 }, me, 'o');
    const rect = board.create({ kind: 'rect', x: 400, y: 200, w: 200, h: 120 }, me, 'o');
    const note = board.get(newNote(ctx()))!;
    expect(note.x >= 600 || note.x + note.w <= 400 || note.y >= 320 || note.y + note.h <= 200, `${note.x},${note.y} on ${rect}`).toBe(true);
    expect(note.x >= 0 && note.y >= 0 && note.x + note.w <= 1200 && note.y + note.h <= 800).toBe(true);
  });

  it('deletes, and undo brings back only my own element', () => {
    const { board, state, ctx, undo } = setup();
    const mine = newNote(ctx());
    const theirs = board.create({ kind: 'note', x: 0, y: 0 }, { ...me, id: 'm2' }, { remote: true });
    state.selection = [mine];
    runAction(actionById('delete')!, ctx());
    expect(board.get(mine)).toBeNull();
    undo.undo();
    expect(board.get(mine)).not.toBeNull();
    undo.undo();
    expect(board.get(mine)).toBeNull();
    expect(board.get(theirs)).not.toBeNull();
  });

  it('aligns and distributes a selection', () => {
    const { board, state, ctx } = setup();
    const ids = [0, 1, 2].map((i) => board.create({ kind: 'rect', x: i * 300 + (i === 1 ? 40 : 0), y: i * 50, w: 100, h: 100 }, me, {}));
    state.selection = ids;
    runAction(actionById('align-top')!, ctx());
    expect(ids.map((id) => board.get(id)!.y)).toEqual([0, 0, 0]);
    runAction(actionById('distribute-h')!, ctx());
    expect(ids.map((id) => board.get(id)!.x)).toEqual([0, 300, 600]);
    runAction(actionById('align-right')!, ctx());
    expect(ids.map((id) => board.get(id)!.x)).toEqual([600, 600, 600]);
  });

  it('duplicates with connectors re-bound, and pastes copies or plain text', () => {
    const { board, state, ctx } = setup();
    const a = board.create({ kind: 'note', x: 0, y: 0, text: 'A' }, me, {});
    const b = board.create({ kind: 'note', x: 400, y: 0, text: 'B' }, me, {});
    const link = board.create({ kind: 'connector', x: 0, y: 0, from: a, to: b, label: 'fører til' }, me, {});
    state.selection = [a, b, link];
    runAction(actionById('duplicate')!, ctx());
    expect(state.selection).toHaveLength(3);
    const copies = state.selection.map((id) => board.get(id)!);
    const conn = copies.find((e) => e.kind === 'connector')!;
    expect(copies.map((e) => e.id)).toContain(conn.from);
    expect(conn).toMatchObject({ label: 'fører til' });
    expect(copies.find((e) => e.text === 'A')).toMatchObject({ x: 24, y: 24 });

    pasteText(ctx(), serialize([board.get(a)!]));
    expect(board.get(state.selection[0]!)).toMatchObject({ text: 'A', x: 410, y: 230 });
    pasteText(ctx(), 'Vi byggjer på felles plattformer');
    expect(board.get(state.selection[0]!)).toMatchObject({ kind: 'note', text: 'Vi byggjer på felles plattformer' });
    pasteText(ctx(), '{"samskap/board-elements@1":true,"elements":[{"kind":"script","x":1}]}');
    expect(state.selection).toEqual([]);
  });

  it('moves the selection and orders it to the front and back', () => {
    const { board, state, ctx } = setup();
    const a = board.create({ kind: 'note', x: 0, y: 0 }, me, {});
    const b = board.create({ kind: 'note', x: 0, y: 0 }, me, {});
    state.selection = [a];
    nudge(ctx(), 10, -1);
    expect(board.get(a)).toMatchObject({ x: 10, y: -1 });
    runAction(actionById('front')!, ctx());
    expect(board.list().map((e) => e.id)).toEqual([b, a]);
    runAction(actionById('back')!, ctx());
    expect(board.list().map((e) => e.id)).toEqual([a, b]);
  });

  it('does nothing for an observer', () => {
    const { board, state, ctx } = setup(true);
    const a = board.create({ kind: 'note', x: 0, y: 0 }, me, {});
    state.selection = [a];
    for (const id of ['delete', 'new-note', 'duplicate', 'front']) expect(actionById(id)!.enabled(ctx())).toBe(false);
    nudge(ctx(), 10, 0);
    pasteText(ctx(), 'x');
    expect(board.list()).toHaveLength(1);
    expect(board.get(a)).toMatchObject({ x: 0 });
  });

  it('runs commands as the writer: colour, a note at a point on the grid, the outline\'s add and move', () => {
    const { board, undo, ctx } = setup();
    const frame = board.create({ kind: 'frame', x: 0, y: 0, w: 800, h: 560 }, me, {});
    const a = perform(COMMANDS.noteAt, ctx(), { at: { x: 509, y: 311 }, grid: 20 })!;
    expect(board.get(a)).toMatchObject({ x: 420, y: 240, w: 180, h: 140, author: me });
    perform(COMMANDS.color, ctx(), { ids: [a], color: 'green' });
    expect(board.get(a)?.color).toBe('green');
    const b = perform(COMMANDS.outlineAdd, ctx(), { frameId: frame, text: 'Inni' })!;
    expect(board.frameOf(board.get(b)!)?.id).toBe(frame);
    expect(perform(COMMANDS.outlineMove, ctx(), { id: b, frameId: null })).toBe(true);
    expect(board.frameOf(board.get(b)!)).toBeNull();
    undo.undo();
    expect(board.frameOf(board.get(b)!)?.id).toBe(frame);
  });

  it('gives an observer no command and no tool', () => {
    const { board, state, ctx } = setup(true);
    expect(perform(COMMANDS.noteAt, ctx(), { at: { x: 0, y: 0 }, grid: 1 })).toBeUndefined();
    expect(board.list()).toHaveLength(0);
    expect(actionForKey(key('s'), ctx(), TOOL_ACTIONS)).toBeUndefined();
    expect(state.tool).toBe('select');
  });

  it('picks tools by their letters', () => {
    const { state, ctx } = setup();
    actionForKey(key('S'), ctx(), TOOL_ACTIONS)!.run(ctx());
    expect(state.tool).toBe('note');
    expect(actionForKey(key('s', { ctrlKey: true }), ctx(), TOOL_ACTIONS)).toBeUndefined();
    expect(actionForKey(key('s'), ctx())).toBeUndefined();
  });

  it('connects by C or "Connect to…" only from one connectable element, and the command only between two', () => {
    const { board, state, ctx, undo } = setup();
    const a = board.create({ kind: 'note', x: 0, y: 0, text: 'A' }, me, {});
    const b = board.create({ kind: 'rect', x: 400, y: 0 }, me, {});
    const pen = board.create({ kind: 'pen', x: 0, y: 300, w: 40, h: 20, points: [0, 0, 40, 20] }, me, {});
    const connect = actionById('connect')!;
    expect(actionForKey(key('c'), ctx())).toBe(connect);
    state.selection = [a];
    expect(connect.enabled(ctx())).toBe(true);
    runAction(connect, ctx());
    expect(state.connectFrom).toBe(a);
    for (const sel of [[], [a, b], [pen]]) {
      state.selection = sel;
      expect(connect.enabled(ctx()), sel.join()).toBe(false);
    }

    const id = perform(COMMANDS.connect, ctx(), { from: a, to: b })!;
    expect(board.get(id)).toMatchObject({ kind: 'connector', from: a, to: b, author: me });
    for (const [from, to] of [[a, a], [a, pen], [pen, b], [a, 'gone'], [id, b]]) expect(perform(COMMANDS.connect, ctx(), { from: from!, to: to! }), `${from}→${to}`).toBeUndefined();
    expect(board.list().filter((e) => e.kind === 'connector')).toHaveLength(1);
    undo.undo();
    expect(board.get(id)).toBeNull();
  });

  it('gives an observer no way to connect', () => {
    const { board, state, ctx } = setup(true);
    const a = board.create({ kind: 'note', x: 0, y: 0 }, me, {});
    const b = board.create({ kind: 'note', x: 400, y: 0 }, me, {});
    state.selection = [a];
    expect(actionById('connect')!.enabled(ctx())).toBe(false);
    expect(actionForKey(key('c'), ctx())).toBeUndefined();
    expect(perform(COMMANDS.connect, ctx(), { from: a, to: b })).toBeUndefined();
    expect(board.list()).toHaveLength(2);
  });

  it('offers "Send to the charter…" for one note or shape with text, never for observers', () => {
    const { board, state, ctx } = setup();
    const note = board.create({ kind: 'note', x: 0, y: 0, text: 'Bergen kommune' }, me, {});
    const empty = board.create({ kind: 'note', x: 300, y: 0, text: '  ' }, me, {});
    const frame = board.create({ kind: 'frame', x: 0, y: 500, w: 400, h: 300, text: 'Ramme' }, me, {});
    const send = actionById('to-charter')!;
    for (const sel of [[], [empty], [frame], [note, empty]]) {
      state.selection = sel;
      expect(send.enabled(ctx()), sel.join()).toBe(false);
    }
    state.selection = [note];
    expect(send.enabled(ctx())).toBe(true);
    runAction(send, ctx());
    expect(state.toCharter).toBe(note);
    expect(send.writes).toBe(true); // hidden from observers, like every action that changes something
  });

  it('opens comments by Ctrl+Alt+M or "Comment…" on one element, for observers too; comments are written through commands, observers write none, undo leaves them', () => {
    const { board, state, ctx, undo } = setup();
    const a = board.create({ kind: 'note', x: 0, y: 0, text: 'A' }, me, {});
    const comment = actionById('comment')!;
    expect(actionForKey(key('m', { ctrlKey: true, altKey: true }), ctx())).toBe(comment);
    expect(comment.enabled(ctx())).toBe(false);
    state.selection = [a];
    runAction(comment, ctx());
    expect(state.commenting).toBe(a);
    expect(actionForKey(key('m', { ctrlKey: true, altKey: true }), { readOnly: true })).toBe(comment);

    expect(perform(COMMANDS.commentAdd, ctx(), { id: 'c1', elementId: a, parent: null, text: ' Kvifor? ' })).toBe(true);
    perform(COMMANDS.commentAdd, ctx(), { id: 'r1', elementId: a, parent: 'c1', text: 'Difor.' });
    perform(COMMANDS.commentEdit, ctx(), { id: 'r1', text: 'Difor!' });
    perform(COMMANDS.commentResolve, ctx(), { id: 'c1', resolved: true });
    const [t] = listThreads(board.doc, a);
    expect(t!.start).toMatchObject({ text: 'Kvifor?', author: { id: 'm1', organisationId: 'o1' }, resolved: { by: 'm1' } });
    expect(t!.replies.map((r) => r.text)).toEqual(['Difor!']);
    undo.undo(); // the note's creation was not through the origin; nothing of the comments is undone
    expect(listThreads(board.doc, a)).toHaveLength(1);
    perform(COMMANDS.commentDelete, ctx(), ['c1', 'r1']);
    expect(listThreads(board.doc, a)).toEqual([]);

    const ro = setup(true);
    const b = ro.board.create({ kind: 'note', x: 0, y: 0 }, me, {});
    expect(perform(COMMANDS.commentAdd, ro.ctx(), { id: 'c', elementId: b, parent: null, text: 'Nei' })).toBeUndefined();
    expect(listThreads(ro.board.doc)).toEqual([]);
  });
});
