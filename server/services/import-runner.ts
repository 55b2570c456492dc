/**
 * Runs one import's parsing and checking (server/services/backup-prepare.ts) in its own worker
 * thread with a memory and time limit: a hostile file can exhaust only that worker, never the
 * process serving every workshop. One worker per import; the HTTP layer allows one at a time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, ErrorCode, type ErrorCode as Code } from '../../shared/errors.js';
import type { PrepareOptions, PreparedImport } from './backup-prepare.js';
import { runsCompiled } from '../util/project-root.js';

export interface ImportRunnerLimits {
  /** Old-generation heap of the worker, in MB. */
  heapMb: number;
  /** The worker is stopped past this. */
  timeoutMs: number;
}

type Reply = { ok: true; prepared: PreparedImport } | { ok: false; error: { code: Code; status: number; message: string; details?: Record<string, unknown> } };

const entry = new URL(`./import-worker.${runsCompiled(import.meta.url) ? 'js' : 'ts'}`, import.meta.url);

/** Run from TypeScript sources (tsx, vitest): the worker registers tsx's loader before loading its entry. */
function startWorker(workerData: unknown, transferList: ArrayBuffer[], limits: ImportRunnerLimits): Worker {
  const options = { workerData, transferList, resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, stackSizeMb: 4 } };
  if (runsCompiled(import.meta.url)) return new Worker(entry, options);
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

export function runImportWorker(body: Uint8Array, opts: PrepareOptions, limits: ImportRunnerLimits): Promise<PreparedImport> {
  const own = new Uint8Array(body); // a copy of its own, handed over without another copy
  return new Promise((resolve, reject) => {
    const worker = startWorker({ body: own, opts }, [own.buffer], limits);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(new AppError(ErrorCode.payloadTooLarge, 413, 'This file takes too long to check.'))), limits.timeoutMs);
    worker.once('message', (reply: Reply) =>
      settle(() => (reply.ok ? resolve(reply.prepared) : reject(new AppError(reply.error.code, reply.error.status, reply.error.message, reply.error.details)))),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError(ErrorCode.payloadTooLarge, 413, 'This file is too large to check.') : err)),
    );
    worker.once('exit', () => settle(() => reject(new AppError(ErrorCode.internal, 500, 'The import stopped unexpectedly.'))));
  });
}
