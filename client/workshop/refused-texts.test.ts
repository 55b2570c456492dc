import { describe, expect, it } from 'vitest';
import { refusalKind, refusalText } from './refused-texts.js';

describe('refused texts', () => {
  it('finds the sentence for a rule by the words in its name', () => {
    const kinds = ['too-long', 'ownership', 'org-owned-note', 'author-field', 'board-locked', 'read-only', 'max-depth', 'nesting', 'element-count', 'value-size', 'unknown-kind', 'schema'].map(refusalKind);
    expect(kinds).toEqual(['too-long', 'owner', 'owner', 'author', 'read-only', 'read-only', 'nesting', 'nesting', 'size', 'size', 'content', 'content']);
    // The server's rules (shared/sync/content-rules.ts) and caps, as they are named today.
    expect(['content-kind', 'type-kind', 'nesting', 'doc-full', 'board-full'].map(refusalKind)).toEqual(['content', 'content', 'nesting', 'doc-full', 'board-full']);
    // The board's comment rules (server/sync/comment-guard.ts).
    expect(['comment-owner', 'comment-shape', 'comment-count', 'comment-element'].map(refusalKind)).toEqual(['comment-owner', 'content', 'size', null]);
    // Issue #13's ownership rules (server/sync/ownership.ts).
    expect(['ownership', 'author-field', 'principle-proposed', 'principle-closed', 'principle-retired', 'client-id'].map(refusalKind)).toEqual(['owner', 'author', 'decided', 'decided', 'decided', 'author']);
    // Suggestion mode's rules (server/sync/suggestion-guard.ts), "others" and "identity" included.
    expect(['suggestion-agreed-text', 'suggestion-others', 'suggestion-identity', 'suggestion-structure'].map(refusalKind)).toEqual(['suggestion', 'suggestion', 'suggestion', 'suggestion']);
  });

  it('falls back to the generic sentence for a rule it does not know, or none', () => {
    const generic = refusalText(null, 10);
    expect(generic).toContain('broke a rule');
    expect(refusalText('zebra', 10)).toBe(generic);
    expect(refusalText('too-long', 1234)).toContain((1234).toLocaleString());
  });

  it('tells where the vision’s full history can be compacted, and keeps the general sentence elsewhere', () => {
    expect(refusalText('doc-full', 10, 'AAAAAAAAAAAAAAAA/vision')).toContain('compact the history');
    expect(refusalText('doc-full', 10, 'AAAAAAAAAAAAAAAA/charter')).toContain('Ask a facilitator');
    expect(refusalText('doc-full', 10)).toBe(refusalText('doc-full', 10, 'AAAAAAAAAAAAAAAA/charter'));
  });
});
