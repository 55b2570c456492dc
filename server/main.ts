/**
 * `npm start`: parse configuration, build the client if it is missing or stale, serve.
 * SIGTERM/SIGINT shut down gracefully: everything queued is stored before sockets close.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSamskap } from './app.js';
import { thisBuild } from './build-info.js';
import { ensureClientBuilt } from './client-build.js';
import { ConfigError, loadConfig } from './config/index.js';
import { createLogger } from './log.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const clientDir = path.join(root, 'dist', 'client');
  if (config.buildClient) await ensureClientBuilt(root, clientDir, log);
  const samskap = await createSamskap(config, log, { clientDir });
  const port = await samskap.listen();
  const shown = config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info({ port, dataDir: config.databaseUrl ? undefined : config.dataDir, ...thisBuild() }, 'Samskap is listening');
  process.stdout.write(`Samskap is running at ${shown}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    samskap.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Samskap could not start: ${(err as Error).message}\n`);
  process.exit(1);
});
