import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CharterDoc } from './charter-doc.js';
import { MF, serviceOverlaps } from './charter-methods.js';
import { CF } from './schema.js';

let n = 0;
const newId = () => `m${String(++n).padStart(15, '0')}`;
const o = 'test';

describe("the report's methods in the charter", () => {
  it('keeps a benefits map: who pays, who gains, what, when and an amount where there is one', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    const a = c.addBenefit({ what: 'Færre søknader', payer: 'Kommunen', gainer: 'Familiane', when: '2027', amount: 1_500_000 }, o);
    c.addBenefit({ what: 'Betre tenester', payer: 'Nav', gainer: 'Samfunnet' }, o, { boardId: 'b1', elementId: 'e1', authorId: 'p1' });
    expect(c.benefits().map((b) => [b.what, b.payer, b.gainer, b.when, b.amount, b.source])).toEqual([
      ['Færre søknader', 'Kommunen', 'Familiane', '2027', 1_500_000, null],
      ['Betre tenester', 'Nav', 'Samfunnet', '', null, { boardId: 'b1', elementId: 'e1', authorId: 'p1' }],
    ]);
    c.updateItem('benefits', a, { [MF.amount]: null, [MF.when]: '2028' }, o);
    c.setItemText('benefits', a, MF.what, 'Færre skjema', o);
    expect(c.benefits()[0]).toMatchObject({ what: 'Færre skjema', when: '2028', amount: null });
    c.map('benefits').get(a)!.set(MF.amount, -5); // untrusted: a negative amount reads as none
    expect(c.benefits()[0]!.amount).toBeNull();
  });

  it('keeps a roadmap now / next / later with owners, in order', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    const first = c.addRoadmapItem({ text: 'Felles innsyn', horizon: 'now', owner: 'Nav' }, o);
    const second = c.addRoadmapItem({ text: 'Felles søknad', horizon: 'later' }, o);
    c.move('roadmap', second, null, first, o);
    expect(c.roadmap().map((r) => [r.text, r.horizon, r.owner])).toEqual([
      ['Felles søknad', 'later', ''],
      ['Felles innsyn', 'now', 'Nav'],
    ]);
    c.map('roadmap').get(first)!.set(MF.horizon, 'yesterday');
    expect(c.roadmap()[1]!.horizon).toBe('later');
  });

  it('finds overlapping services: the same target group and theme from different organisations', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    c.addService({ name: 'Ungdomslos', targetGroup: 'Unge 16–24', theme: 'Arbeid', organisationId: 'nav' }, o);
    c.addService({ name: 'Jobbsjansen', targetGroup: 'unge  16–24', theme: 'arbeid.', organisationId: 'bergen' }, o);
    c.addService({ name: 'Bustøtte', targetGroup: 'Unge 16–24', theme: 'Bustad', organisationId: 'husbanken' }, o);
    c.addService({ name: 'Oppfølging', targetGroup: 'Unge 16–24', theme: 'Arbeid', organisationId: 'nav' }, o);
    c.addService({ name: 'Utan tema', targetGroup: 'Unge 16–24', theme: '', organisationId: 'x' }, o);
    const groups = serviceOverlaps(c.services());
    expect(groups.map((g) => g.map((s) => s.name))).toEqual([['Ungdomslos', 'Jobbsjansen', 'Oppfølging']]);
    // Two services of one organisation alone do not overlap.
    expect(serviceOverlaps(c.services().filter((s) => s.organisationId === 'nav'))).toEqual([]);
  });

  it('keeps one life event with its owner, scope, mandate and funding', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    expect(c.lifeEvent()).toEqual({ name: '', owner: '', scope: '', mandate: '', funding: '' });
    c.setLifeEvent('name', 'Alvorleg sjukt barn', o);
    c.setLifeEvent('owner', 'Helsedirektoratet', o);
    c.setLifeEvent('scope', 'Frå diagnose til første år', o);
    const scope = c.doc.getMap('lifeEvent').get(MF.scope);
    c.setLifeEvent('scope', 'Frå diagnose', o);
    expect(c.doc.getMap('lifeEvent').get(MF.scope)).toBe(scope); // edited in place
    expect(c.lifeEvent()).toMatchObject({ name: 'Alvorleg sjukt barn', owner: 'Helsedirektoratet', scope: 'Frå diagnose' });
  });

  it('records where an imported actor or principle came from', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    const src = { boardId: 'b', elementId: 'e', authorId: 'p' };
    c.addActor({ name: 'Nav', kind: 'state_agency' }, o, src);
    c.addPrinciple('Brukaren først', 'fac', o, new Date(0), src);
    expect(c.actors()[0]!.source).toEqual(src);
    expect(c.principles()[0]!.source).toEqual(src);
    c.map('actors').get(c.actors()[0]!.id)!.delete(CF.sourceElement); // half a source is none
    expect(c.actors()[0]!.source).toBeNull();
  });
});
