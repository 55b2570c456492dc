/**
 * Issue #17: the service overlap inventory names an organisation per service, and a service is
 * that organisation's, like its self-assessment: a service naming an organisation (before or
 * after the update) is changed, renamed, handed over or deleted only by that organisation's
 * members and facilitators; a service naming none by anyone who may write. Tried with stock
 * y-websocket providers acting as the members; a refused update closes the sender (4422) and is
 * neither stored nor relayed. A facilitator's change to another organisation's service is audited
 * with before and after; every accepted change leaves a last-editor record.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CharterDoc } from '../shared/charter/charter-doc.js';
import { MF } from '../shared/charter/charter-methods.js';
import { CloseCode } from '../shared/errors.js';
import { authorOf, call } from './helpers/api.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
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

const serverDoc = () => s.app.registry.rooms().find((r) => r.name === f.charter)?.doc;
const serverServices = () => new CharterDoc(serverDoc()!, newId).services();
type Entry = { type: string; actorId: string; data: Record<string, unknown> };
const audit = async () => (await call<{ entries: Entry[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.observer)).body.entries;
type Change = { key: string; memberId: string; organisationId: string | null };
const changes = async () => (await call<{ changes: Change[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/changes?room=charter`, undefined, f.observer)).body.changes;

async function open(token: string) {
  const p = provider(s.wsBase, f.charter, token);
  await synced(p);
  return p;
}

/** Makes the change as `token` and expects the connection to close with the rule; nothing is stored. */
async function expectRefused(token: string, change: (c: CharterDoc, doc: Y.Doc) => void): Promise<void> {
  const p = await open(token);
  const before = Y.encodeStateVector(serverDoc()!);
  const closed = closedFor(p);
  change(new CharterDoc(p.doc, newId), p.doc);
  expect(await closed).toEqual(expect.objectContaining({ code: CloseCode.updateRefused, reason: 'update refused: ownership' }));
  p.destroy();
  expect(Buffer.from(Y.encodeStateVector(serverDoc()!)).equals(Buffer.from(before))).toBe(true);
}

describe('a service of the overlap inventory', () => {
  it('is its organisation’s (and the facilitators’) to change; a service naming no organisation is everyone’s', async () => {
    const [orgA, orgB] = f.orgs;
    const a = await open(f.participantA);
    const ca = new CharterDoc(a.doc, newId);
    const mine = ca.addService({ name: 'Ungdomslos', targetGroup: 'Unge 16–24', theme: 'Arbeid', organisationId: orgA }, 'test');
    ca.updateItem('services', mine, { [MF.theme]: 'Arbeid og utdanning' }, 'test');
    await until(() => serverServices().some((x) => x.id === mine && x.theme === 'Arbeid og utdanning'), 5000, 'A’s own service stored');

    // B, hostile: renames, re-themes, hands over, deletes, replaces A's service, or names A on a new one.
    await expectRefused(f.participantB, (c) => c.updateItem('services', mine, { [MF.name]: 'Kapra' }, 'test'));
    await expectRefused(f.participantB, (c) => c.updateItem('services', mine, { [MF.organisationId]: orgB }, 'test'));
    await expectRefused(f.participantB, (c) => c.updateItem('services', mine, { [MF.organisationId]: null }, 'test'));
    await expectRefused(f.participantB, (c) => c.remove('services', mine, 'test'));
    await expectRefused(f.participantB, (_c, d) => d.getMap('services').set(mine, new Y.Map([[MF.name, 'Ny'], [MF.organisationId, orgB]])));
    await expectRefused(f.participantB, (c) => c.addService({ name: 'I namnet til A', targetGroup: 'Unge', theme: 'Arbeid', organisationId: orgA }, 'test'));
    expect(serverServices().find((x) => x.id === mine)).toMatchObject({ name: 'Ungdomslos', organisationId: orgA });

    // B's own service, and one naming nobody: A may change the latter, not take B's or hand it to B.
    const b = await open(f.participantB);
    const cb = new CharterDoc(b.doc, newId);
    const theirs = cb.addService({ name: 'Jobbsjansen', targetGroup: 'Unge 16–24', theme: 'Arbeid', organisationId: orgB }, 'test');
    const nobodys = cb.addService({ name: 'Bustøtte', targetGroup: 'Unge 16–24', theme: 'Bustad' }, 'test');
    await until(() => new CharterDoc(a.doc, newId).services().length === 3, 5000, 'B’s services reach A');
    ca.updateItem('services', nobodys, { [MF.theme]: 'Bustad og økonomi' }, 'test');
    await until(() => serverServices().find((x) => x.id === nobodys)?.theme === 'Bustad og økonomi', 5000, 'A’s edit of a service naming nobody');
    await expectRefused(f.participantA, (c) => c.updateItem('services', nobodys, { [MF.organisationId]: orgB }, 'test'));
    await expectRefused(f.participantA, (c) => c.updateItem('services', theirs, { [MF.targetGroup]: 'Vaksne' }, 'test'));
    // Handing it to its own organisation is A's to do.
    ca.updateItem('services', nobodys, { [MF.organisationId]: orgA }, 'test');
    await until(() => serverServices().find((x) => x.id === nobodys)?.organisationId === orgA, 5000, 'A takes the service naming nobody');

    // A facilitator may change any of them; changing another organisation's is audited.
    const fac = await open(f.facilitator);
    new CharterDoc(fac.doc, newId).updateItem('services', theirs, { [MF.name]: 'Jobbsjansen Bergen' }, 'test');
    await until(() => new CharterDoc(a.doc, newId).services().some((x) => x.id === theirs && x.name === 'Jobbsjansen Bergen'), 5000, 'the facilitator’s change reaches A');
    await until(async () => (await audit()).some((e) => e.type === 'charter.changed' && e.data.collection === 'services'), 5000, 'the audit entry');
    const entry = (await audit()).find((e) => e.type === 'charter.changed' && e.data.collection === 'services')!;
    expect(entry.actorId).toBe((await authorOf(s.base, f.workshop.id, f.facilitator)).id);
    expect(entry.data).toMatchObject({ key: theirs, organisationId: orgB, before: { name: 'Jobbsjansen', organisationId: orgB }, after: { name: 'Jobbsjansen Bergen', organisationId: orgB } });

    const byKey = new Map((await changes()).map((c) => [c.key, c]));
    expect(byKey.get(`services/${mine}`)).toMatchObject({ memberId: (await authorOf(s.base, f.workshop.id, f.participantA)).id, organisationId: orgA });
    for (const p of [a, b, fac]) p.destroy();
  });
});
