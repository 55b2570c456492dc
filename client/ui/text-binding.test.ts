/**
 * The textarea ↔ Y.Text binding keeps both equal after every keystroke, emoji included: a diff
 * that split a surrogate pair made Yjs write U+FFFD ("😀😃", Backspace on the first, left "��"),
 * in notes, actor fields, the mandate and principle texts, which are hashed and endorsed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyText, clip, diff } from './text-binding.js';

const FAMILY = '👨‍👩‍👧‍👦';
const FLAG = '🇳🇴';
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function field(initial = '') {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  if (initial) text.insert(0, initial);
  return text;
}

/** What a textarea holds after each keystroke; the Y.Text must hold the same, every time. */
function type(steps: string[], max = 10_000) {
  const text = field(steps[0]);
  for (const value of steps.slice(1)) {
    expect(applyText(text, value, 'me', max), value).toBeNull();
    expect(text.toString()).toBe(value);
  }
}

describe('the text binding', () => {
  it('Backspace on the first of two emoji leaves the second whole', () => {
    type(['😀😃', '😃']);
    type(['😀😃', '😀']);
    // Two emoji sharing their high surrogate: replacing one with the other.
    type(['a😀b', 'a😃b']);
    expect(diff('😀', '😃')).toEqual([0, 2, '😃']);
  });

  it('keeps a ZWJ family and a flag whole through typing, deleting part of them and editing beside them', () => {
    const parts = [...FAMILY]; // code points: man, ZWJ, woman, ZWJ, girl, ZWJ, boy
    const growing = parts.map((_, i) => `Hei ${parts.slice(0, i + 1).join('')}`);
    type(['Hei ', ...growing, ...[...growing].reverse(), 'Hei ']);
    type([`${FLAG}`, `${FLAG}!`, `x${FLAG}!`, `x🇳!`, `x!`]);
    type([`${FAMILY}${FLAG}`, `${FAMILY} og ${FLAG}`, `${FLAG}`]);
  });

  it('cuts at the cap without splitting a pair, and says where the caret belongs', () => {
    expect(clip('ab😀', 3)).toBe('ab');
    expect(clip('ab😀', 4)).toBe('ab😀');
    const text = field('ab');
    expect(applyText(text, 'ab😀😀', 'me', 5)).toBe(4);
    expect(text.toString()).toBe('ab😀');
    expect(applyText(text, 'ab😀x', 'me', 5)).toBeNull();
  });

  it('after any sequence of edits at code point boundaries, equals the value and has no half pairs', () => {
    const piece = fc.constantFrom('a', 'ø', ' ', '😀', '😃', '🇳', '🇴', '\u200d', '👩', '👧');
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.array(piece, { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        const text = field(start.join(''));
        let points = [...start];
        for (const e of edits) {
          const at = e.at % (points.length + 1);
          points = [...points.slice(0, at), ...e.ins, ...points.slice(at + e.del)];
          const value = points.join('');
          applyText(text, value, 'me', 10_000);
          if (text.toString() !== value || loneSurrogate.test(text.toString())) return false;
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });
});
