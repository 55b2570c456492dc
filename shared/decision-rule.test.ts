import { describe, expect, it } from 'vitest';
import { closingOutcome, notYetJoined, principleStatus, reasonProblem, supersedes, tally, type DecisionRule, type Stance, type StatusInput } from './decision-rule.js';

const orgs = ['a', 'b', 'c'];
const status = (rule: DecisionRule, stances: Record<string, Stance>, extra: Partial<StatusInput> = {}) =>
  principleStatus({ rule, participating: orgs, stances: new Map(Object.entries(stances)), proposed: true, closed: false, textMatches: true, ...extra });

describe('principle status', () => {
  it('is draft before a proposal and stale after an edit, whatever the stances', () => {
    expect(status('consensus', { a: 'endorse', b: 'endorse', c: 'endorse' }, { proposed: false })).toBe('draft');
    expect(status('consensus', { a: 'endorse', b: 'endorse', c: 'endorse' }, { textMatches: false })).toBe('stale');
  });

  it('consensus: every organisation endorses (abstaining stands aside), any objection blocks', () => {
    expect(status('consensus', { a: 'endorse', b: 'endorse' })).toBe('open');
    expect(status('consensus', { a: 'endorse', b: 'endorse', c: 'endorse' })).toBe('agreed');
    expect(status('consensus', { a: 'endorse', b: 'abstain', c: 'endorse' })).toBe('agreed');
    expect(status('consensus', { a: 'abstain', b: 'abstain', c: 'abstain' })).toBe('open');
    expect(status('consensus', { a: 'endorse', b: 'object', c: 'endorse' })).toBe('blocked');
    expect(status('consensus', { a: 'endorse' }, { closed: true })).toBe('rejected');
  });

  it('consent: no objection once all have responded, or when the facilitator closes', () => {
    expect(status('consent', { a: 'endorse' })).toBe('open');
    expect(status('consent', { a: 'endorse', b: 'abstain', c: 'abstain' })).toBe('agreed');
    expect(status('consent', { a: 'endorse' }, { closed: true })).toBe('agreed');
    expect(status('consent', { a: 'object' })).toBe('blocked');
    expect(status('consent', { a: 'object' }, { closed: true })).toBe('rejected');
  });

  it('majority: more than half of the organisations endorse', () => {
    expect(status('majority', { a: 'endorse' })).toBe('open');
    expect(status('majority', { a: 'endorse', b: 'endorse', c: 'object' })).toBe('agreed');
    expect(status('majority', { a: 'object', b: 'object' })).toBe('rejected');
    expect(status('majority', { a: 'endorse', b: 'abstain' }, { closed: true })).toBe('rejected');
    expect(principleStatus({ rule: 'majority', participating: [], stances: new Map(), proposed: true, closed: false, textMatches: true })).toBe('rejected');
  });

  it('counts only participating organisations, once each', () => {
    expect(tally(['a', 'a', 'b'], new Map([['a', 'endorse'], ['z', 'object']]))).toEqual({ endorse: 1, object: 0, abstain: 0, pending: 1 });
  });

  it('an objection needs a reason', () => {
    expect(reasonProblem('object', '  ')).not.toBeNull();
    expect(reasonProblem('object', 'Vi manglar heimel')).toBeNull();
    expect(reasonProblem('endorse', undefined)).toBeNull();
  });
});

describe('recorded decisions', () => {
  const closing = (rule: DecisionRule, stances: Record<string, Stance>, participating = orgs) => closingOutcome({ rule, participating, stances: new Map(Object.entries(stances)) });

  it('closes with agreed or rejected only, counting the bound organisations, members or not', () => {
    expect(closing('consensus', { a: 'endorse', b: 'endorse', c: 'endorse' })).toBe('agreed');
    // c is bound and never answered (its members left or became observers): consensus is not reached.
    expect(closing('consensus', { a: 'endorse', b: 'endorse' })).toBe('rejected');
    expect(closing('consent', { a: 'endorse', b: 'endorse' })).toBe('agreed');
    expect(closing('consent', { a: 'endorse', b: 'object' })).toBe('rejected');
    expect(closing('majority', { a: 'endorse', b: 'endorse' })).toBe('agreed');
    expect(closing('majority', { a: 'endorse' })).toBe('rejected');
    expect(closing('consent', {}, [])).toBe('rejected');
  });

  it('names the organisations neither bound nor joined after the fact, in their order', () => {
    expect(notYetJoined(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c'], ['e'])).toEqual(['d']);
    expect(notYetJoined(['a', 'b'], ['a', 'b'], [])).toEqual([]);
  });

  it('lets an amendment supersede what it amends only once it closed agreed', () => {
    expect(supersedes({ amends: 'p1', outcome: 'agreed' })).toBe('p1');
    expect(supersedes({ amends: 'p1', outcome: 'rejected' })).toBeNull();
    expect(supersedes({ amends: 'p1', outcome: null })).toBeNull();
    expect(supersedes({ amends: null, outcome: 'agreed' })).toBeNull();
  });
});
