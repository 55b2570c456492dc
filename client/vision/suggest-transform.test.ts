/** Suggestion mode's transform and the resolving of suggestions, on ProseMirror states (no DOM). */
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { visionSchema } from '../../shared/vision/schema.js';
import { suggestTransaction, type Suggester } from './suggest-transform.js';
import { changedTextAt, listSuggestions, resolveSuggestions } from './suggestions.js';
import { ySyncPluginKey } from 'y-prosemirror';

const { nodes, marks } = visionSchema;
let n = 0;
const anne: Suggester = { memberId: 'anne', organisationId: 'nav', now: () => 'T', newId: () => `s${++n}` };
const bo: Suggester = { ...anne, memberId: 'bo', organisationId: 'bergen' };

const start = (text = 'Vi deler data.') => EditorState.create({ schema: visionSchema, doc: nodes.doc!.create(null, nodes.paragraph!.create(null, text ? visionSchema.text(text) : null)) });
/** The paragraph with suggestions written [+…] and [-…]. */
function shown(state: EditorState): string {
  let out = '';
  state.doc.descendants((node) => {
    if (!node.isText) return true;
    out += marks.insertion!.isInSet(node.marks) ? `[+${node.text}]` : marks.deletion!.isInSet(node.marks) ? `[-${node.text}]` : node.text;
    return false;
  });
  return out;
}
function suggest(state: EditorState, make: (s: EditorState) => import('prosemirror-state').Transaction, who = anne): EditorState {
  const tr = suggestTransaction(state, make(state), who);
  if (!tr) throw new Error('refused');
  return state.apply(tr);
}
const caret = (state: EditorState, pos: number) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));

