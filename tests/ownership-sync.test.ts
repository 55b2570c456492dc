/**
 * Ownership inside the shared documents, enforced by the server per update (issue #13), tried
 * with stock y-websocket providers acting as the members: an organisation's self-assessment is
 * its own (and the facilitators'); board elements name their real author, whose fields never
 * change; a protected workshop keeps each organisation's elements to it; a proposed principle is
 * the facilitators' to edit and a closed or retired one nobody's; a funding line's figures are numbers and its organisation the workshop's. Refused updates close the sender with a
 * final 4422 and reach nobody; accepted ones leave a last-editor record (`GET …/changes`), and a
 * facilitator's change to another organisation's entry is audited with before and after.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../shared/board/board-doc.js';
import { CharterDoc } from '../shared/charter/charter-doc.js';
import { CloseCode } from '../shared/errors.js';
import { authorOf, call } from './helpers/api.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connected } from './helpers/socket.js';
import { closedFor, provider, synced, until } from './helpers/sync.js';

let s: TestServer;
let f: ThreeOrgs;
const newId = () => randomBytes(12).toString('base64url');
beforeAll(async () => {
  s = await startServer();
  f = await threeOrgs(s.base);
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

type Change = { room: string; key: string; memberId: string; organisationId: string | null; at: string };
const changes = async (room: string) => (await call<{ changes: Change[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/changes?room=${encodeURIComponent(room)}`, undefined, f.observer)).body.changes;
const audit = async () => (await call<{ entries: { type: string; actorId: string; data: Record<string, unknown> }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.observer)).body.entries;
const serverDoc = (room: string) => s.app.registry.rooms().find((r) => r.name === room)?.doc;
const refused = (rule: string) => expect.objectContaining({ code: CloseCode.updateRefused, reason: `update refused: ${rule}` });

/** A stock provider for `token`, synced. */
async function open(room: string, token: string) {
  const p = provider(s.wsBase, room, token);
  await synced(p);
  return p;
}

/** Makes the change as `token` and expects the connection to close with the rule; nothing is stored. */
async function expectRefused(room: string, token: string, rule: string, change: (doc: Y.Doc) => void): Promise<void> {
  const p = await open(room, token);
  const before = Y.encodeStateVector(serverDoc(room)!);
  const closed = closedFor(p);
  change(p.doc);
  expect(await closed).toEqual(refused(rule));
  p.destroy();
  expect(Buffer.from(Y.encodeStateVector(serverDoc(room)!)).equals(Buffer.from(before))).toBe(true);
}

