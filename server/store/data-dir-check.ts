/**
 * Readiness of the data directory (where SQLite keeps the database): enough free space, and a
 * small file can be written, synced and removed. Either failing makes `/readyz` answer 503
 * `storage_unavailable`, so a load balancer stops sending work to an instance that could not
 * store it. `statfs` is injectable for tests; the threshold is READY_MIN_FREE_MB.
 */
import { randomUUID } from 'node:crypto';
import { open, rm, statfs as fsStatfs } from 'node:fs/promises';
import path from 'node:path';
import { AppError, ErrorCode } from '../../shared/errors.js';

export interface DataDirCheckOptions {
  dir: string;
  minFreeBytes: number;
  statfs?: (dir: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;
}

const MB = 1024 * 1024;
const unavailable = (message: string, cause?: unknown) => Object.assign(new AppError(ErrorCode.storageUnavailable, 503, message), { cause });

export function dataDirCheck(opts: DataDirCheckOptions): () => Promise<void> {
  const statfs = opts.statfs ?? ((dir: string) => fsStatfs(dir));
  return async () => {
    let free: number;
    try {
      const st = await statfs(opts.dir);
      free = Number(st.bavail) * Number(st.bsize);
    } catch (err) {
      throw unavailable('The data directory cannot be read.', err);
    }
    if (free < opts.minFreeBytes) {
      throw unavailable(`The data directory is nearly full (${Math.floor(free / MB)} MB free, ${Math.ceil(opts.minFreeBytes / MB)} MB needed).`);
    }
    const probe = path.join(opts.dir, `.ready-${randomUUID()}`);
    try {
      const file = await open(probe, 'wx');
      try {
        await file.writeFile('ready\n');
        await file.sync();
      } finally {
        await file.close();
      }
    } catch (err) {
      throw unavailable('The data directory cannot be written.', err);
    } finally {
      await rm(probe, { force: true }).catch(() => undefined);
    }
  };
}
