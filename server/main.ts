/**
 * The server's entry: `npm start` runs it compiled (dist/app/server/main.js, built with the client
 * by `prestart` when missing or stale); `npm run dev` and the tests run it from source through tsx,
 * and then it builds the client itself when that is missing or stale. Parse configuration, serve.
 * SIGTERM/SIGINT shut down gracefully: everything queued is stored before sockets close.
 */
import path from 'node:path';
import { createSamskap } from './app.js';
import { thisBuild } from './build-info.js';
import { ensureClientBuilt } from './client-build.js';
import { ConfigError, loadConfig } from './config/index.js';
import { createLogger } from './log.js';
import { projectRoot, runsCompiled } from './util/project-root.js';

const root = projectRoot(import.meta.url);

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
  // Compiled, the client was built beside it (scripts/prestart.mjs); Vite is a development tool.
  if (config.buildClient && !runsCompiled(import.meta.url)) await ensureClientBuilt(root, clientDir, log);
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
