/**
 * Backup and import between two real servers: the imported workshop has new ids and the same
 * content (documents, records, stances, milestones), its original audit chain verifies, and a
 * second backup equals the first once ids are named by what they identify. Damaged, truncated
 * and foreign files are refused and create nothing.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CharterKey } from '../shared/charter/schema.js';
import type { CreatedWorkshopDto } from '../shared/api.js';
import type { PrincipleView } from '../shared/realtime/index.js';
import type { MilestoneDto } from '../shared/vision/api.js';
import { addComment } from '../shared/vision/comments.js';
import { VISION_DOC_OPTIONS, visionFragment } from '../shared/vision/schema.js';
import { call, fixture, type Fixture } from './helpers/api.js';
import { HOSTILE } from './helpers/hostile.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connectedAll } from './helpers/socket.js';
import { provider, synced, until } from './helpers/sync.js';
import { fillWorkshop } from './helpers/workshop-content.js';

interface BackupFile {
  format: string;
  version: number;
  sha256: string;
  content: { sourceWorkshopId: string; rows: Record<string, Record<string, unknown>[]>; docs: Record<string, string>; audit: { hash: string; type: string }[]; auditArchive?: { hash: string }[] };
}

let a: TestServer;
let b: TestServer;
let f: Fixture;
let first: BackupFile;
let firstRaw: string;
let imported: CreatedWorkshopDto;

beforeAll(async () => {
  [a, b] = await Promise.all([startServer(), startServer()]);
  f = await fixture(a.base);
  await fillWorkshop(a.wsBase, f.workshop, f.facilitator, HOSTILE);
  const w = f.workshop.id;
  const principle = (await call<{ id: string }>(a.base, 'POST', `/api/workshops/${w}/principles`, { text: 'Éin gong, med samtykke.' }, f.facilitator)).body.id;
  const [fac, pa, pb] = await connectedAll(a.base, f.facilitator, f.participantA, f.participantB);
  await fac.ok('principle.propose', { principleId: principle });
  await pa.ok('principle.endorse', { principleId: principle, stance: 'endorse' });
  await pb.ok('principle.endorse', { principleId: principle, stance: 'object', reason: 'Ikkje enno' });
  const { questionId } = await fac.ok('question.open', { kind: 'maturity' });
  await pa.ok('answer.submit', { questionId, value: { generation: 3, justification: 'Vi deler data' } });
  await fac.ok('answer.reveal', { questionId });
  const elementIds = await readBoardIds(a, f.workshop.boards[0]!.room, f.facilitator);
  // The round names its elements (frames among them: a named round takes what it names).
  const { roundId } = await fac.ok('vote.open', { boardId: f.workshop.boards[0]!.id, votesPerPerson: 2, elementIds });
  await pa.ok('vote.cast', { roundId, elementId: elementIds[0] });
  await pb.ok('vote.cast', { roundId, elementId: elementIds[1] });
  await fac.ok('vote.close', { roundId });
  for (const s of [fac, pa, pb]) s.close();
  // A comment in the vision names its author's member id, which the import must rename.
  const members = (await call<{ members: { id: string; displayName: string }[] }>(a.base, 'GET', `/api/workshops/${w}/members`, undefined, f.facilitator)).body.members;
  const ola = members.find((m) => m.displayName === 'Ola')!;
  const v = provider(a.wsBase, `${w}/vision`, f.participantA, new Y.Doc(VISION_DOC_OPTIONS));
  await synced(v);
  const text = (visionFragment(v.doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  addComment(v.doc, { id: 'comment-one', anchor: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 0)), head: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 4)), quote: 'Drøy', author: { id: ola.id, name: 'Ola', organisationId: ola.id }, text: 'Godt!', createdAt: new Date().toISOString() }, 'test');
  const witness = provider(a.wsBase, `${w}/vision`, f.observer, new Y.Doc(VISION_DOC_OPTIONS));
  await until(() => witness.doc.getMap('comments').size === 1, 5000, 'comment stored');
  v.destroy();
  witness.destroy();
  const milestone = await call<{ id: string }>(a.base, 'POST', `/api/workshops/${w}/milestones`, { name: 'Etter samling 1' }, f.facilitator);
  expect(milestone.status).toBe(201);
  // The organisations' stances on it (issue #17) travel with it.
  const [ra, rb] = await connectedAll(a.base, f.participantA, f.participantB);
  await ra.ok('vision.endorse', { milestoneId: milestone.body.id, stance: 'endorse' });
  await rb.ok('vision.endorse', { milestoneId: milestone.body.id, stance: 'object', reason: 'Sluttbrukarane manglar' });
  for (const s of [ra, rb]) s.close();

  const r = await fetch(`${a.base}/api/workshops/${w}/backup`, { headers: { authorization: `Bearer ${f.facilitator}` } });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="alvorleg-sjukt-barn-backup-\d{4}-\d{2}-\d{2}\.samskap\.json"$/);
  firstRaw = await r.text();
  first = JSON.parse(firstRaw) as BackupFile;
  const done = await call<CreatedWorkshopDto>(b.base, 'POST', '/api/workshops/import', { displayName: 'Importør Ida', backup: first });
  expect(done.status, JSON.stringify(done.body)).toBe(201);
  imported = done.body;
}, 90_000);

afterAll(async () => {
  for (const s of [a, b]) {
    await s?.stop();
    s?.cleanup();
  }
});

async function readBoardIds(s: TestServer, room: string, token: string): Promise<string[]> {
  const p = provider(s.wsBase, room, token);
  await synced(p);
  const ids = [...p.doc.getMap('elements').keys()];
  p.destroy();
  return ids;
}

/** Ids replaced by what they identify (names are unique in this fixture). */
function labeller(content: BackupFile['content']): (json: string) => string {
  const labels = new Map<string, string>([[content.sourceWorkshopId, 'W']]);
  const rows = content.rows;
  for (const o of rows.organisations ?? []) labels.set(o.id as string, `org:${o.name as string}`);
  for (const x of rows.boards ?? []) labels.set(x.id as string, `board:${x.title as string}`);
  for (const m of rows.members ?? []) labels.set(m.id as string, `member:${m.display_name as string}`);
  for (const m of rows.milestones ?? []) labels.set(m.id as string, `milestone:${m.name as string}`);
  for (const q of rows.questions ?? []) labels.set(q.id as string, `question:${q.opened_at as string}`);
  for (const v of rows.vote_rounds ?? []) labels.set(v.id as string, `round:${v.opened_at as string}`);
  const pattern = new RegExp([...labels.keys()].map((k) => k.replace(/-/g, '\\-')).join('|'), 'g');
  return (json) => json.replace(pattern, (id) => labels.get(id)!);
}

