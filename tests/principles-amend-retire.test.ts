/**
 * Agreements that hold (issue #13), over real socket.io clients: a participant cannot delete a
 * proposed or adopted principle through `content.remove`; a closed principle is frozen for the
 * facilitator too, and a proposal it deletes is shown as deleted; retiring is audited with its reason and shown in every export; an amendment
 * goes amend → propose → endorse → close while the adopted original keeps its status and stances,
 * and is then shown as superseded.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CharterExport } from '../shared/export/charter-export.js';
import type { Broadcasts, PrincipleView } from '../shared/realtime/index.js';
import { call } from './helpers/api.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connectedAll, type TestSocket } from './helpers/socket.js';

let s: TestServer;
let f: ThreeOrgs;
let fac: TestSocket;
let a: TestSocket;
let b: TestSocket;
let c: TestSocket;
let obs: TestSocket;

beforeAll(async () => {
  s = await startServer({ EXPORTS_PER_MINUTE: '100000' });
  f = await threeOrgs(s.base);
  [fac, a, b, c, obs] = await connectedAll(s.base, f.facilitator, f.participantA, f.participantB, f.participantC, f.observer);
});
afterAll(async () => {
  for (const x of [fac, a, b, c, obs]) x?.close();
  await s.stop();
  s.cleanup();
});

const W = () => f.workshop.id;
const draft = async (text: string) => (await call<{ id: string }>(s.base, 'POST', `/api/workshops/${W()}/principles`, { text }, f.participantA)).body.id;
const list = async () => (await call<{ principles: PrincipleView[] }>(s.base, 'GET', `/api/workshops/${W()}/principles`, undefined, f.observer)).body.principles;
const one = async (id: string) => (await list()).find((p) => p.principleId === id)!;
const audit = async () => (await call<{ entries: { type: string; actorId: string; data: Record<string, unknown> }[] }>(s.base, 'GET', `/api/workshops/${W()}/audit`, undefined, f.facilitator)).body.entries;
const remove = (sock: TestSocket, id: string) => sock.cmd('content.remove', { room: 'charter', collection: 'principles', id });
const exported = async (format: string, lang = 'en') => {
  const r = await fetch(`${s.base}/api/workshops/${W()}/export/charter?format=${format}&lang=${lang}&all=true`, { headers: { authorization: `Bearer ${f.facilitator}` } });
  expect(r.status).toBe(200);
  return Buffer.from(await r.arrayBuffer());
};
/** Drafts, proposes and has all three organisations endorse; closes it unless told not to. */
async function adopted(text: string, close = true): Promise<string> {
  const id = await draft(text);
  await fac.ok('principle.propose', { principleId: id });
  for (const x of [a, b, c]) await x.ok('principle.endorse', { principleId: id, stance: 'endorse' });
  if (close) expect(await fac.ok('principle.close', { principleId: id })).toMatchObject({ status: 'agreed', closed: true });
  return id;
}

