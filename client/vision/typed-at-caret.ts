/**
 * Writes what I type into the shared text where I typed it, not where a text diff guesses.
 *
 * y-prosemirror (1.3) writes a changed paragraph to Yjs by diffing the paragraph's old and new
 * strings (`simpleDiff`, which prefers the longest common prefix). When the letter I type equals
 * the letter right after my caret, the diff cannot tell them apart and records mine after it. Two
 * people typing at the same spot hit this all the time: Bo types "<", it reaches Anne, whose caret
 * is just before it; Anne types "<" too, and Yjs records hers after Bo's. Her caret is still after
 * her own in ProseMirror, so everything she types next lands between Bo's letter and hers, and
 * everyone ends up with "…<b…a…<" instead of "…<a…<b…".
 *
 * This plugin knows what the transaction did (the diff only sees two strings). When a change is
 * one insertion of text into one paragraph, it first inserts that text into the paragraph's
 * `Y.XmlText` at the caret's index, in the same Yjs transaction in which y-prosemirror then
 * writes the change; y-prosemirror's diff then finds the strings equal and only sets the
 * formatting (marks, suggestions) as it always does. Anything else (several blocks, other inline
 * nodes, a paragraph whose Yjs text does not read the same) is left to y-prosemirror as before.
 * Upstream has no hook for this, so it wraps the binding's `_prosemirrorChanged`.
 *
 * Must come after `ySyncPlugin` in the plugin list.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from 'prosemirror-transform';
import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';

/** One insertion of plain text at `at` (a position in `before`), the whole of a dispatch's change. */
export interface TypedText {
  before: PMNode;
  at: number;
  text: string;
}

/** The parts of y-prosemirror's binding this plugin reads and wraps. */
interface Binding {
  doc: Y.Doc;
  mapping: Map<Y.AbstractType<unknown>, PMNode | PMNode[]>;
  _prosemirrorChanged(doc: PMNode): void;
}

const key = new PluginKey<TypedText | null>('sk-typed-at-caret');

/**
 * The text a transaction inserts, when that is all it does: one `ReplaceStep` that replaces
 * nothing with a flat run of text inside one textblock; mark steps beside it are fine (suggestion
 * mode marks what it types). Null for anything else.
 */
export function typedText(tr: Transaction): { at: number; text: string } | null {
  let typed: { at: number; text: string } | null = null;
  for (const step of tr.steps) {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) continue;
    if (!(step instanceof ReplaceStep) || typed) return null;
    const { from, to, slice } = step as ReplaceStep & { from: number; to: number };
    if (from !== to || slice.openStart !== 0 || slice.openEnd !== 0) return null;
    let text = '';
    let plain = true;
    slice.content.forEach((n) => {
      if (n.isText) text += n.text;
      else plain = false;
    });
    if (!plain || !text) return null;
    // Steps after a mark step map through it unchanged (mark steps move nothing).
    typed = { at: from, text };
  }
  return typed;
}

/**
 * The Yjs text of the paragraph that holds `at` in `before`, and the index there, when that
 * paragraph is one run of text in Yjs that reads exactly as in ProseMirror; else null.
 */
export function yTextAt(typed: TypedText, mapping: Binding['mapping']): { ytext: Y.XmlText; index: number } | null {
  const $at = typed.before.resolve(typed.at);
  const block = $at.parent;
  if (!block.isTextblock) return null;
  let plain = true;
  block.forEach((n) => {
    if (!n.isText) plain = false;
  });
  if (!plain) return null;
  let element: Y.XmlElement | null = null;
  for (const [type, node] of mapping) {
    if (node === block && type instanceof Y.XmlElement) {
      element = type;
      break;
    }
  }
  if (!element || element.length !== 1) return null;
  const ytext = element.get(0);
  if (!(ytext instanceof Y.XmlText)) return null;
  const read = (ytext.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '\uFFFC')).join('');
  return read === block.textContent ? { ytext, index: $at.parentOffset } : null;
}

/** Writes `typed` into Yjs where it was typed, then `write` (y-prosemirror's diff), in one Yjs transaction. */
export function writeTypedFirst(ydoc: Y.Doc, typed: TypedText | null, mapping: Binding['mapping'], write: () => void): void {
  const at = typed ? yTextAt(typed, mapping) : null;
  if (!at) return write();
  ydoc.transact(() => {
    at.ytext.insert(at.index, typed!.text);
    write();
  }, ySyncPluginKey);
}

export function typedAtCaretPlugin(): Plugin<TypedText | null> {
  return new Plugin<TypedText | null>({
    key,
    state: {
      init: () => null,
      // What this dispatch typed: the root transaction, and those other plugins append to it.
      apply(tr, prev, before) {
        if (tr.getMeta(ySyncPluginKey)) return null;
        const appended = tr.getMeta('appendedTransaction') !== undefined;
        if (!tr.docChanged) return appended ? prev : null;
        if (appended) {
          // An appended change that moves nothing keeps what was typed; anything else: unknown.
          return prev && tr.steps.every((s) => s instanceof AddMarkStep || s instanceof RemoveMarkStep) ? prev : null;
        }
        const typed = typedText(tr);
        return typed ? { before: before.doc, ...typed } : null;
      },
    },
    view(view) {
      const binding = (ySyncPluginKey.getState(view.state) as { binding?: Binding } | undefined)?.binding;
      if (!binding) return {};
      const write = binding._prosemirrorChanged.bind(binding);
      const written = new WeakSet<TypedText>();
      binding._prosemirrorChanged = (doc: PMNode) => {
        const typed = key.getState(view.state);
        const fresh = typed && doc === view.state.doc && !written.has(typed) ? typed : null;
        if (fresh) written.add(fresh);
        writeTypedFirst(binding.doc, fresh, binding.mapping, () => write(doc));
      };
      return { destroy: () => void (binding._prosemirrorChanged = write) };
    },
  });
}
