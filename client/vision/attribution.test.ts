import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAuthorship } from './attribution.js';

describe('createAuthorship', () => {
  it('finds who inserted and who deleted an item', () => {
    const a = createAuthorship({
      clients: { '7': 'anne', '9': 'bo', x: 'bad' },
      deletions: [
        { memberId: 'bo', ranges: [[7, 10, 5], [7, 30, 2]] },
        { memberId: 'cy', ranges: [[9, 0, 3]] },
      ],
    });
    expect(a.getUserByClientId(7)).toBe('anne');
    expect(a.getUserByClientId(8)).toBeNull();
    expect(a.getUserByDeletedId(Y.createID(7, 12))).toBe('bo');
    expect(a.getUserByDeletedId(Y.createID(7, 15))).toBeNull();
    expect(a.getUserByDeletedId(Y.createID(7, 31))).toBe('bo');
    expect(a.getUserByDeletedId(Y.createID(9, 2))).toBe('cy');
    expect([...a.dss.keys()]).toEqual(['bo', 'cy']);
  });

  it('gives a range recorded for two members to the one listed first', () => {
    const a = createAuthorship({
      clients: {},
      deletions: [
        { memberId: 'bo', ranges: [[1, 49, 8]] },
        { memberId: 'anne', ranges: [[1, 40, 20]] },
      ],
    });
    expect(a.getUserByDeletedId(Y.createID(1, 45))).toBe('anne');
    expect(a.getUserByDeletedId(Y.createID(1, 49))).toBe('bo');
    expect(a.getUserByDeletedId(Y.createID(1, 56))).toBe('bo');
    expect(a.getUserByDeletedId(Y.createID(1, 57))).toBe('anne');
    expect(a.getUserByDeletedId(Y.createID(1, 60))).toBeNull();
  });

  it('ignores malformed entries', () => {
    const a = createAuthorship({ clients: {}, deletions: [{ memberId: 'x', ranges: [[1, -1, 2], [1, 2, 0], 'no' as unknown as [number, number, number]] }] });
    expect(a.getUserByDeletedId(Y.createID(1, 0))).toBeNull();
  });
});
