/**
 * When the vision's history reaches `SYNC_MAX_DOC_BYTES`, a facilitator compacts it
 * (`POST /api/workshops/:id/vision/compact`): deleted text leaves the store, milestones render as
 * before, connected clients stay connected and in sync, and the refused change now fits. On SQLite
 * and PostgreSQL, across a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../shared/errors.js';
import type { CompactHistoryDto, MilestoneDto, MilestoneWithSnapshotDto, SeenDto, VisionHistoryDto } from '../shared/vision/api.js';
import { VISION_DOC_OPTIONS, visionFragment } from '../shared/vision/schema.js';
import { call, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, createTestDatabase, pgUnreachable } from './helpers/services.js';
import { closedFor, provider, synced, until } from './helpers/sync.js';

const CAP = 400_000;
const CHUNK = 60_000;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const visionDoc = () => new Y.Doc(VISION_DOC_OPTIONS);
const paragraphs = (doc: Y.Doc) => visionFragment(doc).toArray().map((n) => (n instanceof Y.XmlElement ? n.toArray().map((t) => String(t)).join('') : ''));
const textOf = (doc: Y.Doc) => paragraphs(doc).join('\n');

function appendParagraph(doc: Y.Doc, text: string): Y.XmlText {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText(text);
  p.insert(0, [t]);
  visionFragment(doc).push([p]);
  return t;
}

async function scenario(env: Record<string, string>): Promise<void> {
  const data = mkdtempSync(path.join(tmpdir(), 'samskap-compact-'));
  dirs.push(data);
  const settings = { SYNC_MAX_DOC_BYTES: String(CAP), ...env };
  let s: TestServer = await startServer(settings, data);
  const f: Fixture = await fixture(s.base);
  const room = `${f.workshop.id}/vision`;
  const api = <T>(method: string, p: string, token: string) => call<T>(s.base, method, `/api/workshops/${f.workshop.id}${p}`, undefined, token);
  try {
    const a = provider(s.wsBase, room, f.participantA, visionDoc());
    const witness = provider(s.wsBase, room, f.observer, visionDoc());
    await Promise.all([synced(a), synced(witness)]);
    appendParagraph(a.doc, 'Vi held saman.');
    const doomed = appendParagraph(a.doc, 'Dette står i milepælen, men blir sletta.');
    await until(() => textOf(witness.doc).includes('blir sletta'), 5000, 'the server has the milestone text');
    const milestone = (await call<MilestoneDto>(s.base, 'POST', `/api/workshops/${f.workshop.id}/milestones`, { name: 'Samling 1' }, f.facilitator)).body;
    const shownAt = async (doc: Y.Doc) => {
      const m = (await api<MilestoneWithSnapshotDto>('GET', `/milestones/${milestone.id}`, f.observer)).body;
      return textOf(Y.createDocFromSnapshot(doc, Y.decodeSnapshot(Buffer.from(m.snapshot, 'base64'))));
    };
    const atMilestone = await shownAt(a.doc);
    expect(atMilestone).toContain('Dette står i milepælen, men blir sletta.');
    doomed.delete(0, doomed.length);

    // History grows: text written and deleted again, until the next chunk no longer fits.
    const scratch = appendParagraph(a.doc, '');
    for (let i = 0; i < 6; i++) {
      scratch.insert(0, String(i).repeat(CHUNK));
      await until(() => textOf(witness.doc).includes(String(i).repeat(100)), 5000, `chunk ${i} stored`);
      scratch.delete(0, CHUNK);
      await until(() => !textOf(witness.doc).includes(String(i).repeat(100)), 5000, `chunk ${i} deleted`);
    }
    const tryChunk = async () => {
      const late = provider(s.wsBase, room, f.participantB, visionDoc());
      await synced(late);
      const closed = closedFor(late, 3000).catch(() => null);
      appendParagraph(late.doc, 'x'.repeat(CHUNK));
      const outcome = await Promise.race([closed, until(() => textOf(witness.doc).includes('x'.repeat(100)), 3000, 'chunk relayed').then(() => 'stored' as const)]);
      late.destroy();
      return outcome;
    };
    expect(await tryChunk()).toMatchObject({ code: CloseCode.documentTooLong, reason: 'document too large' });

    const full = (await api<VisionHistoryDto>('GET', '/vision/history', f.participantA)).body;
    expect(full).toMatchObject({ maxBytes: CAP, compactedAt: null });
    expect(full.storedBytes).toBeGreaterThan(6 * CHUNK);
    expect((await api('POST', '/vision/compact', f.participantA)).status).toBe(403);
    const compacted = await api<CompactHistoryDto>('POST', '/vision/compact', f.facilitator);
    expect(compacted.status).toBe(200);
    expect(compacted.body.milestonesKept).toBe(1);
    expect(compacted.body.bytesBefore).toBeGreaterThan(6 * CHUNK);
    expect(compacted.body.bytesAfter).toBeLessThan(10_000);
    expect(compacted.body.bytesBefore).toBeGreaterThanOrEqual(full.storedBytes);
    expect((await api<SeenDto>('GET', '/vision/seen', f.participantA)).body.historyCompactedAt).toBe(compacted.body.at);
    expect((await api<VisionHistoryDto>('GET', '/vision/history', f.observer)).body).toEqual({ storedBytes: compacted.body.bytesAfter, maxBytes: CAP, compactedAt: compacted.body.at });
    const audit = (await api<{ entries: { type: string; data: Record<string, unknown> }[] }>('GET', '/audit', f.observer)).body.entries;
    expect(audit.at(-1)).toMatchObject({ type: 'vision.compacted', data: { bytesBefore: compacted.body.bytesBefore, bytesAfter: compacted.body.bytesAfter, milestonesKept: 1 } });

    // Connected clients stay connected and in sync; a newcomer gets the same text and milestone.
    expect(a.wsconnected).toBe(true);
    const newcomer = provider(s.wsBase, room, f.participantB, visionDoc());
    await synced(newcomer);
    expect(textOf(newcomer.doc)).toBe(textOf(a.doc));
    expect(await shownAt(newcomer.doc)).toBe(atMilestone);
    expect(Y.encodeStateAsUpdate(newcomer.doc).byteLength).toBeLessThan(10_000);
    appendParagraph(a.doc, 'Skrive etter komprimeringa.');
    await until(() => textOf(newcomer.doc).includes('Skrive etter komprimeringa.'), 5000, 'an old client’s edit reaches the newcomer');
    appendParagraph(newcomer.doc, 'Svar frå nykomaren.');
    await until(() => textOf(a.doc).includes('Svar frå nykomaren.'), 5000, 'the newcomer’s edit reaches the old client');
    newcomer.destroy();

    // The change refused before now fits.
    expect(await tryChunk()).toBe('stored');
    a.destroy();
    witness.destroy();

    // From the store alone, after a restart: the same text, the same milestone.
    await s.stop();
    s = await startServer(settings, data);
    const again = provider(s.wsBase, room, f.observer, visionDoc());
    await synced(again);
    expect(textOf(again.doc)).toContain('Svar frå nykomaren.');
    expect(await shownAt(again.doc)).toBe(atMilestone);
    again.destroy();
  } finally {
    await s.stop();
  }
}

describe('compacting the vision history', () => {
  it('on SQLite', async () => {
    await scenario({});
  }, 60_000);

  it('on PostgreSQL', async () => {
    if (absentServices([['PostgreSQL', await pgUnreachable()]])) return;
    const db = await createTestDatabase();
    try {
      await scenario({ DATABASE_URL: db.url, SESSION_SECRET: 'c'.repeat(40) });
    } finally {
      await db.drop();
    }
  }, 60_000);
});
