/**
 * The start-up sequence a container runs (issue #18), for real: build the server and the client
 * (`npm run build`'s two steps, into a fresh folder), install production dependencies only
 * (`npm ci --omit=dev`, with the native SQLite module taken from the build stage as a multi-stage
 * image does, so nothing is compiled or downloaded outside the npm registry), then `npm start`'s
 * command from there. The server must answer `/healthz`, serve the client, create a workshop and
 * render a PNG in its worker, without Vite, esbuild, tsx or TypeScript installed; and `prestart`
 * must leave a built tree alone without its build tools.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve('.');
let dir: string;
let proc: ChildProcess | null = null;
let base = '';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, stdio: 'pipe', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'samskap-production-'));
  // The build stage: compile into the new folder (the repository's own dist/ is left alone).
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(dir, 'dist/app')], { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error', '--outDir', path.join(dir, 'dist/client')], { cwd: root, stdio: 'pipe' });
  for (const f of ['package.json', 'package-lock.json', 'scripts/prestart.mjs']) cpSync(path.join(root, f), path.join(dir, f));
  // The run stage: production dependencies only; install scripts off, the native module copied.
  npm(['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--prefer-offline'], dir);
  cpSync(path.join(root, 'node_modules/better-sqlite3/build'), path.join(dir, 'node_modules/better-sqlite3/build'), { recursive: true });
}, 240_000);

afterAll(async () => {
  if (proc && proc.exitCode === null) {
    const exited = new Promise((resolve) => proc!.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start from a production install', () => {
  it('installs no build or development tool', () => {
    for (const tool of ['vite', 'esbuild', 'tsx', 'typescript', 'vitest', 'lit', '@shoelace-style/shoelace', 'y-prosemirror']) {
      expect(existsSync(path.join(dir, 'node_modules', tool)), tool).toBe(false);
    }
  });

  it('prestart leaves a built tree alone and needs no build tool', () => {
    const run = spawnSync(process.execPath, ['scripts/prestart.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('starts with plain node, answers /healthz and serves the client', async () => {
    const dataDir = path.join(dir, 'data');
    proc = spawn(process.execPath, ['dist/app/server/main.js'], { cwd: dir, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      proc!.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
      setTimeout(() => reject(new Error(`no start within 30 s: ${out} ${err}`)), 30_000);
    });
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, version: expect.any(String) as string });
    const page = await fetch(`${base}/w/abcdefghijklmnop`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<sk-app');
  }, 40_000);

  it('creates a workshop and renders a board as PNG in its worker', async () => {
    const created = (await (await fetch(`${base}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Produksjon', organisations: [{ name: 'Nav' }], displayName: 'Kari' }) })).json()) as {
      id: string;
      token: string;
    };
    const auth = { authorization: `Bearer ${created.token}` };
    const w = (await (await fetch(`${base}/api/workshops/${created.id}`, { headers: auth })).json()) as { boards: Array<{ id: string }> };
    const png = await fetch(`${base}/api/workshops/${created.id}/export/board/${w.boards[0]!.id}?format=png`, { headers: auth });
    expect(png.status).toBe(200);
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString('ascii')).toBe('PNG');
  }, 30_000);
});
