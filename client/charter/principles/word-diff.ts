/**
 * A word-level diff of an adopted principle's text and an amendment's, for showing them side by
 * side: runs of unchanged, removed and added text, whitespace kept. Patience diff from lib0.
 */
import { diff } from 'lib0/diff/patience';

export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words and the whitespace between them, each its own token, so a diff keeps spacing. */
const tokens = (s: string) => s.split(/(\s+)/).filter((t) => t !== '');

export function wordDiff(before: string, after: string): DiffPart[] {
  const as = tokens(before);
  const bs = tokens(after);
  const out: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  for (const change of diff(as, bs)) {
    push('same', as.slice(i, change.index).join(''));
    push('removed', change.remove.join(''));
    push('added', change.insert.join(''));
    i = change.index + change.remove.length;
  }
  push('same', as.slice(i).join(''));
  return out;
}
