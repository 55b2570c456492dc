/**
 * Principles end to end: drafts over REST, proposals bound to a text hash, stances for the
 * caller's own organisation only, the three decision rules, stale after an edit through a real
 * y-websocket client, and the audit chain (verified, and a tampered row detected).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardDoc } from '../shared/board/board-doc.js';
import { CharterDoc } from '../shared/charter/charter-doc.js';
import type { Broadcasts, PrincipleView } from '../shared/realtime/index.js';
import { call } from './helpers/api.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connected, connectedAll, type TestSocket } from './helpers/socket.js';
import { provider, synced, until } from './helpers/sync.js';

let s: TestServer;
let f: ThreeOrgs;
let fac: TestSocket;
let a: TestSocket;
let b: TestSocket;
let c: TestSocket;

beforeAll(async () => {
  s = await startServer();
  f = await threeOrgs(s.base);
  [fac, a, b, c] = await connectedAll(s.base, f.facilitator, f.participantA, f.participantB, f.participantC);
});
afterAll(async () => {
  for (const x of [fac, a, b, c]) x?.close();
  await s.stop();
  s.cleanup();
});

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const draft = async (text: string, token = f.participantA) => {
  const r = await call<{ id: string }>(s.base, 'POST', `/api/workshops/${f.workshop.id}/principles`, { text }, token);
  expect(r.status).toBe(201);
  return r.body.id;
};
const list = async () => (await call<{ principles: PrincipleView[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/principles`, undefined, f.observer)).body.principles;
const setRule = (decisionRule: string) => call(s.base, 'PATCH', `/api/workshops/${f.workshop.id}`, { decisionRule }, f.facilitator);

describe('principles', () => {
  it('creates drafts over REST (members who write, not observers)', async () => {
    expect((await call(s.base, 'POST', `/api/workshops/${f.workshop.id}/principles`, { text: 'x' }, f.observer)).status).toBe(403);
    expect((await call(s.base, 'POST', `/api/workshops/${f.workshop.id}/principles`, { text: '   ' }, f.participantA)).status).toBe(400);
    const id = await draft('Vi byggjer på felles nasjonale plattformer før vi byggjer eigne');
    const drafts = await s.app.registry.read(f.charter, (d) => new CharterDoc(d, () => 'x').principles());
    expect(drafts.find((p) => p.id === id)?.text).toBe('Vi byggjer på felles nasjonale plattformer før vi byggjer eigne');
    expect((await list()).find((p) => p.principleId === id)).toMatchObject({ status: 'draft', textHash: null, stances: [] });
  });

  it('consensus: every organisation endorses, for its own organisation only', async () => {
    const text = 'Brukaren skal berre fortelje éin gong';
    const id = await draft(text);
    expect(await fac.cmd('principle.endorse', { principleId: id, stance: 'endorse' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await a.cmd('principle.endorse', { principleId: id, stance: 'endorse' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const proposed = b.next<Broadcasts['principle.proposed']>('principle.proposed', (e) => e.principle.principleId === id);
    const p = await fac.ok('principle.propose', { principleId: id });
    expect(p).toMatchObject({ status: 'open', rule: 'consensus', textHash: sha(text), proposedText: text });
    // The observer of organisation A does not make it participate twice; the facilitator has none.
    expect([...p.participating].sort()).toEqual([...f.orgs].sort());
    expect((await proposed).principle.textHash).toBe(sha(text));

    // Identity comes from the session: an organisationId in the payload is refused, observers may not take a stance.
    expect(await a.cmd('principle.endorse', { principleId: id, stance: 'endorse', organisationId: f.orgs[1] })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const observerA = await connected(s.base, f.observerA);
    expect(await observerA.cmd('principle.endorse', { principleId: id, stance: 'endorse' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    observerA.close();
    expect(await b.cmd('principle.endorse', { principleId: id, stance: 'object' })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'reason' } } });

    expect((await a.ok('principle.endorse', { principleId: id, stance: 'endorse' })).stances).toEqual([
      expect.objectContaining({ organisationId: f.orgs[0], stance: 'endorse', reason: null }),
    ]);
    expect((await b.ok('principle.endorse', { principleId: id, stance: 'object', reason: 'Manglar heimel for deling' })).status).toBe('blocked');
    expect((await b.ok('principle.endorse', { principleId: id, stance: 'endorse' })).status).toBe('open');
    const endorsed = a.next<Broadcasts['principle.endorsed']>('principle.endorsed', (e) => e.principle.principleId === id && e.principle.status === 'agreed');
    expect((await c.ok('principle.endorse', { principleId: id, stance: 'endorse' })).status).toBe('agreed');
    expect((await endorsed).principle.stances.map((x) => x.organisationId).sort()).toEqual([...f.orgs].sort());

    const listed = (await list()).find((x) => x.principleId === id)!;
    expect(listed).toMatchObject({ text, status: 'agreed', textHash: sha(text), currentHash: sha(text) });
    expect(listed.stances.every((x) => x.memberId && x.at)).toBe(true);
  });

  it('an edit after the proposal makes it stale until it is proposed again', async () => {
    const id = await draft('Open kjeldekode som standard');
    await fac.ok('principle.propose', { principleId: id });
    await a.ok('principle.endorse', { principleId: id, stance: 'endorse' });

    // Only a facilitator may change a proposed principle's text (issue #13; tests/ownership-sync.test.ts).
    const client = provider(s.wsBase, f.charter, f.facilitator);
    await synced(client);
    new CharterDoc(client.doc, () => 'unused').setPrincipleText(id, 'Open kjeldekode når det er mogleg', 'test');
    await until(async () => (await list()).find((x) => x.principleId === id)?.status === 'stale', 5000, 'stale status');
    client.destroy();
    const stale = (await list()).find((x) => x.principleId === id)!;
    expect(stale.stances).toHaveLength(1);
    expect(stale.currentHash).not.toBe(stale.textHash);
    expect(await b.cmd('principle.endorse', { principleId: id, stance: 'endorse' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Closing would record an outcome for a text nobody sees any more: refused until proposed again.
    expect(await fac.cmd('principle.close', { principleId: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const again = await fac.ok('principle.propose', { principleId: id });
    expect(again).toMatchObject({ status: 'open', proposedText: 'Open kjeldekode når det er mogleg', stances: [] });
    expect(again.textHash).toBe(sha('Open kjeldekode når det er mogleg'));
  });

  it('consent: no objections once all have responded, or when the facilitator closes', async () => {
    expect((await setRule('consent')).status).toBe(200);
    await fac.next<Broadcasts['settings.changed']>('settings.changed', (e) => e.decisionRule === 'consent');
    const quiet = await draft('Vi deler data gjennom felles API');
    expect((await fac.ok('principle.propose', { principleId: quiet })).rule).toBe('consent');
    await a.ok('principle.endorse', { principleId: quiet, stance: 'endorse' });
    expect((await b.ok('principle.endorse', { principleId: quiet, stance: 'abstain' })).status).toBe('open');
    expect((await fac.ok('principle.close', { principleId: quiet })).status).toBe('agreed');
    expect(await c.cmd('principle.endorse', { principleId: quiet, stance: 'object', reason: 'For seint' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const objected = await draft('Kvar verksemd drifter sin eigen portal');
    await fac.ok('principle.propose', { principleId: objected });
    expect((await c.ok('principle.endorse', { principleId: objected, stance: 'object', reason: 'Motverkar felles løysingar' })).status).toBe('blocked');
    expect((await fac.ok('principle.close', { principleId: objected })).status).toBe('rejected');
  });

  it('majority: more than half of the organisations; the rule in force at proposal stays', async () => {
    const underConsent = await draft('Tenester vert designa rundt livshendingar');
    await fac.ok('principle.propose', { principleId: underConsent });
    expect((await setRule('majority')).status).toBe(200);
    const id = await draft('Felles finansiering etter nytte');
    expect((await fac.ok('principle.propose', { principleId: id })).rule).toBe('majority');
    await a.ok('principle.endorse', { principleId: id, stance: 'endorse' });
    await c.ok('principle.endorse', { principleId: id, stance: 'object', reason: 'Uklar fordeling' });
    expect((await b.ok('principle.endorse', { principleId: id, stance: 'endorse' })).status).toBe('agreed');
    expect((await list()).find((x) => x.principleId === underConsent)?.rule).toBe('consent');
    expect((await call(s.base, 'GET', `/api/workshops/${f.workshop.id}`, undefined, f.observer)).body).toMatchObject({ decisionRule: 'majority' });
  });

  it('a facilitator removes content; the audit log records what, participants may not', async () => {
    const id = await draft('Eit innlegg utanfor temaet');
    expect(await a.cmd('content.remove', { room: 'charter', collection: 'principles', id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const removed = c.next<Broadcasts['content.removed']>('content.removed', (e) => e.id === id);
    expect(await fac.ok('content.remove', { room: 'charter', collection: 'principles', id })).toEqual({ removed: true });
    expect(await removed).toMatchObject({ room: 'charter', collection: 'principles', by: f.workshop.me.id });
    expect(await fac.ok('content.remove', { room: 'charter', collection: 'principles', id })).toEqual({ removed: false });
    expect((await list()).some((p) => p.principleId === id)).toBe(false);
    let note = '';
    await s.app.registry.change(f.board, (d) => {
      note = new BoardDoc(d, () => 'note-to-remove-1').create({ kind: 'note', x: 0, y: 0, text: 'Støy' }, { id: 'm', name: 'M', organisationId: null, organisationName: null }, 'test');
    });
    expect(await fac.ok('content.remove', { room: 'board', boardId: f.boardId, id: note })).toEqual({ removed: true });
    const log = (await call<{ entries: { type: string; data: Record<string, unknown> }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body;
    const entries = log.entries.filter((e) => e.type === 'content.removed');
    expect(entries.map((e) => e.data.removed)).toEqual([{ text: 'Eit innlegg utanfor temaet' }, { kind: 'note', text: 'Støy' }]);
  });

  it('proposes only the text the facilitator sees: waits for it, or refuses without proposing', async () => {
    const id = await draft('Tekst på skjermen');
    const before = (await call<{ entries: unknown[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body.entries.length;
    const refused = await fac.cmd('principle.propose', { principleId: id, expectedText: 'Tekst som aldri kjem fram' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await call<{ entries: unknown[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body.entries.length).toBe(before);
    // An edit still on its way through the sync connection: the proposal waits for it.
    const p = provider(s.wsBase, f.charter, f.facilitator);
    await synced(p);
    const proposing = fac.cmd('principle.propose', { principleId: id, expectedText: 'Tekst på skjermen, retta' });
    await new Promise((r) => setTimeout(r, 200));
    new CharterDoc(p.doc, () => 'x').setPrincipleText(id, 'Tekst på skjermen, retta', 'test');
    expect(await proposing).toMatchObject({ ok: true, data: { proposedText: 'Tekst på skjermen, retta' } });
    p.destroy();
  }, 15_000);

  it('the audit log tells the story, verifies, and shows a tampered row', async () => {
    type Log = { entries: { seq: number; type: string; data: Record<string, unknown> }[]; verification: { ok: boolean; brokenAt?: number } };
    const log = (await call<Log>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.participantC)).body;
    expect(log.verification).toEqual({ ok: true });
    const types = log.entries.map((e) => e.type);
    for (const t of ['workshop.created', 'invite.created', 'member.joined', 'principle.proposed', 'principle.stance', 'principle.closed', 'workshop.updated']) expect(types).toContain(t);
    const objection = log.entries.find((e) => e.type === 'principle.stance' && e.data.stance === 'object')!;
    expect(objection.data).toMatchObject({ organisationId: f.orgs[1], reason: 'Manglar heimel for deling' });

    const db = new Database(path.join(s.dataDir, 'samskap.sqlite'));
    try {
      db.prepare('UPDATE audit SET data = ? WHERE workshop_id = ? AND seq = ?').run(JSON.stringify({ ...objection.data, stance: 'endorse' }), f.workshop.id, objection.seq);
    } finally {
      db.close();
    }
    const tampered = (await call<Log>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body;
    expect(tampered.verification).toEqual({ ok: false, brokenAt: objection.seq });
    expect((await call(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`)).status).toBe(401);
  });
});
