import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config/index.js';
import { runChildToExit } from './helpers/child-server.js';

const dir = mkdtempSync(path.join(tmpdir(), 'samskap-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration', () => {
  it('has working defaults and generates a session secret once', () => {
    const c = loadConfig({ DATA_DIR: dir });
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', publicUrl: null, databaseUrl: null, createCode: null, logLevel: 'info' });
    expect(c.sync.maxMessageBytes).toBe(5 * 1024 * 1024);
    expect(c.imports.maxBytesPerDay).toBe(256 * 1024 * 1024);
    expect(loadConfig({ DATA_DIR: dir, IMPORT_MAX_BYTES_PER_DAY: '1048576' }).imports.maxBytesPerDay).toBe(1024 * 1024);
    expect(c.sync.maxConnectionsPerMember).toBe(32);
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(c.sessionSecret);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(c.sessionSecret);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['SESSION_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['SYNC_MAX_MESSAGE_BYTES', '10'],
    ['IMPORT_MAX_BYTES_PER_DAY', 'lots'],
    ['IMPORT_MAX_BYTES_PER_DAY', '10'],
    ['SYNC_MAX_CONNECTIONS_PER_MEMBER', '0'],
  ])('refuses %s=%s with one line naming it', (name, value) => {
    try {
      loadConfig({ DATA_DIR: dir, [name]: value });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toContain(name);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('npm start with PORT=abc stops with one line naming PORT', async () => {
    const { code, output } = await runChildToExit({ PORT: 'abc', DATA_DIR: dir });
    expect(code).toBe(2);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/^Invalid configuration: PORT /);
  });
});
