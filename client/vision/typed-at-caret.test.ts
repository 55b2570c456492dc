/**
 * Typing a letter just before someone else's identical letter (no DOM: ProseMirror states and
 * y-prosemirror's own diff, `updateYFragment`, as the editor's binding runs it).
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { initProseMirrorDoc, updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { visionSchema } from '../../shared/vision/schema.js';
import { typedText, writeTypedFirst, type TypedText } from './typed-at-caret.js';

const TEXT = 'Vi deler data.';
const END = 1 + TEXT.length;

/** One person's editor: a Yjs document, the ProseMirror state bound to it and the binding's mapping. */
class Editor {
  readonly doc = new Y.Doc();
  readonly fragment = this.doc.getXmlFragment('prosemirror');
  state!: EditorState;
  meta!: { mapping: Map<Y.AbstractType<unknown>, never>; isOMark: Map<unknown, unknown> };

  constructor(readonly fixed: boolean) {}

  /** Renders ProseMirror from Yjs (what the binding does on a remote change), the caret at `caret`. */
  render(caret: number): void {
    const { doc, mapping } = initProseMirrorDoc(this.fragment, visionSchema);
    this.meta = { mapping: mapping as never, isOMark: new Map() };
    this.state = EditorState.create({ schema: visionSchema, doc, selection: TextSelection.create(doc, caret) });
  }

  /** Types at the caret, and writes the change to Yjs as the binding does (with or without the fix). */
  type(text: string): void {
    const tr = this.state.tr.insertText(text);
    const typed = typedText(tr);
    const before = this.state.doc;
    this.state = this.state.apply(tr);
    const write = () => updateYFragment(this.doc, this.fragment, this.state.doc, this.meta as never);
    if (this.fixed) writeTypedFirst(this.doc, typed && ({ before, ...typed } satisfies TypedText), this.meta.mapping, () => this.doc.transact(write));
    else this.doc.transact(write);
  }

  receive(from: Editor): void {
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(this.doc)));
  }

  get text(): string {
    return this.state.doc.textContent;
  }
}

/** The paragraph's Yjs text (the test's documents have one paragraph of plain text). */
const yText = (e: Editor) => (e.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;

/**
 * Bo types "<" at the end; it reaches Anne, whose caret was there too and stays before it; she
 * types "<a", which reaches Bo, whose caret stays after his "<"; he types "b".
 */
function sameLetter(fixed: boolean): { anne: string; bo: string } {
  const anne = new Editor(fixed);
  const bo = new Editor(fixed);
  const seed = EditorState.create({ schema: visionSchema, doc: visionSchema.node('doc', null, [visionSchema.node('paragraph', null, [visionSchema.text(TEXT)])]) });
  updateYFragment(anne.doc, anne.fragment, seed.doc, { mapping: new Map(), isOMark: new Map() } as never);
  bo.receive(anne);
  bo.render(END);
  bo.type('<');
  // Bo's caret sticks to his "<" (caret-sticks-left.ts); Anne's to the "." before it.
  const boCaret = Y.createRelativePositionFromTypeIndex(yText(bo), TEXT.length + 1, -1);
  anne.receive(bo);
  anne.render(END);
  anne.type('<');
  anne.type('a');
  expect(anne.text).toBe(`${TEXT}<a<`); // what Anne sees while she types
  bo.receive(anne);
  bo.render(1 + Y.createAbsolutePositionFromRelativePosition(boCaret, bo.doc)!.index);
  bo.type('b');
  anne.receive(bo);
  anne.render(END);
  return { anne: anne.text, bo: bo.text };
}

describe('typing at the caret', () => {
  it('keeps my letter before the identical letter someone else typed after my caret', () => {
    expect(sameLetter(true)).toEqual({ anne: `${TEXT}<a<b`, bo: `${TEXT}<a<b` });
  });

  it('(why: y-prosemirror’s string diff alone records it after the other letter, splitting both runs)', () => {
    const { anne, bo } = sameLetter(false);
    expect(anne).toBe(`${TEXT}<ba<`);
    expect(anne).toBe(bo);
  });

  it('takes only a transaction that inserts plain text and nothing else', () => {
    const state = EditorState.create({ schema: visionSchema, doc: visionSchema.node('doc', null, [visionSchema.node('paragraph', null, [visionSchema.text(TEXT)])]) });
    expect(typedText(state.tr.insertText('x', 3))).toEqual({ at: 3, text: 'x' });
    expect(typedText(state.tr.insertText('x', 3).addMark(3, 4, visionSchema.marks.strong!.create()))).toEqual({ at: 3, text: 'x' });
    expect(typedText(state.tr.insertText('xy', 3, 5))).toBeNull(); // replaces
    expect(typedText(state.tr.insertText('x', 3).insertText('y', 8))).toBeNull();
    expect(typedText(state.tr.split(5))).toBeNull();
    expect(typedText(state.tr.delete(3, 5))).toBeNull();
  });
});
