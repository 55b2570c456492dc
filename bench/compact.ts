/**
 * `npm run bench:compact`: compacting a full vision history. A server in its own process with
 * the default `SYNC_MAX_DOC_BYTES` (32 MB); a member's stock provider writes and deletes 60,000
 * characters at a time until the vision refuses more (4414), around a saved milestone. Then a
 * facilitator compacts it while `/healthz` is probed every 20 ms. Prints the bytes before and
 * after, how long the request took, the probes' p99 and max (how long the server was busy), and
 * whether the milestone still shows the same text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { CompactHistoryDto, MilestoneDto, MilestoneWithSnapshotDto, VisionHistoryDto } from '../shared/vision/api.js';
import { VISION_DOC_OPTIONS, visionFragment } from '../shared/vision/schema.js';
import { call, fixture } from '../tests/helpers/api.js';
import { killAllChildren, startChild } from '../tests/helpers/child-server.js';
import { percentile } from '../tests/helpers/fuzz.js';
import { provider, synced, until } from '../tests/helpers/sync.js';

const CHUNK = 60_000;
const dir = mkdtempSync(path.join(tmpdir(), 'samskap-bench-compact-'));
const textOf = (doc: Y.Doc) => visionFragment(doc).toArray().map((n) => (n instanceof Y.XmlElement ? n.toArray().map(String).join('') : '')).join('\n');
try {
  const child = await startChild({ DATA_DIR: dir, LOG_LEVEL: 'error' });
  const f = await fixture(child.base);
  const room = `${f.workshop.id}/vision`;
  const api = <T>(method: string, p: string, token: string, body?: unknown) => call<T>(child.base, method, `/api/workshops/${f.workshop.id}${p}`, body, token);
  const writer = provider(child.wsBase, room, f.participantA, new Y.Doc(VISION_DOC_OPTIONS));
  await synced(writer);
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText('Milepælen viser denne setninga.');
  p.insert(0, [t]);
  visionFragment(writer.doc).push([p]);
  await until(async () => (await api<VisionHistoryDto>('GET', '/vision/history', f.observer)).body.storedBytes > 0);
  const milestone = (await api<MilestoneDto>('POST', '/milestones', f.facilitator, { name: 'Før' })).body;
  t.delete(0, t.length);
  let refused = false;
  writer.on('connection-close', (e: { code: number } | null) => (refused ||= e?.code === 4414));
  let chunks = 0;
  while (!refused && chunks < 1000) {
    t.insert(0, 'x'.repeat(CHUNK));
    t.delete(0, CHUNK);
    chunks++;
    if (chunks % 25 === 0) await new Promise((r) => setTimeout(r, 200));
  }
  writer.destroy();
  const before = (await api<VisionHistoryDto>('GET', '/vision/history', f.observer)).body;
  console.log(`vision history: ${(before.storedBytes / 1e6).toFixed(1)} MB of ${(before.maxBytes / 1e6).toFixed(1)} MB after ${chunks} chunks of ${CHUNK} characters written and deleted; refused with 4414: ${refused}`);

  const probes: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const s = performance.now();
      await fetch(`${child.base}/healthz`);
      probes.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const started = performance.now();
  const done = await api<CompactHistoryDto>('POST', '/vision/compact', f.facilitator);
  const took = performance.now() - started;
  probing = false;
  await probe;
  console.log(`compact: HTTP ${done.status}, ${(done.body.bytesBefore / 1e6).toFixed(1)} MB → ${(done.body.bytesAfter / 1e3).toFixed(1)} kB in ${took.toFixed(0)} ms`);
  console.log(`/healthz meanwhile: ${probes.length} probes, p99 ${percentile(probes, 99).toFixed(1)} ms, max ${Math.max(...probes).toFixed(1)} ms`);

  const reader = provider(child.wsBase, room, f.observer, new Y.Doc(VISION_DOC_OPTIONS));
  await synced(reader);
  const m = (await api<MilestoneWithSnapshotDto>('GET', `/milestones/${milestone.id}`, f.observer)).body;
  const shown = textOf(Y.createDocFromSnapshot(reader.doc, Y.decodeSnapshot(Buffer.from(m.snapshot, 'base64'))));
  const ok = shown.includes('Milepælen viser denne setninga.');
  console.log(`a newcomer syncs ${(Y.encodeStateAsUpdate(reader.doc).byteLength / 1e3).toFixed(1)} kB; the milestone still shows its text: ${ok}`);
  reader.destroy();
  child.proc.kill('SIGTERM');
  await child.exited;
  if (!refused || done.status !== 200 || !ok) process.exitCode = 1;
} finally {
  killAllChildren();
  rmSync(dir, { recursive: true, force: true });
}