describe('suggestion mode', () => {
  it('turns typing into one insertion and deleting into one deletion, in the suggester’s name', () => {
    let s = caret(start(), 14);
    for (const ch of ' Alltid') s = suggest(s, (st) => st.tr.insertText(ch));
    expect(shown(s)).toBe('Vi deler data[+ Alltid].');
    expect(listSuggestions(s.doc).map((x) => [x.kind, x.attrs.memberId, x.attrs.organisationId, x.text])).toEqual([['insertion', 'anne', 'nav', ' Alltid']]);
    // Backspace over "data": one deletion, the caret before what it struck.
    s = caret(s, 14);
    for (let i = 0; i < 4; i++) s = suggest(s, (st) => st.tr.delete(st.selection.from - 1, st.selection.from));
    expect(shown(s)).toBe('Vi deler [-data][+ Alltid].');
    expect(s.selection.from).toBe(10);
    expect(listSuggestions(s.doc).filter((x) => x.kind === 'deletion')).toHaveLength(1);
  });

  it('really deletes one’s own insertion, keeps others’ suggestions whole and puts new text after struck text', () => {
    let s = caret(start(), 10);
    s = suggest(s, (st) => st.tr.insertText('alle '));
    s = suggest(s, (st) => st.tr.delete(st.selection.from - 2, st.selection.from));
    expect(shown(s)).toBe('Vi deler [+all]data.');
    // Bo types inside Anne's suggestion: his goes after it; he cannot strike hers.
    s = suggest(caret(s, 12), (st) => st.tr.insertText('X'), bo);
    expect(shown(s)).toBe('Vi deler [+all][+X]data.');
    s = suggest(s, (st) => st.tr.delete(10, 13), bo);
    expect(shown(s)).toBe('Vi deler [+all][+X]data.');
    // Replacing a selection: the old struck through, the new after it.
    s = suggest(s.apply(s.tr.setSelection(TextSelection.create(s.doc, 14, 18))), (st) => st.tr.insertText('tal'), bo);
    expect(shown(s)).toBe('Vi deler [+all][+X][-data][+tal].');
  });

  it('refuses changes it cannot express: a split made outside the Enter key (suggest-breaks.ts), a link', () => {
    const s = caret(start(), 9);
    expect(suggestTransaction(s, s.tr.split(9), anne)).toBeNull();
    expect(suggestTransaction(s, s.tr.addMark(1, 3, marks.link!.create({ href: 'https://example.org' })), anne)).toBeNull();
    // The binding's own (here: leaving a snapshot view, which replaces everything) passes as it is.
    const back = s.tr.replace(0, s.doc.content.size, s.doc.slice(0)).setMeta(ySyncPluginKey, { snapshot: null, prevSnapshot: null });
    expect(suggestTransaction(s, back, anne)).toBe(back);
  });

  it('suggests bold and italic on agreed text, formats one’s own words directly, and withdraws by toggling back', () => {
    let s = suggest(caret(start(), 14), (st) => st.tr.insertText(' Nå'));
    s = suggest(s, (st) => st.tr.addMark(1, 18, marks.strong!.create()));
    const [f] = listSuggestions(s.doc).filter((x) => x.kind === 'formatting');
    expect([f!.text, f!.format, f!.attrs.memberId]).toEqual(['Vi deler data … .', { strong: 'add', em: null }, 'anne']);
    // Her own " Nå" is bold outright; the agreed text is not bold until accepted.
    expect(s.doc.rangeHasMark(14, 17, marks.strong!)).toBe(true);
    expect(s.doc.rangeHasMark(1, 14, marks.strong!)).toBe(false);
    // Bo cannot change Anne's suggestion: his bold leaves it as it is.
    expect(listSuggestions(suggest(s, (st) => st.tr.addMark(1, 3, marks.em!.create()), bo).doc).filter((x) => x.kind === 'formatting')).toHaveLength(1);
    const accepted = s.apply(resolveSuggestions(s, [f!], true));
    expect(accepted.doc.rangeHasMark(1, 14, marks.strong!)).toBe(true);
    expect(listSuggestions(accepted.doc).filter((x) => x.kind === 'formatting')).toHaveLength(0);
    // Bold asked again (Ctrl+B twice: the agreed text is not bold yet) withdraws it.
    const back = suggest(s, (st) => st.tr.addMark(1, 18, marks.strong!.create()));
    expect(listSuggestions(back.doc).filter((x) => x.kind === 'formatting')).toHaveLength(0);
  });

  it('finds the text a suggestion changes: the deleted text, or the agreed text before an insertion (else after)', () => {
    let s = suggest(caret(start(), 14), (st) => st.tr.insertText(' Nå'));
    s = suggest(s, (st) => st.tr.delete(1, 4));
    const [del, ins] = listSuggestions(s.doc);
    expect(changedTextAt(s.doc, del!)).toBe(1);
    expect(s.doc.textBetween(changedTextAt(s.doc, ins!)!, changedTextAt(s.doc, ins!)! + 1)).toBe('a');
    const alone = suggest(caret(start(''), 1), (st) => st.tr.insertText('Ny'));
    expect(changedTextAt(alone.doc, listSuggestions(alone.doc)[0]!)).toBeNull();
  });

  it('accepts and rejects: an insertion kept or removed, a deletion applied or undone', () => {
    let s = suggest(caret(start(), 14), (st) => st.tr.insertText(' Nå'));
    s = suggest(s, (st) => st.tr.delete(1, 4));
    expect(shown(s)).toBe('[-Vi ]deler data[+ Nå].');
    const [del, ins] = listSuggestions(s.doc);
    expect(shown(s.apply(resolveSuggestions(s, [ins!], true)))).toBe('[-Vi ]deler data Nå.');
    expect(shown(s.apply(resolveSuggestions(s, [ins!], false)))).toBe('[-Vi ]deler data.');
    expect(shown(s.apply(resolveSuggestions(s, [del!], true)))).toBe('deler data[+ Nå].');
    expect(shown(s.apply(resolveSuggestions(s, [del!], false)))).toBe('Vi deler data[+ Nå].');
    expect(shown(s.apply(resolveSuggestions(s, [del!, ins!], true)))).toBe('deler data Nå.');
    // Resolving passes through suggestion mode as it is.
    const tr = resolveSuggestions(s, [del!, ins!], false);
    expect(suggestTransaction(s, tr, anne)).toBe(tr);
  });
});
