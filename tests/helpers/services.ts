/**
 * The machine's PostgreSQL and Redis for tests (DESIGN.md §9): a fresh database or key prefix per
 * run, removed afterwards. When a service is absent a test skips with a notice, except in CI
 * (CI=true), where absence is a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { Redis } from 'ioredis';

export const inCi = process.env.CI === 'true';
export const pgAdminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** null when reachable, else the reason. */
export async function pgUnreachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export async function redisUnreachable(url = redisUrl): Promise<string | null> {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    r.disconnect();
  }
}

/** Skip-or-fail decision for a test file needing services; prints the reason once. */
export function absentServices(reasons: Array<[string, string | null]>): boolean {
  const missing = reasons.filter(([, r]) => r !== null);
  if (missing.length === 0) return false;
  const text = missing.map(([name, r]) => `${name}: ${r}`).join('; ');
  if (inCi) throw new Error(`Required services are not reachable (${text}); CI=true, so this fails instead of skipping.`);
  console.warn(`Skipping: ${text}`);
  return true;
}

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `samskap_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(pgAdminUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: pgAdminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export const testPrefix = () => `samskap-test-${randomBytes(5).toString('hex')}:`;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A private redis-server that a test may stop and start again (the machine's stays untouched). */
export class PrivateRedis {
  private proc: ChildProcess | null = null;
  constructor(readonly port: number) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const deadline = Date.now() + 5000;
    while ((await redisUnreachable(this.url)) !== null) {
      if (Date.now() > deadline) throw new Error('private redis-server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async stop(): Promise<void> {
    const p = this.proc;
    if (!p) return;
    this.proc = null;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  }
}

/**
 * A private PostgreSQL cluster (initdb into a temp folder, run as the `postgres` system user)
 * that a test may stop and start again without touching the machine's server.
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, chmodSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const version = readdirSync('/usr/lib/postgresql').sort().at(-1);
    if (!version) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql');
    const bin = `/usr/lib/postgresql/${version}/bin`;
    const dir = mkdtempSync(path.join(tmpdir(), 'samskap-pg-'));
    chmodSync(dir, 0o777);
    const pg = new PrivatePostgres(path.join(dir, 'data'), await freePort(), bin);
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', `${bin}/initdb -D ${pg.dir} -A trust -U postgres >/dev/null`]);
    await pg.start();
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    const { execFileSync } = await import('node:child_process');
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', `${this.bin}/pg_ctl -D ${this.dir} -o "-p ${this.port} -k /tmp -c listen_addresses=127.0.0.1" -w -l ${this.dir}.log start >/dev/null`]);
  }

  /** `-m immediate`: like a crash; the next start recovers from the WAL. */
  async stop(): Promise<void> {
    const { execFileSync } = await import('node:child_process');
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', `${this.bin}/pg_ctl -D ${this.dir} -m immediate -w stop >/dev/null`]);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    const { rmSync } = await import('node:fs');
    const path = await import('node:path');
    rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}