describe('deleting and retiring principles', () => {
  it('refuses a participant deleting a proposed or an adopted principle, and a facilitator deleting a closed one', async () => {
    const open = await adopted('Vi deler data før vi ber om dei på nytt', false);
    const closed = await adopted('Vi byggjer på felles nasjonale plattformer');
    for (const id of [open, closed]) expect(await remove(a, id), id).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await remove(fac, closed)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await list()).map((p) => p.principleId)).toEqual(expect.arrayContaining([open, closed]));
    expect(await one(closed)).toMatchObject({ status: 'agreed', text: 'Vi byggjer på felles nasjonale plattformer' });
    // A proposed (not closed) principle: the facilitator may still delete it.
    expect(await fac.ok('content.remove', { room: 'charter', collection: 'principles', id: open })).toEqual({ removed: true });
    // Its proposal stays in the record, and every view says the draft was deleted rather than list it as if nothing happened.
    expect(await one(open)).toMatchObject({ removed: true, proposedText: 'Vi deler data før vi ber om dei på nytt' });
    expect(await one(closed)).toMatchObject({ removed: false });
    expect((JSON.parse((await exported('json')).toString()) as CharterExport).principles.find((p) => p.id === open)).toMatchObject({ removed: true });
    expect((await exported('md')).toString().replace(/\\(.)/g, '$1')).toContain('DELETED from the charter');
    // An adopted one is not proposed again either: it changes through an amendment.
    expect(await fac.cmd('principle.propose', { principleId: closed })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('retires an adopted principle with a reason: audited, broadcast, frozen, and shown as retired in every export', async () => {
    const id = await adopted('Brukaren skal berre fortelje éin gong');
    expect(await a.cmd('principle.retire', { principleId: id, reason: 'Gammal' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fac.cmd('principle.retire', { principleId: id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'reason' } } });
    const seen = obs.next<Broadcasts['principle.retired']>('principle.retired');
    const r = await fac.ok('principle.retire', { principleId: id, reason: 'Dekt av den nasjonale strategien' });
    expect(r).toMatchObject({ status: 'agreed', closed: true, retired: { reason: 'Dekt av den nasjonale strategien', by: f.workshop.me.id } });
    expect((await seen).principle.retired?.reason).toBe('Dekt av den nasjonale strategien');
    expect(r.stances.map((x) => x.organisationId).sort()).toEqual([...f.orgs].sort());

    const entry = (await audit()).findLast((e) => e.type === 'principle.retired')!;
    expect(entry).toMatchObject({ actorId: f.workshop.me.id, data: { principleId: id, reason: 'Dekt av den nasjonale strategien', status: 'agreed', text: 'Brukaren skal berre fortelje éin gong' } });
    expect((entry.data.endorsedBy as string[]).sort()).toEqual([...f.orgs].sort());

    expect(await fac.cmd('principle.retire', { principleId: id, reason: 'Igjen' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await remove(fac, id)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fac.cmd('principle.amend', { principleId: id, text: 'Ny' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const json = JSON.parse((await exported('json')).toString()) as CharterExport;
    expect(json.principles.find((p) => p.id === id)).toMatchObject({ status: 'agreed', retired: { reason: 'Dekt av den nasjonale strategien', by: 'Fasilitator Frida' } });
    const md = (await exported('md')).toString().replace(/\\(.)/g, '$1');
    expect(md).toMatch(/RETIRED on .* by .*\. Reason: Dekt av den nasjonale strategien/);
    const docx = strFromU8(unzipSync(new Uint8Array(await exported('docx', 'nn')))['word/document.xml']!);
    expect([...docx.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toMatch(/TREKT ATTENDE .*Grunn: Dekt av den nasjonale strategien/);
    const dir = mkdtempSync(path.join(tmpdir(), 'samskap-retire-'));
    try {
      writeFileSync(path.join(dir, 'c.pdf'), await exported('pdf', 'nb'));
      const text = execFileSync('pdftotext', [path.join(dir, 'c.pdf'), '-']).toString().replace(/\s+/g, ' ');
      expect(text).toMatch(/TRUKKET TILBAKE .*Grunn: Dekt av den nasjonale strategien/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('amending an adopted principle', () => {
  it('amend → propose → endorse → close; the adopted original keeps its status and stances and is superseded', async () => {
    const original = await adopted('Vi publiserer opne data');
    const before = await one(original);
    const draftOnly = await draft('Eit utkast');
    expect(await a.cmd('principle.amend', { principleId: draftOnly, text: 'Endra' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await obs.cmd('principle.amend', { principleId: original, text: 'Endra' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const text of ['  ', 'Endra\u0007', 'x'.repeat(5001)]) {
      expect(await a.cmd('principle.amend', { principleId: original, text }), JSON.stringify(text).slice(0, 20)).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'text' } } });
    }

    const seen = fac.next<Broadcasts['principle.amended']>('principle.amended');
    const amendment = await a.ok('principle.amend', { principleId: original, text: 'Vi publiserer opne data, med maskinlesbar lisens' });
    expect(amendment).toMatchObject({ status: 'draft', amends: original, text: 'Vi publiserer opne data, med maskinlesbar lisens' });
    expect((await seen).principle.principleId).toBe(amendment.principleId);
    const started = (await audit()).findLast((e) => e.type === 'principle.amendment_started')!;
    expect(started.data).toMatchObject({ principleId: amendment.principleId, amends: original });

    const id = amendment.principleId;
    await fac.ok('principle.propose', { principleId: id });
    for (const x of [a, b, c]) await x.ok('principle.endorse', { principleId: id, stance: 'endorse' });
    expect(await one(original)).toEqual({ ...before, participating: expect.any(Array) });
    expect(await fac.ok('principle.close', { principleId: id })).toMatchObject({ status: 'agreed', amends: original });

    const after = await one(original);
    expect(after).toMatchObject({ status: 'agreed', closed: true, outcome: 'agreed', text: before.text, textHash: before.textHash, stances: before.stances, supersededBy: id });
    expect(await b.cmd('principle.amend', { principleId: original, text: 'Ein gong til' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const json = JSON.parse((await exported('json')).toString()) as CharterExport;
    expect(json.principles.find((p) => p.id === original)).toMatchObject({ status: 'agreed', supersededBy: id });
    expect((await exported('md')).toString().replace(/\\(.)/g, '$1')).toContain('Superseded by the agreed amendment');
  });
});

describe('backups', () => {
  it('carry amendment links and retirements: the imported workshop shows the same', async () => {
    const file = (await call<unknown>(s.base, 'GET', `/api/workshops/${W()}/backup`, undefined, f.facilitator)).body;
    const imported = await call<{ id: string; token: string }>(s.base, 'POST', '/api/workshops/import', { displayName: 'Ida', backup: file });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const described = async (workshopId: string, token: string) =>
      (await call<{ principles: PrincipleView[] }>(s.base, 'GET', `/api/workshops/${workshopId}/principles`, undefined, token)).body.principles.map((p) => ({
        id: p.principleId, status: p.status, amends: p.amends, supersededBy: p.supersededBy, retired: p.retired?.reason ?? null, removed: p.removed,
      }));
    const before = await described(W(), f.facilitator);
    expect(before.filter((p) => p.amends || p.supersededBy || p.retired).length).toBeGreaterThanOrEqual(3);
    expect(await described(imported.body.id, imported.body.token)).toEqual(before);
  });
});
