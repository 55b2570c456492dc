/**
 * Worker-thread entry of an import: runs prepareImport on the request body away from the event
 * loop and posts back `{ ok: true, prepared }` or `{ ok: false, error }` (an AppError's fields;
 * anything else becomes `internal`). Started by server/services/import-runner.ts, once per import.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { prepareImport, type PrepareOptions } from './backup-prepare.js';

const { body, opts } = workerData as { body: Uint8Array; opts: PrepareOptions };
try {
  const prepared = prepareImport(body, opts);
  parentPort!.postMessage({ ok: true, prepared });
} catch (err) {
  const e = err instanceof AppError ? err : new AppError(ErrorCode.internal, 500, 'The import failed on the server.');
  parentPort!.postMessage({ ok: false, error: { code: e.code, status: e.status, message: e.message, details: e.details } });
}
