import { describe, expect, it } from 'vitest';
import type { PrincipleView } from '../../../shared/realtime/index.js';
import { canAmend, canAnchor, canDelete, canTakeStance, cardModel, endorsements, groupPrinciples, myStance, outsideBound } from './principle-model.js';

const orgs = [
  { id: 'a', name: 'Nav' },
  { id: 'b', name: 'Bufdir' },
  { id: 'c', name: 'Bergen' },
];
const view = (patch: Partial<PrincipleView> = {}): PrincipleView => ({
  principleId: 'p',
  text: 'Share first',
  proposedText: 'Share first',
  textHash: 'h',
  currentHash: 'h',
  rule: 'consensus',
  proposedAt: '2025-01-01T10:00:00Z',
  proposedBy: 'f',
  closed: false,
  status: 'open',
  amends: null,
  supersededBy: null,
  retired: null,
  removed: false,
  stances: [],
  participating: ['c', 'a', 'b'],
  boundOrganisations: ['c', 'a', 'b'],
  laterStances: [],
  outcome: null,
  closedAt: null,
  ...patch,
});

describe('principle card model', () => {
  it('is a draft with an empty chip per organisation until proposed', () => {
    const m = cardModel('Share first', undefined, orgs);
    expect(m.status).toBe('draft');
    expect(m.chips.map((c) => [c.name, c.stance])).toEqual([
      ['Nav', null],
      ['Bufdir', null],
      ['Bergen', null],
    ]);
    expect(canTakeStance({ role: 'participant', organisationId: 'a', representative: true }, m)).toBe(false);
  });

  it('shows one chip per participating organisation, in the workshop order, with who, when and why', () => {
    const m = cardModel(
      'Share first',
      view({ status: 'blocked', stances: [{ organisationId: 'b', stance: 'object', memberId: 'm2', at: '2025-01-01T10:05:00Z', reason: 'Too vague', anchor: null, representative: null }] }),
      orgs,
    );
    expect(m.status).toBe('blocked');
    expect(m.chips.map((c) => c.organisationId)).toEqual(['a', 'b', 'c']);
    expect(m.chips[1]).toEqual({ organisationId: 'b', name: 'Bufdir', stance: 'object', memberId: 'm2', at: '2025-01-01T10:05:00Z', reason: 'Too vague', anchor: null, representative: null });
  });

  it('turns stale as soon as the draft differs from the proposed text, and then takes no stances', () => {
    const m = cardModel('Share first, always', view({ status: 'agreed' }), orgs);
    expect([m.status, m.stale]).toEqual(['stale', true]);
    expect(canTakeStance({ role: 'facilitator', organisationId: 'a', representative: true }, m)).toBe(false);
    expect(cardModel('Share first', view({ status: 'stale' }), orgs).stale).toBe(true);
  });

  it('lets participants and facilitators with an organisation take a stance on an open proposal', () => {
    const m = cardModel('Share first', view(), orgs);
    expect(canTakeStance({ role: 'participant', organisationId: 'a', representative: true }, m)).toBe(true);
    // Issue #14: only the organisation's representatives, facilitators too.
    expect(canTakeStance({ role: 'participant', organisationId: 'a', representative: false }, m)).toBe(false);
    expect(canTakeStance({ role: 'facilitator', organisationId: 'a', representative: false }, m)).toBe(false);
    expect(canTakeStance({ role: 'participant', organisationId: null, representative: true }, m)).toBe(false);
    expect(canTakeStance({ role: 'observer', organisationId: 'a', representative: true }, m)).toBe(false);
    expect(canTakeStance({ role: 'participant', organisationId: 'a', representative: true }, cardModel('Share first', view({ closed: true }), orgs))).toBe(false);
  });

  it('keeps a closed decision as recorded: its bound organisations, its outcome, whatever the draft says now', () => {
    const closed = view({ closed: true, status: 'agreed', outcome: 'agreed', closedAt: '2026-12-03T10:00:00Z', boundOrganisations: ['a', 'b'], participating: ['a', 'b'] });
    const m = cardModel('Share first, edited later', closed, [...orgs, { id: 'd', name: 'Vegvesenet' }]);
    expect([m.status, m.stale, m.closed, m.closedAt]).toEqual(['agreed', false, true, '2026-12-03T10:00:00Z']);
    expect([m.decidedText, m.editedSinceClosed]).toEqual(['Share first', true]);
    expect(cardModel('Share first', closed, orgs).editedSinceClosed).toBe(false);
    expect(m.chips.map((c) => c.organisationId)).toEqual(['a', 'b']);
    // A bound organisation's stance is recorded; one outside the set (c, or the newcomer d) may join after the fact.
    expect(canTakeStance({ role: 'participant', organisationId: 'a', representative: true }, m)).toBe(false);
    expect(outsideBound({ organisationId: 'd' }, m)).toBe(true);
    expect(canTakeStance({ role: 'participant', organisationId: 'd', representative: true }, m)).toBe(true);
    expect(canTakeStance({ role: 'observer', organisationId: 'd', representative: true }, m)).toBe(false);
    expect(myStance({ organisationId: 'd' }, m)).toBeNull();
  });

  it('lists organisations that joined after the fact, in the workshop order, apart from the bound ones', () => {
    const stance = (organisationId: string) => ({ organisationId, stance: 'endorse' as const, memberId: `m-${organisationId}`, at: '2026-12-04T09:00:00Z', reason: null, anchor: null, representative: null });
    const m = cardModel('Share first', view({ closed: true, status: 'agreed', outcome: 'agreed', boundOrganisations: ['a'], laterStances: [stance('c'), stance('b')] }), orgs);
    expect(m.chips.map((c) => c.organisationId)).toEqual(['a']);
    expect(m.later.map((c) => [c.name, c.stance])).toEqual([
      ['Bufdir', 'endorse'],
      ['Bergen', 'endorse'],
    ]);
    expect(myStance({ organisationId: 'c' }, m)).toBe('endorse');
  });

  it('an adopted principle is amended, never deleted; a proposal is deleted by facilitators only; a retired one takes nothing', () => {
    const fac = { role: 'facilitator' as const, organisationId: null };
    const part = { role: 'participant' as const, organisationId: 'a', representative: true };
    const adopted = cardModel('Share first', view({ closed: true, status: 'agreed', outcome: 'agreed' }), orgs);
    expect([adopted.adopted, canDelete(fac, adopted), canAmend(fac, adopted), canAmend(part, adopted)]).toEqual([true, false, true, true]);
    expect(canAmend({ role: 'participant', organisationId: null }, adopted)).toBe(false);
    expect(canAmend({ role: 'observer', organisationId: 'a' }, adopted)).toBe(false);
    expect(canAmend(fac, cardModel('Share first', view({ closed: true, status: 'agreed', outcome: 'agreed', supersededBy: 'q' }), orgs))).toBe(false);
    expect(canAmend(fac, cardModel('Share first', view({ closed: true, status: 'rejected', outcome: 'rejected' }), orgs))).toBe(false);
    const open = cardModel('Share first', view(), orgs);
    expect([canDelete(fac, open), canDelete(part, open), canDelete(part, cardModel('Draft', undefined, orgs))]).toEqual([true, false, true]);
    const retired = cardModel('Share first', view({ retired: { at: '2026-12-05T10:00:00Z', by: 'f', reason: 'Old' } }), orgs);
    expect([canDelete(fac, retired), canTakeStance(part, retired), retired.retired?.reason]).toEqual([false, false, 'Old']);
    // A proposal whose draft was deleted: not stale (nothing was edited), no stances, nothing to delete.
    const removed = cardModel('Share first', view({ status: 'stale', removed: true }), orgs);
    expect([removed.removed, removed.stale, canTakeStance(part, removed), canDelete(fac, removed)]).toEqual([true, false, false, false]);
  });

  it('tells endorsed from endorsed and anchored, and lets a representative anchor only a stance their organisation took', () => {
    const anchor = { confirmedBy: 'Kari', role: 'direktør', date: '2026-12-01', reference: null, by: 'm1', at: '2026-12-02T10:00:00Z' };
    const stance = (organisationId: string, a: typeof anchor | null) => ({ organisationId, stance: 'endorse' as const, memberId: 'm1', at: '2026-12-01T10:00:00Z', reason: null, anchor: a, representative: null });
    const m = cardModel('Share first', view({ stances: [stance('a', anchor), stance('b', null)] }), orgs);
    expect(endorsements(m)).toEqual({ endorsed: ['Nav', 'Bufdir'], anchored: ['Nav'] });
    expect(canAnchor({ role: 'participant', organisationId: 'b', representative: true }, m)).toBe(true);
    expect(canAnchor({ role: 'participant', organisationId: 'b', representative: false }, m)).toBe(false);
    expect(canAnchor({ role: 'participant', organisationId: 'c', representative: true }, m)).toBe(false);
  });

  it('lays out amendments under the principle they amend and retired principles apart', () => {
    const d = (id: string) => ({ id });
    const views = new Map([
      ['a', { amends: null, retired: null }],
      ['b', { amends: null, retired: { at: 't', by: 'f', reason: 'Old' } }],
      ['c', { amends: 'a', retired: null }],
      ['e', { amends: 'b', retired: null }],
      ['g', { amends: 'a', retired: null }],
    ]);
    const g = groupPrinciples([d('a'), d('b'), d('c'), d('e'), d('f'), d('g')], views);
    expect(g.top.map((x) => x.id)).toEqual(['a', 'e', 'f']);
    expect(g.amendments.get('a')?.map((x) => x.id)).toEqual(['c', 'g']);
    expect(g.retired.map((x) => x.id)).toEqual(['b']);
  });
});
