/**
 * Binds a `<textarea>` to an element's Y.Text: local input becomes the minimal edit (common
 * prefix and suffix kept, whole surrogate pairs only), so concurrent typing by others merges;
 * remote edits update the textarea and move the caret along with the text around it. After every
 * input the Y.Text equals the textarea, emoji, ZWJ sequences and flags included.
 */
import { simpleDiffString } from 'lib0/diff';
import type * as Y from 'yjs';

/**
 * The one replace that turns `before` into `after`: [index, deleted count, inserted text], in
 * UTF-16 units as Y.Text counts, never splitting a surrogate pair (lib0/diff steps back from one):
 * Yjs turns half a pair into U+FFFD, which would corrupt every emoji next to an edit.
 */
export function diff(before: string, after: string): [number, number, string] {
  const d = simpleDiffString(before, after);
  return [d.index, d.remove, d.insert];
}

/** `s` cut to at most `n` UTF-16 units, one less where the cut would split a surrogate pair. */
export function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  if (n <= 0) return '';
  const last = s.charCodeAt(n - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? n - 1 : n);
}

/**
 * Writes `value` into `text` as one minimal edit, keeping the text at most `max` units long.
 * Returns null when all of it was written, else where the caret belongs after the part that was
 * (the cap cut the insertion: the caller shows the text as it now is).
 */
export function applyText(text: Y.Text, value: string, origin: unknown, max: number): number | null {
  const [at, del, ins] = diff(text.toString(), value);
  if (del === 0 && ins === '') return null;
  const kept = clip(ins, max - (text.length - del));
  text.doc?.transact(() => {
    if (del) text.delete(at, del);
    if (kept) text.insert(at, kept);
  }, origin);
  return kept.length === ins.length ? null : at + kept.length;
}

export class TextBinding {
  constructor(
    private readonly area: HTMLTextAreaElement,
    private readonly text: Y.Text,
    private readonly origin: unknown,
    private readonly max: number,
  ) {
    area.value = text.toString();
    area.addEventListener('input', this.onInput);
    text.observe(this.onRemote);
  }

  destroy(): void {
    this.area.removeEventListener('input', this.onInput);
    this.text.unobserve(this.onRemote);
  }

  private readonly onInput = () => {
    const caret = applyText(this.text, this.area.value, this.origin, this.max);
    if (caret === null) return;
    // Past the cap: the textarea shows what was kept, so it never differs from the shared text.
    this.area.value = this.text.toString();
    this.area.setSelectionRange(caret, caret);
  };

  private readonly onRemote = (event: Y.YTextEvent) => {
    if (event.transaction.origin === this.origin) return;
    let { selectionStart: s, selectionEnd: e } = this.area;
    let pos = 0;
    for (const op of event.delta) {
      if (op.retain) pos += op.retain;
      else if (typeof op.insert === 'string') {
        const n = op.insert.length;
        if (pos < s) s += n;
        if (pos < e) e += n;
        pos += n;
      } else if (op.delete) {
        if (pos < s) s = Math.max(pos, s - op.delete);
        if (pos < e) e = Math.max(pos, e - op.delete);
      }
    }
    this.area.value = this.text.toString();
    this.area.setSelectionRange(s, e);
  };
}