describe('an organisation’s self-assessment in the charter', () => {
  it('is changed only by its members and facilitators; a facilitator’s change is audited with before and after', async () => {
    const room = f.charter;
    const [orgA, orgB] = f.orgs;
    const a = await open(room, f.participantA);
    new CharterDoc(a.doc, newId).setMaturity(orgA, 2, 'Vi deler data i dag', 'test');
    new CharterDoc(a.doc, newId).setParadox('domain_vs_it', orgA, 30, 'Fag først', 'test');
    await until(() => new CharterDoc(serverDoc(room)!, newId).maturity().length === 1, 5000, 'A’s own maturity stored');

    await expectRefused(room, f.participantB, 'ownership', (d) => new CharterDoc(d, newId).setMaturity(orgA, 1, 'Forfalska', 'test'));
    await expectRefused(room, f.participantB, 'ownership', (d) => new CharterDoc(d, newId).setParadox('domain_vs_it', orgA, 95, '', 'test'));
    await expectRefused(room, f.participantB, 'ownership', (d) => (new CharterDoc(d, newId).textOf('maturity', orgA, 'justification') as Y.Text).insert(0, 'Ikkje: '));
    expect(new CharterDoc(a.doc, newId).maturity()).toEqual([{ organisationId: orgA, generation: 2, justification: 'Vi deler data i dag', target: null, alsoOn: [] }]);

    const b = await open(room, f.participantB);
    new CharterDoc(b.doc, newId).setMaturity(orgB, 3, 'Vår eiga', 'test');
    await until(() => new CharterDoc(a.doc, newId).maturity().length === 2, 5000, 'B’s own maturity reaches A');

    const fac = await open(room, f.facilitator);
    new CharterDoc(fac.doc, newId).setMaturity(orgA, 3, 'Retta av fasilitator', 'test');
    await until(() => new CharterDoc(a.doc, newId).maturity().find((m) => m.organisationId === orgA)?.generation === 3, 5000, 'the facilitator’s change reaches A');
    await until(async () => (await audit()).some((e) => e.type === 'charter.changed'), 5000, 'the audit entry');
    const entry = (await audit()).find((e) => e.type === 'charter.changed')!;
    expect(entry.data).toEqual({
      collection: 'maturity',
      key: orgA,
      organisationId: orgA,
      before: { organisationId: orgA, generation: 2, justification: 'Vi deler data i dag', target: null, alsoOn: [] },
      after: { organisationId: orgA, generation: 3, justification: 'Retta av fasilitator', target: null, alsoOn: [] },
    });
    const facilitatorId = (await authorOf(s.base, f.workshop.id, f.facilitator)).id;
    expect(entry.actorId).toBe(facilitatorId);

    await until(async () => (await changes('charter')).length >= 3, 5000, 'last editors recorded');
    const byKey = new Map((await changes('charter')).map((c) => [c.key, c]));
    expect(byKey.get(`maturity/${orgA}`)).toMatchObject({ memberId: facilitatorId, organisationId: null });
    expect(byKey.get(`maturity/${orgB}`)).toMatchObject({ memberId: (await authorOf(s.base, f.workshop.id, f.participantB)).id, organisationId: orgB });
    expect(byKey.get(`paradoxes/domain_vs_it/${orgA}`)).toMatchObject({ organisationId: orgA });
    expect((await call(s.base, 'GET', `/api/workshops/${f.workshop.id}/changes?room=elsewhere`, undefined, f.observer)).status).toBe(400);

    // The charter export says who changed a self-assessment from outside its organisation.
    type Exported = { maturity: { organisationId: string; changedBy: { person: string; organisation: string | null; at: string } | null }[] };
    const exported = (await call<Exported>(s.base, 'GET', `/api/workshops/${f.workshop.id}/export/charter?format=json`, undefined, f.observer)).body;
    expect(exported.maturity.find((m) => m.organisationId === orgA)!.changedBy).toMatchObject({ person: 'Fasilitator Frida', organisation: null });
    expect(exported.maturity.find((m) => m.organisationId === orgB)!.changedBy).toBeNull();
    const md = await fetch(`${s.base}/api/workshops/${f.workshop.id}/export/charter?format=md`, { headers: { authorization: `Bearer ${f.observer}` } });
    // (Markdown escapes the brackets.)
    expect(await md.text()).toMatch(/\| Helsedirektoratet \| 3: Digitale tenester for eigne brukarar \| — \| — \| Retta av fasilitator \(endra av Fasilitator Frida /);
    for (const p of [a, b, fac]) p.destroy();
  });
});

describe('board elements', () => {
  it('name their sender, whose author fields never change; a protected workshop keeps each organisation’s elements to it', async () => {
    const room = f.workshop.boards[0]!.room;
    const [authorA, authorB] = await Promise.all([authorOf(s.base, f.workshop.id, f.participantA), authorOf(s.base, f.workshop.id, f.participantB)]);
    await expectRefused(room, f.participantB, 'author-field', (d) => new BoardDoc(d, newId).create({ kind: 'note', x: 0, y: 0, text: 'I A sitt namn' }, authorA, 'test'));
    await expectRefused(room, f.participantB, 'author-field', (d) => new BoardDoc(d, newId).create({ kind: 'note', x: 0, y: 0, text: 'Feil org' }, { ...authorB, organisationId: authorA.organisationId }, 'test'));

    const a = await open(room, f.participantA);
    const noteA = new BoardDoc(a.doc, newId).create({ kind: 'note', x: 0, y: 0, text: 'Lappen til A' }, authorA, 'test');
    await until(() => serverDoc(room)!.getMap('elements').has(noteA), 5000, 'A’s note stored');
    await expectRefused(room, f.participantB, 'author-field', (d) => (d.getMap('elements').get(noteA) as Y.Map<unknown>).set('authorId', authorB.id));

    // Open by default: B may edit A's note; the server records B as its last editor.
    const b = await open(room, f.participantB);
    new BoardDoc(b.doc, newId).textOf(noteA)!.insert(0, 'B legg til: ');
    await until(async () => (await changes(`board/${f.boardId}`)).some((c) => c.key === noteA && c.memberId === authorB.id), 5000, 'B as last editor');
    expect((await changes(`board/${f.boardId}`)).find((c) => c.key === noteA)).toMatchObject({ memberId: authorB.id, organisationId: authorB.organisationId });
    b.destroy();

    expect((await call(s.base, 'PATCH', `/api/workshops/${f.workshop.id}`, { protectOrganisationContent: 'yes' }, f.facilitator)).status).toBe(400);
    expect((await call(s.base, 'PATCH', `/api/workshops/${f.workshop.id}`, { protectOrganisationContent: true }, f.participantA)).status).toBe(403);
    const patched = await call<{ protectOrganisationContent: boolean }>(s.base, 'PATCH', `/api/workshops/${f.workshop.id}`, { protectOrganisationContent: true }, f.facilitator);
    expect(patched.status).toBe(200);
    expect(patched.body.protectOrganisationContent).toBe(true);
    await expectRefused(room, f.participantB, 'ownership', (d) => new BoardDoc(d, newId).textOf(noteA)!.insert(0, 'Endå meir: '));
    await expectRefused(room, f.participantB, 'ownership', (d) => new BoardDoc(d, newId).move([noteA], 50, 0, 'test'));
    await expectRefused(room, f.participantB, 'ownership', (d) => new BoardDoc(d, newId).delete([noteA], 'test'));
    expect(new BoardDoc(a.doc, newId).get(noteA)).toMatchObject({ x: 0, text: 'B legg til: Lappen til A' });

    // Its own organisation and the facilitators still may; elements without an organisation stay open.
    new BoardDoc(a.doc, newId).move([noteA], 10, 0, 'test');
    const fac = await open(room, f.facilitator);
    await until(() => new BoardDoc(fac.doc, newId).get(noteA)?.x === 10, 5000, 'A’s move');
    new BoardDoc(fac.doc, newId).move([noteA], 10, 0, 'test');
    const open_ = new BoardDoc(fac.doc, newId).create({ kind: 'note', x: 0, y: 200, text: 'Felles' }, await authorOf(s.base, f.workshop.id, f.facilitator), 'test');
    await until(() => new BoardDoc(a.doc, newId).get(noteA)?.x === 20 && new BoardDoc(a.doc, newId).get(open_) !== null, 5000, 'the facilitator’s changes reach A');
    const b2 = await open(room, f.participantB);
    new BoardDoc(b2.doc, newId).delete([open_], 'test');
    await until(() => new BoardDoc(a.doc, newId).get(open_) === null, 5000, 'B removes an element without an organisation');
    for (const p of [a, fac, b2]) p.destroy();
    await call(s.base, 'PATCH', `/api/workshops/${f.workshop.id}`, { protectOrganisationContent: false }, f.facilitator);
  });
});

describe('principles in the charter', () => {
  it('a proposed one is the facilitators’ to edit, a closed one nobody’s; a draft names its author', async () => {
    const room = f.charter;
    const authorA = await authorOf(s.base, f.workshop.id, f.participantA);
    await expectRefused(room, f.participantB, 'author-field', (d) => new CharterDoc(d, newId).addPrinciple('I namnet til A', authorA.id, 'test'));
    const id = (await call<{ id: string }>(s.base, 'POST', `/api/workshops/${f.workshop.id}/principles`, { text: 'Vi deler det vi kan' }, f.participantA)).body.id;
    const b = await open(room, f.participantB);
    new CharterDoc(b.doc, newId).setPrincipleText(id, 'Vi deler alt vi kan', 'test'); // a draft: co-created
    await until(() => new CharterDoc(serverDoc(room)!, newId).principle(id)?.text === 'Vi deler alt vi kan', 5000, 'B’s edit of the draft');
    b.destroy();

    const fac = await connected(s.base, f.facilitator);
    await fac.ok('principle.propose', { principleId: id });
    await expectRefused(room, f.participantB, 'principle-proposed', (d) => new CharterDoc(d, newId).setPrincipleText(id, 'Endra etter forslaget', 'test'));
    await expectRefused(room, f.participantA, 'principle-proposed', (d) => d.getMap('principles').delete(id));
    const facDoc = await open(room, f.facilitator);
    new CharterDoc(facDoc.doc, newId).setPrincipleText(id, 'Vi deler alt vi kan, trygt', 'test');
    await until(() => new CharterDoc(serverDoc(room)!, newId).principle(id)?.text === 'Vi deler alt vi kan, trygt', 5000, 'the facilitator’s edit');
    facDoc.destroy();
    await fac.ok('principle.propose', { principleId: id });
    await fac.ok('principle.close', { principleId: id });
    await expectRefused(room, f.facilitator, 'principle-closed', (d) => new CharterDoc(d, newId).setPrincipleText(id, 'Etter vedtaket', 'test'));
    await expectRefused(room, f.facilitator, 'principle-closed', (d) => d.getMap('principles').delete(id));

    const retired = (await call<{ id: string }>(s.base, 'POST', `/api/workshops/${f.workshop.id}/principles`, { text: 'Eit utkast som blir trekt' }, f.participantA)).body.id;
    await fac.ok('principle.retire', { principleId: retired, reason: 'Dekt av eit anna prinsipp' });
    await expectRefused(room, f.participantA, 'principle-retired', (d) => new CharterDoc(d, newId).setPrincipleText(retired, 'Likevel endra', 'test'));
    fac.close();
  });
});

describe('a funding line in the charter', () => {
  it('holds figures as numbers and names only an organisation of the workshop (issue #17)', async () => {
    const room = f.charter;
    const line = (d: Y.Doc, fields: Record<string, unknown>) => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ who: 'Kommunen', order: 'a0', ...fields })) m.set(k, v);
      d.getMap('funding').set(newId(), m);
    };
    await expectRefused(room, f.participantA, 'funding-field', (d) => line(d, { amount: '1 500 000 kr' }));
    await expectRefused(room, f.participantA, 'funding-field', (d) => line(d, { share: 140 }));
    await expectRefused(room, f.participantA, 'funding-organisation', (d) => line(d, { amount: 1, organisationId: 'not-an-organisation' }));
    const own = f.workshop.organisations[1]!.id;
    const a = await open(room, f.participantA);
    const id = new CharterDoc(a.doc, newId).addFunding({ who: 'Kommunen', amount: 1_500_000, share: 50, organisationId: own }, 'test');
    await until(() => new CharterDoc(serverDoc(room)!, newId).funding().some((x) => x.id === id && x.organisationId === own), 5000, 'the named funding line');
    a.destroy();
  });
});

