import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CharterDoc } from '../../../shared/charter/charter-doc.js';
import { CF } from '../../../shared/charter/schema.js';
import type { CharterSession } from '../charter-session.js';
import { horizonBeside, inHorizon, mayChangeService, moveToHorizon, moveWithin, writeItemText, writeLifeEvent } from './method-edits.js';

let n = 0;
const charter = () => new CharterDoc(new Y.Doc(), () => `i${++n}`);
const texts = (c: CharterDoc, h: 'now' | 'next' | 'later') => inHorizon(c.roadmap(), h).map((x) => x.text);

describe('roadmap moves', () => {
  it('moves an item within its horizon, past items of other horizons, and not beyond an end', () => {
    const c = charter();
    for (const [text, horizon] of [['a', 'now'], ['x', 'later'], ['b', 'now'], ['c', 'now']] as const) c.addRoadmapItem({ text, horizon }, 'o');
    const b = c.roadmap().find((x) => x.text === 'b')!;
    expect(moveWithin(c, c.roadmap(), b, -1, 'o')).toBe(true);
    expect(texts(c, 'now')).toEqual(['b', 'a', 'c']);
    expect(moveWithin(c, c.roadmap(), c.roadmap().find((x) => x.text === 'b')!, -1, 'o')).toBe(false);
  });

  it('moves an item to the end of the horizon before or after, in one transaction', () => {
    const c = charter();
    for (const [text, horizon] of [['a', 'now'], ['n1', 'next'], ['n2', 'next']] as const) c.addRoadmapItem({ text, horizon }, 'o');
    let transactions = 0;
    c.doc.on('afterTransaction', () => transactions++);
    moveToHorizon(c, c.roadmap(), c.roadmap().find((x) => x.text === 'a')!, horizonBeside('now', 1)!, 'o');
    expect(transactions).toBe(1);
    expect([texts(c, 'now'), texts(c, 'next')]).toEqual([[], ['n1', 'n2', 'a']]);
    expect([horizonBeside('now', -1), horizonBeside('later', 1), horizonBeside('later', -1)]).toEqual([null, null, 'next']);
  });
});

describe('texts of the methods', () => {
  it('are written as the smallest change, so the same Y.Text stays', () => {
    const c = charter();
    const id = c.addRoadmapItem({ text: 'Felles innsyn', horizon: 'now' }, 'o');
    const t = c.map('roadmap').get(id)!.get(CF.text);
    writeItemText(c, 'roadmap', id, CF.text, 'Felles innsyn i saka', 'o');
    expect(c.map('roadmap').get(id)!.get(CF.text)).toBe(t);
    expect(c.roadmap()[0]!.text).toBe('Felles innsyn i saka');
    writeLifeEvent(c, 'scope', 'Frå diagnose', 'o');
    writeLifeEvent(c, 'scope', 'Frå diagnose til første år', 'o');
    writeLifeEvent(c, 'owner', 'Helsedirektoratet', 'o');
    expect(c.lifeEvent()).toMatchObject({ scope: 'Frå diagnose til første år', owner: 'Helsedirektoratet' });
  });
});

describe('who may change a service', () => {
  const session = (role: 'facilitator' | 'participant' | 'observer', organisationId: string | null) =>
    ({ readOnly: role === 'observer', mayAssess: (o: string) => role !== 'observer' && (role === 'facilitator' || o === organisationId) }) as unknown as CharterSession;
  it('its organisation and facilitators; a service naming none, anyone who may write', () => {
    const nav = { organisationId: 'nav' };
    const none = { organisationId: '' };
    const [ownMember, otherMember, facilitator, observer] = [session('participant', 'nav'), session('participant', 'bergen'), session('facilitator', null), session('observer', 'nav')];
    expect([ownMember, otherMember, facilitator, observer].map((s) => mayChangeService(s, nav))).toEqual([true, false, true, false]);
    expect([ownMember, otherMember, facilitator, observer].map((s) => mayChangeService(s, none))).toEqual([true, true, true, false]);
  });
});
