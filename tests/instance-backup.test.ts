/**
 * Whole-instance backup of the embedded SQLite database (issue #18): `npm run backup:sqlite`
 * copies it with SQLite's online backup API while Samskap runs and writes, and keeps the generated
 * session secret; a new instance started on the restored folder has every workshop, member,
 * document update and audit entry, and the old session still works. The script refuses to
 * overwrite and names what is wrong.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardDoc } from '../shared/board/board-doc.js';
import { authorOf, call, fixture, type Fixture } from './helpers/api.js';
import { killAllChildren, startChild, type ChildServer } from './helpers/child-server.js';
import { provider, synced, until } from './helpers/sync.js';

const dirs: string[] = [];
const tmp = (name: string) => {
  const d = mkdtempSync(path.join(tmpdir(), `samskap-${name}-`));
  dirs.push(d);
  return d;
};
const backup = (dataDir: string, target: string) =>
  spawnSync(process.execPath, ['scripts/backup-sqlite.mjs', target], { env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir }, encoding: 'utf8' });

let live: ChildServer;
let f: Fixture;
let dataDir: string;
let restoredDir: string;

beforeAll(async () => {
  dataDir = tmp('live');
  live = await startChild({ DATA_DIR: dataDir });
  f = await fixture(live.base);
}, 30_000);

afterAll(() => {
  killAllChildren();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm run backup:sqlite', () => {
  it('backs up a running instance while it writes', async () => {
    const p = provider(live.wsBase, f.board, f.participantA);
    await synced(p);
    const board = new BoardDoc(p.doc, () => `note-${Math.random().toString(36).slice(2, 12)}`);
    const author = await authorOf(live.base, f.workshop.id, f.participantA);
    for (let i = 0; i < 20; i++) board.create({ kind: 'note', x: i * 10, y: 0, text: `Lapp ${i}` }, author, 'test');
    const witness = provider(live.wsBase, f.board, f.observer);
    await until(() => witness.doc.getMap('elements').size === 20, 5000, 'the notes stored');
    // The backup runs while more writes arrive.
    const writing = (async () => {
      for (let i = 20; i < 40; i++) {
        board.create({ kind: 'note', x: i * 10, y: 0, text: `Lapp ${i}` }, author, 'test');
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    restoredDir = path.join(tmp('backup'), 'samskap-2026-12-04');
    const run = backup(dataDir, restoredDir);
    await writing;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('with the session secret');
    expect(readdirSync(restoredDir).sort()).toEqual(['samskap.sqlite', 'session-secret']);
    p.destroy();
    witness.destroy();
  }, 30_000);

  it('restores into a new instance: the workshops, documents, audit and sessions are there', async () => {
    await call(live.base, 'GET', '/healthz');
    live.proc.kill('SIGTERM');
    await live.exited;
    const restored = await startChild({ DATA_DIR: restoredDir });
    const w = await call<{ title: string; boards: Array<{ room: string }> }>(restored.base, 'GET', `/api/workshops/${f.workshop.id}`, undefined, f.participantA);
    expect(w.status).toBe(200); // the old session token still works: same secret, same credentials
    expect(w.body.title).toBe(f.workshop.title);
    const members = await call<{ members: unknown[] }>(restored.base, 'GET', `/api/workshops/${f.workshop.id}/members`, undefined, f.facilitator);
    expect(members.body.members.length).toBe(4);
    const p = provider(restored.wsBase, f.board, f.observer);
    await synced(p);
    // Everything stored before the backup began is there (what arrived during it may be too).
    expect(p.doc.getMap('elements').size).toBeGreaterThanOrEqual(20);
    p.destroy();
    const audit = await call<{ entries: { type: string }[] }>(restored.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator);
    expect(audit.body.entries.map((e) => e.type)).toContain('workshop.created');
  }, 30_000);

  it('refuses to overwrite, and says when there is nothing to back up', () => {
    const full = tmp('full');
    writeFileSync(path.join(full, 'something'), 'x');
    const refused = backup(restoredDir, full);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is not empty');
    const none = backup(tmp('empty'), path.join(tmp('out'), 'x'));
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('There is no Samskap database');
    const pg = spawnSync(process.execPath, ['scripts/backup-sqlite.mjs', path.join(tmp('pg'), 'x')], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgres://x' }, encoding: 'utf8' });
    expect(pg.status).toBe(2);
    expect(pg.stderr).toContain('pg_dump');
  });
});
