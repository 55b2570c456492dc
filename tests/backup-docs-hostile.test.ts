/**
 * Issue #12: a backup file's documents pass the same rules as a member's updates. Someone reseals a
 * genuine backup with a document a member could never have written (the 5,000-deep ContentJSON
 * that once crashed the server, a chain of nested maps) and imports it: 400 `backup_invalid`
 * naming the rule, and the server answers on (the import writes
 * nothing before every check passed: tests/backup.test.ts).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { call, createWorkshop } from './helpers/api.js';
import { ContentRef, craftUpdate, jsonContent, nestedJson } from './helpers/crafted-updates.js';
import { startServer, type TestServer } from './helpers/server.js';

interface BackupFile {
  sha256: string;
  content: { docs: Record<string, string> };
}

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

const resealed = (file: BackupFile, part: string, update: Uint8Array): BackupFile => {
  const content = structuredClone(file.content);
  content.docs[part] = Buffer.from(update).toString('base64');
  return { ...file, content, sha256: createHash('sha256').update(JSON.stringify(content)).digest('hex') };
};

function nestedMaps(levels: number): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    let map = new Y.Map<unknown>();
    doc.getMap('actors').set('deep', map);
    for (let i = 1; i < levels; i++) map.set('inner', (map = new Y.Map<unknown>()));
  });
  return Y.encodeStateAsUpdate(doc);
}

it('refuses a file whose documents break the rooms\' content rules, and creates nothing', async () => {
  const own = await createWorkshop(s.base, 'Kasteverkstad');
  const r = await fetch(`${s.base}/api/workshops/${own.id}/backup`, { headers: { authorization: `Bearer ${own.token}` } });
  const file = (await r.json()) as BackupFile;
  const importFile = (backup: unknown) => call<{ error: { code: string; message: string } }>(s.base, 'POST', '/api/workshops/import', { displayName: 'Importør', backup });

  const cases: Array<[string, string, Uint8Array, string]> = [
    ['the crash', 'charter', craftUpdate([{ client: 5, root: 'actors', key: 'x', ref: ContentRef.json, content: jsonContent(nestedJson(5000)) }]), 'content-kind'],
    ['maps nested 10 deep', 'charter', nestedMaps(10), 'nesting'],
  ];
  for (const [name, part, update, rule] of cases) {
    const res = await importFile(resealed(file, part, update));
    expect(res.status, name).toBe(400);
    expect(res.body.error.code, name).toBe('backup_invalid');
    expect(res.body.error.message, name).toContain(`(${rule})`);
  }
  // Maps as deep as a charter entry (an entry's map, a text in it) still import.
  const fine = await importFile(resealed(file, 'charter', nestedMaps(2)));
  expect(fine.status, JSON.stringify(fine.body)).toBe(201);
  expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
}, 60_000);
