import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { moveStep, neighbours, renameDecision, replaceEscalationStep, saveBody } from './charter-edits.js';

let n = 0;
const newId = () => `id${String(++n).padStart(14, '0')}`;
const origin = { local: 'test' };

describe('charter edits', () => {
  it('finds the neighbours for a step up or down, and none past the ends', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(neighbours(ids, 2, -1)).toEqual({ after: 'a', before: 'b' });
    expect(neighbours(ids, 0, 1)).toEqual({ after: 'b', before: 'c' });
    expect(neighbours(ids, 1, -1)).toEqual({ after: null, before: 'a' });
    expect(neighbours(ids, 2, 1)).toEqual({ after: 'd', before: null });
    expect(neighbours(ids, 0, -1)).toBeNull();
    expect(neighbours(ids, 3, 1)).toBeNull();
  });

  it('moves escalation steps up and down', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    const [a, b, d] = ['Team', 'Board', 'Ministry'].map((l) => c.addEscalationStep(l, null, origin));
    const ids = () => c.escalation().map((s) => s.id);
    expect(moveStep(c, 'escalation', ids(), d!, -1, origin)).toBe(true);
    expect(ids()).toEqual([a, d, b]);
    expect(moveStep(c, 'escalation', ids(), a!, -1, origin)).toBe(false);
    moveStep(c, 'escalation', ids(), a!, 1, origin);
    expect(ids()).toEqual([d, a, b]);
  });

  it('replaces a step and renames a decision in place, keeping the cells', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    c.addEscalationStep('One', null, origin);
    const two = c.addEscalationStep('Two', null, origin);
    c.addEscalationStep('Three', null, origin);
    expect(replaceEscalationStep(c, two, 'Zwei', 'body1', origin)).toBe(two);
    expect(c.escalation().map((s) => [s.label, s.bodyId])).toEqual([['One', null], ['Zwei', 'body1'], ['Three', null]]);
    replaceEscalationStep(c, two, 'Zwei', null, origin);
    expect(c.escalation()[1]!.bodyId).toBeNull();
    const d1 = c.addDecision('Budget', origin);
    c.addDecision('Roadmap', origin);
    c.setResponsibility(d1, 'orgA', 'decide', origin);
    expect(renameDecision(c, d1, 'Annual budget', origin)).toBe(d1);
    expect(c.decisions().map((d) => [d.label, d.cells])).toEqual([['Annual budget', { orgA: 'decide' }], ['Roadmap', {}]]);
  });

  it('saves a body: fields, mandate and members', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    const id = saveBody(c, { id: null, name: 'Board', mandate: 'Steer', members: ['a', 'b'], chair: 'A', rule: 'consensus', rhythm: 'monthly' }, origin);
    saveBody(c, { id, name: 'Steering board', mandate: 'Steer together', members: ['b', 'c'], chair: 'B', rule: 'consent', rhythm: 'weekly' }, origin);
    expect(c.bodies()[0]).toMatchObject({ name: 'Steering board', mandate: 'Steer together', members: ['b', 'c'], chair: 'B', rule: 'consent', rhythm: 'weekly' });
  });
});
