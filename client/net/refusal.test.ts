import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.js';
import { isRefusal, refusedRule } from './refusal.js';

describe('refusal', () => {
  it('treats 4422 and 4414 as refused updates, and nothing else', () => {
    expect([CloseCode.updateRefused, CloseCode.documentTooLong].map(isRefusal)).toEqual([true, true]);
    expect([CloseCode.workshopDeleted, CloseCode.messageTooLarge, CloseCode.roleChanged, 1000].map(isRefusal)).toEqual([false, false, false, false]);
  });

  it('reads the rule from the close reason', () => {
    expect(refusedRule(CloseCode.updateRefused, 'update refused: ownership')).toBe('ownership');
    expect(refusedRule(CloseCode.updateRefused, 'update refused:  author field ')).toBe('author field');
    expect(refusedRule(CloseCode.updateRefused, 'something else')).toBeNull();
    expect(refusedRule(CloseCode.updateRefused, '')).toBeNull();
    expect(refusedRule(CloseCode.documentTooLong, 'document too long')).toBe('too-long');
    expect(refusedRule(CloseCode.documentTooLong, 'document too large')).toBe('doc-full');
    expect(refusedRule(CloseCode.documentTooLong, 'too many elements')).toBe('board-full');
  });
});
