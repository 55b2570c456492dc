/**
 * Organisations endorse the vision as a whole (issue #17): `vision.endorse` on a milestone, with
 * real socket.io clients against a real server. A representative's stance counts for their own
 * organisation, is broadcast, listed with the milestone and written to the audit log; a newer one
 * replaces it. Hostile members get clear refusals and change nothing: a member who does not
 * represent their organisation, a facilitator or observer, a member naming another organisation,
 * a milestone of another workshop, and malformed payloads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberDto } from '../shared/api.js';
import type { AuditEntryDto as AuditEntry } from '../shared/audit.js';
import type { Broadcasts } from '../shared/realtime/index.js';
import type { MilestoneDto } from '../shared/vision/api.js';
import { call, createWorkshop, invite, join } from './helpers/api.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connected, connectedAll, type TestSocket } from './helpers/socket.js';

let s: TestServer;
let f: ThreeOrgs;
let fac: TestSocket;
let a: TestSocket;
let b: TestSocket;
let obs: TestSocket;
/** A second member of organisation A: not its representative. */
let ada: { token: string; sock: TestSocket };
let milestoneId: string;
let foreignMilestoneId: string;

const W = () => f.workshop.id;
const saveMilestone = async (workshopId: string, token: string, name: string) => {
  const r = await call<MilestoneDto>(s.base, 'POST', `/api/workshops/${workshopId}/milestones`, { name }, token);
  expect(r.status).toBe(201);
  expect(r.body.stances).toEqual([]);
  return r.body.id;
};
const milestones = async () => (await call<{ milestones: MilestoneDto[] }>(s.base, 'GET', `/api/workshops/${W()}/milestones`, undefined, f.observer)).body.milestones;
const stancesOf = async (id = milestoneId) => (await milestones()).find((m) => m.id === id)!.stances;
const audit = async () => (await call<{ entries: AuditEntry[] }>(s.base, 'GET', `/api/workshops/${W()}/audit`, undefined, f.facilitator)).body.entries;
const notRepresentative = { ok: false, error: { code: 'forbidden', details: { reason: 'not_representative' } } };

beforeAll(async () => {
  s = await startServer();
  f = await threeOrgs(s.base);
  const adaToken = (await join(s.base, (await invite(s.base, W(), f.facilitator, { role: 'participant', organisationId: f.orgs[0] })).token, 'Ada')).token;
  [fac, a, b, obs] = await connectedAll(s.base, f.facilitator, f.participantA, f.participantB, f.observer);
  ada = { token: adaToken, sock: await connected(s.base, adaToken) };
  milestoneId = await saveMilestone(W(), f.facilitator, 'Etter første samling');
  const other = await createWorkshop(s.base, 'Ein annan verkstad');
  foreignMilestoneId = await saveMilestone(other.id, other.token, 'Anna');
});
afterAll(async () => {
  for (const x of [fac, a, b, obs, ada?.sock]) x?.close();
  await s?.stop();
  s?.cleanup();
});

