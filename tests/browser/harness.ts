/**
 * The real server with a freshly built client, for browser tests. The client is built into a
 * temporary folder (not dist/client), so test files running in parallel, or a developer's
 * running server, never see a half-written build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { createSamskap, type Samskap } from '../../server/app.js';
import { loadConfig } from '../../server/config/index.js';
import { createLogger } from '../../server/log.js';

export interface BuiltClient {
  dir: string;
  remove(): void;
}

/** Builds client/ with the project's vite.config.ts into a temporary folder. */
export async function buildClient(): Promise<BuiltClient> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samskap-client-'));
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'silent', build: { outDir: dir } });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestServer {
  app: Samskap;
  /** `http://127.0.0.1:<port>` */
  base: string;
  close(): Promise<void>;
}

/** Starts Samskap on a free port with its own SQLite data folder; `env` adds configuration. */
export async function startServer(clientDir: string, env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samskap-browser-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SAMSKAP_BUILD_CLIENT: 'never', ...env });
  const app = await createSamskap(config, createLogger('silent'), { clientDir });
  const base = `http://127.0.0.1:${await app.listen()}`;
  return {
    app,
    base,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
