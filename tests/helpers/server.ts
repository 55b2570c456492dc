/** Starts a real Samskap in this process on port 0 with its own data directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSamskap, type Samskap } from '../../server/app.js';
import { loadConfig } from '../../server/config/index.js';
import { createLogger } from '../../server/log.js';
import type { Store } from '../../server/store/types.js';

export interface TestServer {
  app: Samskap;
  port: number;
  base: string;
  wsBase: string;
  dataDir: string;
  /** Closes gracefully; the data directory stays until `cleanup`. */
  stop(): Promise<void>;
  cleanup(): void;
}

/** `store`: a store opened by the test (e.g. read-only) instead of the one the configuration names. */
export async function startServer(env: Record<string, string> = {}, dataDir?: string, opts: { now?: () => Date; store?: Store } = {}): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'samskap-test-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    SAMSKAP_BUILD_CLIENT: 'never',
    RATE_LIMIT_OPEN_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '100000',
    ...env,
  });
  const app = await createSamskap(config, createLogger(config.logLevel), { clientDir: path.join(dir, 'no-client'), now: opts.now, store: opts.store });
  const port = await app.listen();
  return {
    app,
    port,
    base: `http://127.0.0.1:${port}`,
    wsBase: `ws://127.0.0.1:${port}/sync`,
    dataDir: dir,
    stop: () => app.close(),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
