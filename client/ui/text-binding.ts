/**
 * Binds a `<textarea>` to an element's Y.Text: local input becomes the minimal edit (common
 * prefix and suffix kept), so concurrent typing by others merges; remote edits update the
 * textarea and move the caret along with the text around it.
 */
import type * as Y from 'yjs';

/** The one replace that turns `before` into `after`: [index, deleted count, inserted text]. */
export function diff(before: string, after: string): [number, number, string] {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [start, before.length - start - end, after.slice(start, after.length - end)];
}

export function applyText(text: Y.Text, value: string, origin: unknown, max: number): void {
  const [at, del, ins] = diff(text.toString(), value);
  if (del === 0 && ins === '') return;
  text.doc?.transact(() => {
    if (del) text.delete(at, del);
    if (ins) text.insert(at, ins.slice(0, Math.max(0, max - (text.length))));
  }, origin);
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

  private readonly onInput = () => applyText(this.text, this.area.value, this.origin, this.max);

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
