import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CharterDoc } from './charter-doc.js';
import { migrateCharter } from './migrations.js';
import { CF, CharterKey, readActor, readBody, readMaturity, readParadox, readPrinciple, readRelation } from './schema.js';

let n = 0;
const newId = () => `id${String(++n).padStart(14, '0')}`;
const local = { local: true };
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('CharterDoc', () => {
  it('keeps an actor map: actors in order, relations only between existing actors', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    const nav = c.addActor({ name: 'NAV', kind: 'state_agency', needs: 'Felles data' }, local);
    const bergen = c.addActor({ name: 'Bergen kommune', kind: 'municipality' }, local);
    const rel = c.addRelation(nav, bergen, 'delivers_data_to', local);
    expect(c.actors().map((a) => a.name)).toEqual(['NAV', 'Bergen kommune']);
    expect(c.actors()[0]).toMatchObject({ kind: 'state_agency', needs: 'Felles data', x: null });
    expect(c.relations()).toEqual([{ id: rel, from: nav, to: bergen, kind: 'delivers_data_to', note: '' }]);
    c.setActorText(nav, 'gains', 'Færre søknader', local);
    expect(c.actors()[0]!.gains).toBe('Færre søknader');
    c.move('actors', bergen, null, nav, local);
    expect(c.actors().map((a) => a.name)).toEqual(['Bergen kommune', 'NAV']);
    c.removeActor(bergen, local);
    expect(c.relations()).toEqual([]);
    expect(c.map('relations').size).toBe(0);
  });

  it('edits relations, escalation steps and decision labels in place, keeping their ids', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    const [a, b, d] = ['A', 'B', 'D'].map((name) => c.addActor({ name, kind: 'ngo' }, 'test'));
    const rel = c.addRelation(a!, b!, 'funds', 'test', 'pengar');
    c.updateRelation(rel, { to: d!, kind: 'serves' }, 'test');
    expect(c.relations()).toEqual([{ id: rel, from: a, to: d, kind: 'serves', note: 'pengar' }]);
    const step = c.addEscalationStep('Arbeidsgruppe', null, 'test');
    c.updateEscalationStep(step, { label: 'Styringsgruppe', bodyId: 'body-1' }, 'test');
    expect(c.escalation().map((s) => [s.id, s.label, s.bodyId])).toEqual([[step, 'Styringsgruppe', 'body-1']]);
    const dec = c.addDecision('Budsjett', 'test');
    c.setDecisionLabel(dec, 'Årsbudsjett', 'test');
    expect(c.decisions().map((x) => [x.id, x.label])).toEqual([[dec, 'Årsbudsjett']]);
  });

  it('keeps where an organisation wants to be and the other steps it stands on, through every way of writing its entry', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    c.updateMaturity('orgA', { target: 4 }, local);
    expect(c.maturity()).toEqual([]); // no step today: nothing to aim from
    c.updateMaturity('orgA', { generation: 2, target: 4, alsoOn: [3, 2, 3] }, local);
    expect(c.maturity()).toEqual([{ organisationId: 'orgA', generation: 2, justification: '', target: 4, alsoOn: [3] }]);
    const text = c.textOf('maturity', 'orgA', CF.justification);
    c.setMaturityJustification('orgA', 'Fagsystem, men data delt med Nav', local);
    expect(c.textOf('maturity', 'orgA', CF.justification)).toBe(text);
    c.setMaturity('orgA', 3, 'Ny vurdering', local); // a revealed answer: today moves, the rest stays
    expect(c.maturity()[0]).toEqual({ organisationId: 'orgA', generation: 3, justification: 'Ny vurdering', target: 4, alsoOn: [] });
    c.updateMaturity('orgA', { target: null, alsoOn: [1] }, local);
    expect(c.maturity()[0]).toMatchObject({ generation: 3, target: null, alsoOn: [1] });
    // Untrusted fields: junk is dropped, today's step is never also listed as another step.
    const m = c.map('maturity').get('orgA')!;
    m.set(CF.target, 9);
    m.set(CF.alsoOn, [3, 'x', 2, 7]);
    expect(c.maturity()[0]).toMatchObject({ target: null, alsoOn: [2] });
  });

  it('keeps where the partnership wants to be on each paradox axis, apart from the organisations', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    c.setParadoxTarget('local_vs_central', 72.4, 'Meir felles', local);
    c.setParadoxTarget('domain_vs_it', 130, '', local);
    expect(c.paradoxTargets()).toEqual([
      { axis: 'local_vs_central', position: 72, note: 'Meir felles' },
      { axis: 'domain_vs_it', position: 100, note: '' },
    ]);
    const note = c.textOf('paradoxTargets', 'local_vs_central', CF.note);
    c.setParadoxTarget('local_vs_central', 60, 'Meir felles', local);
    expect(c.textOf('paradoxTargets', 'local_vs_central', CF.note)).toBe(note);
    c.setParadoxTarget('domain_vs_it', null, '', local);
    c.map('paradoxTargets').set('not_an_axis', new Y.Map());
    expect(c.paradoxTargets()).toEqual([{ axis: 'local_vs_central', position: 60, note: 'Meir felles' }]);
    expect(c.paradoxes()).toEqual([]);
  });

  it('stores maturity, paradox positions and a governance model', () => {
    const c = new CharterDoc(new Y.Doc(), newId);
    c.setMaturity('orgA', 3, 'Eigne prosessar, felles brukarar', local);
    c.setParadox('domain_vs_it', 'orgA', 140, 'IT-tung', local);
    expect(c.maturity()).toEqual([{ organisationId: 'orgA', generation: 3, justification: 'Eigne prosessar, felles brukarar', target: null, alsoOn: [] }]);
    expect(c.paradoxes()).toEqual([{ axis: 'domain_vs_it', organisationId: 'orgA', position: 100, note: 'IT-tung' }]);
    const board = c.addBody({ name: 'Styringsgruppe', members: ['orgB', 'orgA'], rule: 'consent', rhythm: 'monthly' }, local);
    c.setBodyMember(board, 'orgC', true, local);
    c.setBodyMember(board, 'orgB', false, local);
    expect(c.bodies()[0]).toMatchObject({ name: 'Styringsgruppe', members: ['orgA', 'orgC'], rule: 'consent', rhythm: 'monthly' });
    const s1 = c.addEscalationStep('Arbeidsgruppe', null, local);
    const s2 = c.addEscalationStep('Styringsgruppe', board, local);
    c.move('escalation', s2, null, s1, local);
    expect(c.escalation().map((s) => s.bodyId)).toEqual([board, null]);
    c.addFunding({ who: 'Sju departement', amount: 12_000_000, share: 70 }, local);
    expect(c.funding()[0]).toMatchObject({ who: 'Sju departement', amount: 12_000_000, share: 70, organisationId: null });
    // Issue #17: a funding line may name a participating organisation, and drop it again.
    const named = c.addFunding({ who: 'Bergen', amount: 500_000, share: 30, organisationId: 'orgB' }, local);
    expect(c.funding().find((f) => f.id === named)).toMatchObject({ organisationId: 'orgB' });
    c.updateFunding(named, { organisationId: null }, local);
    expect(c.funding().find((f) => f.id === named)).toMatchObject({ organisationId: null, amount: 500_000 });
    const d = c.addDecision('Prioritere tenester', local);
    c.setResponsibility(d, board, 'decide', local);
    c.setResponsibility(d, 'orgA', 'consult', local);
    c.setResponsibility(d, 'orgA', null, local);
    expect(c.decisions()).toEqual([expect.objectContaining({ label: 'Prioritere tenester', cells: { [board]: 'decide' } })]);
  });

  it('orders principle drafts by fractional index so concurrent moves both hold', () => {
    const d1 = new Y.Doc();
    const d2 = new Y.Doc();
    const c1 = new CharterDoc(d1, newId);
    const c2 = new CharterDoc(d2, newId);
    const a = c1.addPrinciple('Vi byggjer på felles nasjonale plattformer', 'm1', local);
    const b = c1.addPrinciple('Brukaren fortel berre éin gong', 'm1', local);
    const c = c1.addPrinciple('Open kjeldekode', 'm1', local);
    sync(d1, d2);
    c1.move('principles', c, null, a, local);
    c2.move('principles', a, c, null, local);
    sync(d1, d2);
    expect(c1.principles().map((p) => p.id)).toEqual(c2.principles().map((p) => p.id));
    c2.setPrincipleText(b, 'Brukaren fortel berre éin gong (endra)', local);
    sync(d1, d2);
    expect(c1.principle(b)?.text).toBe('Brukaren fortel berre éin gong (endra)');
    expect(c1.textOf('principles', b, CF.text)).toBeInstanceOf(Y.Text);
  });

  it('reads hostile or broken maps safely', () => {
    const doc = new Y.Doc();
    const put = (key: keyof typeof CharterKey, id: string, fields: Record<string, unknown>) => {
      const m = new Y.Map<unknown>();
      doc.getMap<Y.Map<unknown>>(CharterKey[key]).set(id, m);
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
      return m;
    };
    expect(readActor('a', put('actors', 'a', { [CF.kind]: 'pirate', [CF.name]: 'x' }))).toBeNull();
    expect(readActor('b', put('actors', 'b', { [CF.kind]: 'ngo', [CF.name]: 42, [CF.x]: Number.NaN, [CF.needs]: 'x'.repeat(20_000) }))).toMatchObject({
      name: '', x: null, needs: 'x'.repeat(10_000),
    });
    expect(readRelation('r', put('relations', 'r', { [CF.kind]: 'serves', [CF.from]: 'a' }))).toBeNull();
    expect(readMaturity('o', put('maturity', 'o', { [CF.generation]: 5 }))).toBeNull();
    expect(readParadox('nonsense/o', put('paradoxes', 'nonsense/o', { [CF.position]: 50 }))).toBeNull();
    expect(readParadox('domain_vs_it/o', put('paradoxes', 'domain_vs_it/o', { [CF.position]: -3 }))?.position).toBe(0);
    expect(readBody('g', put('bodies', 'g', { [CF.rule]: 'dictator', [CF.members]: 'all' }))).toMatchObject({ rule: 'consensus', members: [] });
    expect(readPrinciple('p', put('principles', 'p', { [CF.text]: 'plain string' }))).toBeNull();
    const c = new CharterDoc(doc, newId);
    expect(c.actors().map((a) => a.id)).toEqual(['b']);
    // A hostile order key does not break inserts after it.
    doc.getMap<Y.Map<unknown>>(CharterKey.actors).get('b')!.set(CF.order, '!!!');
    expect(() => c.addActor({ name: 'Ny', kind: 'company' }, local)).not.toThrow();
  });

  it('migrates once and records the schema version', () => {
    const doc = new Y.Doc();
    expect(migrateCharter(doc, local)).toEqual(['001_initial', '002_targets_and_more_steps', '003_funding_organisation']);
    expect(migrateCharter(doc, local)).toEqual([]);
    expect(doc.getMap(CharterKey.meta).get(CharterKey.schemaVersion)).toBe(3);
    // A v1 document (what every charter was before issue #17) takes only the new migration, and keeps its entries.
    const v1 = new Y.Doc();
    v1.getMap(CharterKey.meta).set(CharterKey.schemaVersion, 1);
    new CharterDoc(v1, newId).setMaturity('orgA', 2, 'i dag', local);
    expect(migrateCharter(v1, local)).toEqual(['002_targets_and_more_steps', '003_funding_organisation']);
    expect(new CharterDoc(v1, newId).maturity()).toEqual([{ organisationId: 'orgA', generation: 2, justification: 'i dag', target: null, alsoOn: [] }]);
  });
});