function normalisedRows(content: BackupFile['content'], dropMember?: string): Record<string, string[]> {
  const label = labeller(content);
  return Object.fromEntries(
    Object.entries(content.rows).map(([table, list]) => [
      table,
      list
        .filter((r) => !(table === 'members' && r.display_name === dropMember))
        .map(({ token_hash: _t, ...r }) => label(JSON.stringify(r)))
        .sort(),
    ]),
  );
}

function normalisedDocs(content: BackupFile['content']): Record<string, unknown> {
  const label = labeller(content);
  const out: Record<string, unknown> = {};
  for (const [part, b64] of Object.entries(content.docs)) {
    const doc = new Y.Doc(part === 'vision' ? VISION_DOC_OPTIONS : {});
    Y.applyUpdate(doc, new Uint8Array(Buffer.from(b64, 'base64')));
    const maps = part === 'vision' ? ['comments'] : part === 'charter' ? Object.values(CharterKey) : ['elements', 'meta'];
    const json = {
      text: part === 'vision' ? visionFragment(doc).toJSON() : null,
      maps: Object.fromEntries(maps.map((m) => [m, doc.getMap(m).toJSON()])),
    };
    // Relative positions (comment anchors) are bytes of Yjs ids, which the import keeps.
    out[label(part)] = JSON.parse(label(JSON.stringify(json)));
  }
  return out;
}

