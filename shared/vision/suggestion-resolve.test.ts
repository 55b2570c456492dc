import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { resolutionBroken } from './suggestion-resolve.js';
import { readText, type TextReading } from './suggestion-rules.js';

const A = 1; // the client of member "a", who wrote the agreed text
const by = (memberId: string, id = `${memberId}-1`) => ({ id, memberId, organisationId: `org-${memberId}`, createdAt: '' });

/** A paragraph written by member "a" (client 1), then changed by `edits` on client 2. */
function reading(build: (t: Y.Text) => void): TextReading {
  const doc = new Y.Doc();
  doc.clientID = A;
  const t = doc.getText('t');
  build(t);
  return readText(t as unknown as Y.XmlText, (n) => !n.deleted);
}
const judge = (before: TextReading, after: TextReading, memberId = 'a') => resolutionBroken(before, after, memberId, (c) => c === A && memberId === 'a', 'no-resolution');

describe('resolving suggestions, judged on what the text reads', () => {
  const before = reading((t) => {
    t.insert(0, 'a');
    t.insert(0, 'aa', { insertion: by('b') });
    t.insert(3, ' ord', {});
    t.format(1 + 2, 4, { deletion: by('b', 'b-2') });
  });
  it('finds the alignment however the equal letters were matched', () => {
    // Reject "aa" (inserted before the agreed "a"), keep the deletion pending.
    const after = reading((t) => {
      t.insert(0, 'a ord');
      t.format(1, 4, { deletion: by('b', 'b-2') });
    });
    expect(judge(before, after)).toBeNull();
    // Accept "aa", reject the deletion.
    expect(judge(before, reading((t) => t.insert(0, 'aaa ord')))).toBeNull();
    // Accept "aa", accept the deletion; reject both.
    expect(judge(before, reading((t) => t.insert(0, 'aaa')))).toBeNull();
    expect(judge(before, reading((t) => t.insert(0, 'a ord')))).toBeNull();
  });
  it('takes each suggestion whole, and refuses anything more than a resolution, and resolutions on others’ text', () => {
    expect(judge(before, reading((t) => t.insert(0, 'aaaa ord')))).toBe('no-resolution');
    // A suggestion is taken whole: half of "aa" is no resolution.
    expect(judge(before, reading((t) => t.insert(0, 'aa ord')))).toBe('no-resolution');
    expect(judge(before, reading((t) => t.insert(0, 'aaa ord')), 'c')).toBe('suggestion-not-yours');
  });
  it('does not let the suggester accept their own suggestion', () => {
    const own = reading((t) => {
      t.insert(0, 'a');
      t.insert(1, 'b', { insertion: by('a') });
    });
    expect(judge(own, reading((t) => t.insert(0, 'ab')))).toBe('suggestion-not-yours');
  });
  it('refuses a change that could be read too many ways, rather than searching it', () => {
    const many = reading((t) => {
      t.insert(0, 'x');
      for (let i = 0; i < 600; i++) t.insert(t.length, 'a', { insertion: by('b', `b-${i}`) });
    });
    expect(judge(many, reading((t) => t.insert(0, `x${'a'.repeat(300)}`)))).toBe('suggestion-unclear');
  });
});