describe('the vision', () => {
  it('refuses text written under a client id another member wrote with, so nobody is credited with someone else’s words', async () => {
    const room = `${f.workshop.id}/vision`;
    const paragraph = (doc: Y.Doc, text: string) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      doc.getXmlFragment('prosemirror').push([p]);
    };
    const a = provider(s.wsBase, room, f.participantA, new Y.Doc({ gc: false }));
    await synced(a);
    paragraph(a.doc, 'Ola skreiv dette.');
    const authorA = await authorOf(s.base, f.workshop.id, f.participantA);
    type Authors = { clients: Record<string, string> };
    const authors = async () => (await call<Authors>(s.base, 'GET', `/api/workshops/${f.workshop.id}/vision/authors`, undefined, f.observer)).body.clients;
    await until(async () => (await authors())[String(a.doc.clientID)] === authorA.id, 5000, 'A’s client id claimed');

    // A modified client writes on under A's client id: the update is made on a copy whose id is
    // set after it holds A's text (Yjs itself would pick a new id on seeing its own arrive), and
    // sent through B's stock provider.
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(a.doc));
    copy.clientID = a.doc.clientID;
    const updates: Uint8Array[] = [];
    copy.on('update', (u: Uint8Array) => updates.push(u));
    paragraph(copy, 'Kari skreiv dette i namnet til Ola.');
    const b = provider(s.wsBase, room, f.participantB, new Y.Doc({ gc: false }));
    await synced(b);
    const closed = closedFor(b);
    Y.applyUpdate(b.doc, updates[0]!);
    expect(await closed).toEqual(refused('client-id'));
    b.destroy();
    copy.destroy();

    // A goes on writing with its id; B's text never arrives.
    paragraph(a.doc, 'Ola held fram.');
    const witness = provider(s.wsBase, room, f.observer, new Y.Doc({ gc: false }));
    await synced(witness);
    await until(() => witness.doc.getXmlFragment('prosemirror').toString().includes('Ola held fram.'), 5000, 'A’s next paragraph');
    expect(witness.doc.getXmlFragment('prosemirror').toString()).not.toContain('Kari skreiv');
    for (const p of [a, witness]) p.destroy();
  });
});