describe('backup and import', () => {
  it('only a facilitator may take a backup', async () => {
    const r = await fetch(`${a.base}/api/workshops/${f.workshop.id}/backup`, { headers: { authorization: `Bearer ${f.participantA}` } });
    expect(r.status).toBe(403);
    expect(first.format).toBe('samskap-backup');
    expect(first.version).toBe(2);
  });

  it('recreates the workshop on another server with new ids and the same content', async () => {
    expect(imported.id).not.toBe(f.workshop.id);
    expect(imported.organisations.map((o) => o.name)).toEqual(['Helsedirektoratet', 'Bergen kommune']);
    expect(imported.organisations.map((o) => o.id)).not.toEqual(f.workshop.organisations.map((o) => o.id));
    const charter = async (s: TestServer, id: string, token: string) => {
      const r = await fetch(`${s.base}/api/workshops/${id}/export/charter?format=json&all=true`, { headers: { authorization: `Bearer ${token}` } });
      const j = (await r.json()) as Record<string, unknown>;
      for (const k of ['exportedAt', 'workshop', 'organisations', 'audit']) delete j[k];
      const milestoneIds = (j.milestones as { id: string }[]).map((m) => m.id);
      return JSON.stringify(j).replace(new RegExp([id, ...(await orgIds(s, id, token)), ...milestoneIds].join('|'), 'g'), 'ID');
    };
    const orgIds = async (s: TestServer, id: string, token: string) => (await call<{ organisations: { id: string }[] }>(s.base, 'GET', `/api/workshops/${id}`, undefined, token)).body.organisations.map((o) => o.id);
    const exported = await charter(a, f.workshop.id, f.facilitator);
    expect(exported).toContain('Ikkje enno');
    expect(await charter(b, imported.id, imported.token)).toBe(exported);
    const svg = async (s: TestServer, id: string, token: string) => {
      const w = (await call<{ boards: { id: string }[] }>(s.base, 'GET', `/api/workshops/${id}`, undefined, token)).body;
      return (await fetch(`${s.base}/api/workshops/${id}/export/board/${w.boards[0]!.id}?format=svg`, { headers: { authorization: `Bearer ${token}` } })).text();
    };
    expect(await svg(b, imported.id, imported.token)).toBe(await svg(a, f.workshop.id, f.facilitator));
  });

  it('keeps the original audit chain, still verifiable, linked from the new one', async () => {
    const log = (await call<{ entries: { type: string; data: Record<string, unknown> }[]; verification: { ok: boolean }; imported: { entries: { hash: string }[]; verification: { ok: boolean } } }>(b.base, 'GET', `/api/workshops/${imported.id}/audit`, undefined, imported.token)).body;
    expect(log.verification.ok).toBe(true);
    expect(log.imported.verification.ok).toBe(true);
    expect(log.imported.entries.map((e) => e.hash)).toEqual(first.content.audit.map((e) => e.hash));
    expect(first.content.audit.map((e) => e.type)).toEqual(expect.arrayContaining(['principle.proposed', 'workshop.backed_up']));
    expect(log.entries[0]).toMatchObject({ type: 'workshop.imported', data: { importedHeadHash: first.content.audit.at(-1)!.hash, sourceWorkshopId: f.workshop.id } });
  });

  it('a milestone of the imported vision still renders the text as it was, with the organisations’ stances on it', async () => {
    const list = (await call<{ milestones: MilestoneDto[] }>(b.base, 'GET', `/api/workshops/${imported.id}/milestones`, undefined, imported.token)).body.milestones;
    expect(first.content.rows.vision_stances).toHaveLength(2);
    expect(list[0]!.stances.map((x) => [x.organisationId, x.stance, x.reason])).toEqual([
      [imported.organisations[0]!.id, 'endorse', null],
      [imported.organisations[1]!.id, 'object', 'Sluttbrukarane manglar'],
    ]);
    const m = (await call<{ snapshot: string }>(b.base, 'GET', `/api/workshops/${imported.id}/milestones/${list[0]!.id}`, undefined, imported.token)).body;
    const p = provider(b.wsBase, `${imported.id}/vision`, imported.token, new Y.Doc(VISION_DOC_OPTIONS));
    await synced(p);
    const then = Y.createDocFromSnapshot(p.doc, Y.decodeSnapshot(Buffer.from(m.snapshot, 'base64')));
    expect(visionFragment(then).toString()).toContain('Draumebiletet vårt');
    p.destroy();
  });

  it('backup → import → backup again gives equal content', async () => {
    const r = await fetch(`${b.base}/api/workshops/${imported.id}/backup`, { headers: { authorization: `Bearer ${imported.token}` } });
    const second = (await r.json()) as BackupFile;
    expect(normalisedRows(second.content, 'Importør Ida')).toEqual(normalisedRows(first.content));
    expect(normalisedDocs(second.content)).toEqual(normalisedDocs(first.content));
    expect(second.content.auditArchive!.map((e) => e.hash)).toEqual(first.content.audit.map((e) => e.hash));
    // And that one imports again, with both chains archived.
    const again = await call<CreatedWorkshopDto>(a.base, 'POST', '/api/workshops/import', { displayName: 'Tredje', backup: second });
    expect(again.status).toBe(201);
    const log = (await call<{ imported: { entries: unknown[]; verification: { ok: boolean } } }>(a.base, 'GET', `/api/workshops/${again.body.id}/audit`, undefined, again.body.token)).body;
    expect(log.imported.verification.ok).toBe(true);
    expect(log.imported.entries.length).toBe(first.content.audit.length + second.content.audit.length);
  });

  it('carries the organisations a proposal bound; a file from before them gets them derived', async () => {
    const bound = first.content.rows.principle_bindings!;
    expect(bound.map((r) => r.organisation_id).sort()).toEqual(first.content.rows.organisations!.map((o) => o.id as string).sort());
    const principlesOf = async (id: string, token: string) => (await call<{ principles: PrincipleView[] }>(b.base, 'GET', `/api/workshops/${id}/principles`, undefined, token)).body.principles;
    const orgsOf = async (id: string, token: string) => (await call<{ organisations: { id: string }[] }>(b.base, 'GET', `/api/workshops/${id}`, undefined, token)).body.organisations.map((o) => o.id);
    const proposed = (list: PrincipleView[]) => list.find((p) => p.proposedAt !== null)!;
    expect(proposed(await principlesOf(imported.id, imported.token))).toMatchObject({ status: 'blocked', boundOrganisations: await orgsOf(imported.id, imported.token) });
    // As written before migration 008: no bindings table, no outcome columns.
    const { createHash } = await import('node:crypto');
    const old = structuredClone(first.content);
    delete old.rows.principle_bindings;
    for (const r of old.rows.principles!) {
      delete r.outcome;
      delete r.closed_at;
    }
    const done = await call<CreatedWorkshopDto>(b.base, 'POST', '/api/workshops/import', { displayName: 'Frå før', backup: { ...first, content: old, sha256: createHash('sha256').update(JSON.stringify(old)).digest('hex') } });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(proposed(await principlesOf(done.body.id, done.body.token))).toMatchObject({ status: 'blocked', boundOrganisations: await orgsOf(done.body.id, done.body.token) });
  });

  it('refuses damaged, truncated and foreign files and creates nothing', async () => {
    const workshops = () => {
      const db = new Database(path.join(b.dataDir, 'samskap.sqlite'), { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM workshops').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const before = workshops();
    const post = (body: unknown) => call<{ error: { code: string; message: string } }>(b.base, 'POST', '/api/workshops/import', body);
    const expectRefused = async (backup: unknown, code: string, message?: RegExp) => {
      const r = await post({ displayName: 'X', backup });
      expect(r.status, `${JSON.stringify(backup).slice(0, 80)} → ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.body.error.code).toBe(code);
      if (message) expect(r.body.error.message).toMatch(message);
    };
    await expectRefused({ hello: 'world' }, 'backup_invalid', /not a Samskap backup/);
    await expectRefused({ ...first, version: 9 }, 'backup_invalid', /version 9/);
    // One character changed: the checksum no longer matches.
    expect(firstRaw).toContain('"title":"Alvorleg sjukt barn"');
    await expectRefused(JSON.parse(firstRaw.replace('"title":"Alvorleg sjukt barn"', '"title":"Alvorleg sjukt barm"')), 'backup_invalid', /checksum/);
    // A file whose checksum was recomputed after tampering with the audit log or a document.
    const { createHash } = await import('node:crypto');
    const resealed = (content: BackupFile['content']) => ({ ...first, content, sha256: createHash('sha256').update(JSON.stringify(content)).digest('hex') });
    const tamperedAudit = structuredClone(first.content);
    tamperedAudit.audit[1]!.type = 'something.else';
    await expectRefused(resealed(tamperedAudit), 'backup_invalid', /audit log does not verify/);
    const brokenDoc = structuredClone(first.content);
    brokenDoc.docs.charter = Buffer.from([1, 2, 3, 250, 250, 250]).toString('base64');
    await expectRefused(resealed(brokenDoc), 'backup_invalid', /document charter/);
    const foreignTable = structuredClone(first.content);
    foreignTable.rows.users = [{ id: 'x' }];
    await expectRefused(resealed(foreignTable), 'backup_invalid', /unknown table/);
    const foreignColumn = structuredClone(first.content);
    foreignColumn.rows.organisations![0]!['name; DROP TABLE workshops'] = 'x';
    await expectRefused(resealed(foreignColumn), 'backup_invalid', /unknown column/);
    // Truncated: the request body is not JSON at all.
    const truncated = await fetch(`${b.base}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ displayName: 'X', backup: first }).slice(0, 5000) });
    expect(truncated.status).toBe(400);
    expect(((await truncated.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    expect(workshops()).toBe(before);
  });
});
