/**
 * The container recipe stays honest (issue #18). No Docker engine runs here, so the files are
 * read instead: the Dockerfile is multi-stage, runs as a non-root user with a HEALTHCHECK and a
 * VOLUME for DATA_DIR on HOST 0.0.0.0, every file it copies from the context exists (and is not
 * ignored), and it starts what `npm run build` produces; compose.yaml's two instances share one
 * SESSION_SECRET and one database (where the audit log's signing key lives) and Redis, sit behind
 * the proxy whose configuration names them, and keep /metrics off the proxied port. The same
 * start-up sequence runs for real in tests/production-start.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve('.');
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');

interface Instruction {
  op: string;
  args: string;
}
/** Dockerfile instructions, continuation lines joined, comments dropped. */
function instructions(text: string): Instruction[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

describe('Dockerfile', () => {
  const all = instructions(read('Dockerfile'));
  const stages = all.reduce<Instruction[][]>((acc, i) => (i.op === 'FROM' ? [...acc, [i]] : (acc.at(-1)!.push(i), acc)), []);
  const run = stages.at(-1)!;
  const ignored = read('.dockerignore').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

  it('builds in one stage and runs in another, as an unprivileged user', () => {
    expect(stages).toHaveLength(2);
    expect(stages[0]![0]!.args).toMatch(/^node:20\S* AS build$/);
    expect(run[0]!.args).toMatch(/^node:20/);
    expect(run.find((i) => i.op === 'USER')?.args).toBe('node');
    expect(stages[0]!.some((i) => i.op === 'RUN' && i.args.includes('npm run build') && i.args.includes('npm prune --omit=dev'))).toBe(true);
  });

  it('has a HEALTHCHECK on /healthz, a VOLUME for DATA_DIR and listens on every interface', () => {
    expect(run.find((i) => i.op === 'HEALTHCHECK')?.args).toContain('/healthz');
    const env = run.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    expect(env).toMatch(/HOST=0\.0\.0\.0/);
    expect(env).toMatch(/DATA_DIR=\/data/);
    expect(run.find((i) => i.op === 'VOLUME')?.args).toBe('["/data"]');
  });

  it('copies only what exists in the build context, and nothing the context leaves out', () => {
    const copies = all.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'));
    expect(copies.length).toBeGreaterThan(3);
    for (const c of copies) {
      const parts = c.args.split(/\s+/);
      for (const source of parts.slice(0, -1)) {
        expect(existsSync(path.join(root, source)), source).toBe(true);
        expect(ignored.some((i) => source === i || source.startsWith(`${i}/`)), `${source} is in .dockerignore`).toBe(false);
      }
    }
    // What the run stage takes from the build stage is what the build stage makes.
    for (const c of run.filter((i) => i.op === 'COPY')) {
      expect(c.args).toMatch(/^--from=build \/app\/(package\.json \/app\/package-lock\.json|node_modules|dist|scripts\/backup-sqlite\.mjs) /);
    }
    for (const heavy of ['node_modules', 'dist', 'data', '.git']) expect(ignored).toContain(heavy);
  });

  it('starts what npm run build compiles', () => {
    const cmd = JSON.parse(run.find((i) => i.op === 'CMD')!.args) as string[];
    // The same node flags as npm start (a 4 MB young generation, an old generation that grows by 30 %: see README, Benchmark).
    expect(cmd).toEqual(['node', '--max-semi-space-size=4', '--heap-growing-percent=30', 'dist/app/server/main.js']);
    const build = JSON.parse(read('tsconfig.build.json')) as { compilerOptions: { outDir: string; rootDir: string } };
    expect(path.join(build.compilerOptions.outDir, path.relative(build.compilerOptions.rootDir, 'server/main.js'))).toBe('dist/app/server/main.js');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(cmd.join(' '));
    expect(pkg.scripts.build).toContain('build:server');
  });
});

describe('compose.yaml', () => {
  type Service = { build?: { context: string; dockerfile: string }; environment?: Record<string, string>; volumes?: string[]; depends_on?: unknown; ports?: string[] };
  const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
  const { services } = compose;

  it('runs two Samskap instances of this build with PostgreSQL, Redis and a proxy', () => {
    expect(Object.keys(services).sort()).toEqual(['postgres', 'proxy', 'redis', 'samskap-1', 'samskap-2']);
    for (const name of ['samskap-1', 'samskap-2']) {
      const s = services[name]!;
      expect(s.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
      expect(existsSync(path.join(root, s.build!.context, s.build!.dockerfile))).toBe(true);
      expect(s.environment?.HOST).toBe('0.0.0.0');
      expect(s.ports).toBeUndefined(); // reached through the proxy only
    }
  });

  it('gives both instances the same session secret, database (with the audit signing key) and Redis', () => {
    const [a, b] = [services['samskap-1']!.environment!, services['samskap-2']!.environment!];
    for (const key of ['SESSION_SECRET', 'DATABASE_URL', 'REDIS_URL', 'PUBLIC_URL']) {
      expect(a[key], key).toBeTruthy();
      expect(a[key], key).toBe(b[key]);
    }
    expect(a.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(a.REDIS_URL).toBe('redis://redis:6379');
    // /metrics is on its own port: the proxied port never serves it.
    expect(a.METRICS_PORT).toBeTruthy();
    expect(a.METRICS_PORT).not.toBe(a.PORT);
  });

  it('mounts a proxy configuration that exists and names both instances on their port', () => {
    const mount = services.proxy!.volumes!.find((v) => v.endsWith(':/etc/caddy/Caddyfile:ro'))!;
    const file = mount.split(':')[0]!;
    expect(existsSync(path.join(root, file))).toBe(true);
    const caddy = read(file);
    const port = services['samskap-1']!.environment!.PORT;
    expect(caddy).toContain(`samskap-1:${port}`);
    expect(caddy).toContain(`samskap-2:${port}`);
    expect(caddy).toMatch(/Strict-Transport-Security/);
    expect(caddy).toMatch(/delete token/);
  });
});
