import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff.js';

const side = (parts: ReturnType<typeof wordDiff>, keep: 'removed' | 'added') => parts.filter((p) => p.kind === 'same' || p.kind === keep).map((p) => p.text).join('');

describe('wordDiff', () => {
  it('marks changed words and rebuilds both texts', () => {
    const before = 'Vi publiserer opne data når det er mogleg';
    const after = 'Vi publiserer opne data med open lisens når det er mogleg';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'added', text: 'med open lisens ' }]);
    expect(side(parts, 'removed')).toBe(before);
    expect(side(parts, 'added')).toBe(after);
  });

  it('handles replacements in several places and empty texts', () => {
    const before = 'Brukaren skal berre fortelje éin gong, til éi verksemd';
    const after = 'Innbyggjaren skal berre fortelje éin gong, til alle verksemder';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['Brukaren', 'éi verksemd']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['Innbyggjaren', 'alle verksemder']);
    expect(side(parts, 'removed')).toBe(before);
    expect(side(parts, 'added')).toBe(after);
    expect(wordDiff('', 'Ny')).toEqual([{ kind: 'added', text: 'Ny' }]);
  });
});
