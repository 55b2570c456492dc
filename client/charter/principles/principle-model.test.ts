import { describe, expect, it } from 'vitest';
import type { PrincipleView } from '../../../shared/realtime/index.js';
import { canTakeStance, cardModel } from './principle-model.js';

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
    expect(canTakeStance({ role: 'participant', organisationId: 'a' }, m)).toBe(false);
  });

  it('shows one chip per participating organisation, in the workshop order, with who, when and why', () => {
    const m = cardModel(
      'Share first',
      view({ status: 'blocked', stances: [{ organisationId: 'b', stance: 'object', memberId: 'm2', at: '2025-01-01T10:05:00Z', reason: 'Too vague' }] }),
      orgs,
    );
    expect(m.status).toBe('blocked');
    expect(m.chips.map((c) => c.organisationId)).toEqual(['a', 'b', 'c']);
    expect(m.chips[1]).toEqual({ organisationId: 'b', name: 'Bufdir', stance: 'object', memberId: 'm2', at: '2025-01-01T10:05:00Z', reason: 'Too vague' });
  });

  it('turns stale as soon as the draft differs from the proposed text, and then takes no stances', () => {
    const m = cardModel('Share first, always', view({ status: 'agreed' }), orgs);
    expect([m.status, m.stale]).toEqual(['stale', true]);
    expect(canTakeStance({ role: 'facilitator', organisationId: 'a' }, m)).toBe(false);
    expect(cardModel('Share first', view({ status: 'stale' }), orgs).stale).toBe(true);
  });

  it('lets participants and facilitators with an organisation take a stance on an open proposal', () => {
    const m = cardModel('Share first', view(), orgs);
    expect(canTakeStance({ role: 'participant', organisationId: 'a' }, m)).toBe(true);
    expect(canTakeStance({ role: 'participant', organisationId: null }, m)).toBe(false);
    expect(canTakeStance({ role: 'observer', organisationId: 'a' }, m)).toBe(false);
    expect(canTakeStance({ role: 'participant', organisationId: 'a' }, cardModel('Share first', view({ closed: true }), orgs))).toBe(false);
  });
});