describe('vision.endorse', () => {
  it('records a representative’s stance for their organisation, broadcasts it and lists it with the milestone', async () => {
    const seen = obs.next<Broadcasts['vision.endorsed']>('vision.endorsed', (e) => e.milestoneId === milestoneId);
    const ack = await a.ok('vision.endorse', { milestoneId, stance: 'endorse' });
    const ola = (await call<{ members: MemberDto[] }>(s.base, 'GET', `/api/workshops/${W()}/members`, undefined, f.observer)).body.members.find((m) => m.displayName === 'Ola')!;
    expect(ack).toEqual({ milestoneId, stances: [{ organisationId: f.orgs[0], stance: 'endorse', memberId: ola.id, at: expect.any(String), reason: null }] });
    expect(await seen).toEqual({ seq: expect.any(Number), milestoneId, organisationId: f.orgs[0], stances: ack.stances });
    expect(await stancesOf()).toEqual(ack.stances);

    // An objection explains itself; it is listed in the organisations' order, B after A.
    const objection = await b.ok('vision.endorse', { milestoneId, stance: 'object', reason: '  Brukarane manglar i teksta.  ' });
    expect(objection.stances.map((x) => [x.organisationId, x.stance, x.reason])).toEqual([[f.orgs[0], 'endorse', null], [f.orgs[1], 'object', 'Brukarane manglar i teksta.']]);
  });

  it('replaces an organisation’s stance with its newer one, and the audit log keeps both', async () => {
    const before = (await audit()).filter((e) => e.type === 'vision.stance').length;
    const changed = await a.ok('vision.endorse', { milestoneId, stance: 'abstain', reason: 'Vi ventar på leiinga' });
    expect(changed.stances.filter((x) => x.organisationId === f.orgs[0])).toEqual([expect.objectContaining({ stance: 'abstain', reason: 'Vi ventar på leiinga' })]);
    const entries = (await audit()).filter((e) => e.type === 'vision.stance');
    expect(entries).toHaveLength(before + 1);
    expect(entries.map((e) => e.data)).toEqual([
      { milestoneId, name: 'Etter første samling', organisationId: f.orgs[0], stance: 'endorse', reason: null },
      { milestoneId, name: 'Etter første samling', organisationId: f.orgs[1], stance: 'object', reason: 'Brukarane manglar i teksta.' },
      { milestoneId, name: 'Etter første samling', organisationId: f.orgs[0], stance: 'abstain', reason: 'Vi ventar på leiinga', replaces: 'endorse' },
    ]);
  });

  it('refuses hostile members with a clear error, and changes nothing', async () => {
    const stances = await stancesOf();
    const entries = (await audit()).length;
    const broadcastsBefore = obs.names().filter((n) => n === 'vision.endorsed').length;
    const refusals: [TestSocket, unknown, object][] = [
      // A member who does not represent their organisation, facilitators (no organisation) and observers.
      [ada.sock, { milestoneId, stance: 'endorse' }, notRepresentative],
      [fac, { milestoneId, stance: 'endorse' }, { ok: false, error: { code: 'forbidden' } }],
      [obs, { milestoneId, stance: 'endorse' }, { ok: false, error: { code: 'forbidden' } }],
      // Identity comes from the session: naming another organisation is not a field.
      [b, { milestoneId, stance: 'endorse', organisationId: f.orgs[0] }, { ok: false, error: { code: 'validation_failed' } }],
      [ada.sock, { milestoneId, stance: 'endorse', organisationId: f.orgs[2] }, { ok: false, error: { code: 'validation_failed' } }],
      // A milestone of another workshop is no milestone here, nor is an unknown one.
      [b, { milestoneId: foreignMilestoneId, stance: 'endorse' }, { ok: false, error: { code: 'milestone_not_found', details: { field: 'milestoneId' } } }],
      [b, { milestoneId: 'AAAAAAAAAAAAAAAA', stance: 'endorse' }, { ok: false, error: { code: 'milestone_not_found' } }],
      // Bad payloads, each naming its field.
      [b, { milestoneId, stance: 'object' }, { ok: false, error: { code: 'validation_failed', details: { field: 'reason' } } }],
      [b, { milestoneId, stance: 'object', reason: '   ' }, { ok: false, error: { code: 'validation_failed', details: { field: 'reason' } } }],
      [b, { milestoneId, stance: 'veto' }, { ok: false, error: { code: 'validation_failed', details: { field: 'stance' } } }],
      [b, { milestoneId: '../../etc', stance: 'endorse' }, { ok: false, error: { code: 'validation_failed', details: { field: 'milestoneId' } } }],
      [b, { milestoneId, stance: 'abstain', reason: 'x'.repeat(5000) }, { ok: false, error: { code: 'validation_failed', details: { field: 'reason' } } }],
      [b, { milestoneId, stance: 'abstain', reason: 'a\u0000b' }, { ok: false, error: { code: 'validation_failed', details: { field: 'reason' } } }],
      [b, { stance: 'endorse' }, { ok: false, error: { code: 'validation_failed', details: { field: 'milestoneId' } } }],
      [b, 'endorse', { ok: false, error: { code: 'validation_failed', details: { field: '(payload)' } } }],
      [b, [milestoneId], { ok: false, error: { code: 'validation_failed' } }],
    ];
    for (const [sock, payload, refusal] of refusals) expect(await sock.cmd('vision.endorse', payload), JSON.stringify(payload).slice(0, 80)).toMatchObject(refusal);
    expect(await stancesOf()).toEqual(stances);
    expect((await audit()).length).toBe(entries);
    expect(obs.names().filter((n) => n === 'vision.endorsed').length).toBe(broadcastsBefore);
    expect((await call<{ milestones: MilestoneDto[] }>(s.base, 'GET', `/api/workshops/${W()}/milestones`, undefined, f.facilitator)).body.milestones).toHaveLength(1);
  });

  it('lets a member named representative take the stance, and stops one who stepped down', async () => {
    const adaId = (await call<{ me: MemberDto }>(s.base, 'GET', `/api/workshops/${W()}`, undefined, ada.token)).body.me.id;
    expect((await call(s.base, 'PATCH', `/api/workshops/${W()}/members/${adaId}`, { representative: true }, f.participantA)).status).toBe(200);
    const second = await saveMilestone(W(), f.facilitator, 'Etter andre samling');
    expect((await ada.sock.ok('vision.endorse', { milestoneId: second, stance: 'endorse' })).stances).toEqual([expect.objectContaining({ organisationId: f.orgs[0], memberId: adaId })]);
    // Stances are per milestone: the first one's are as they were.
    expect((await stancesOf()).map((x) => x.stance)).toEqual(['abstain', 'object']);
    expect((await call(s.base, 'PATCH', `/api/workshops/${W()}/members/${adaId}`, { representative: false }, ada.token)).status).toBe(200);
    expect(await ada.sock.cmd('vision.endorse', { milestoneId: second, stance: 'object', reason: 'Nei' })).toMatchObject(notRepresentative);
    expect((await stancesOf(second)).map((x) => x.stance)).toEqual(['endorse']);
  });
});
