/**
 * What an import must pass before its body is read, and how the body is read: one import at a
 * time per process (others get 429 with Retry-After), a cap on imported bytes per client address
 * per UTC day (IMPORT_MAX_BYTES_PER_DAY; bytes count as they arrive, so an aborted upload counts
 * too), the per-request limit, and no `Content-Encoding` (nothing is inflated).
 */
import type { Request, Response } from 'express';
import { AppError, ErrorCode } from '../../shared/errors.js';

export interface ImportGateOptions {
  maxBodyBytes: number;
  maxBytesPerDay: number;
  now?: () => Date;
  /** Seconds a refused caller is told to wait while another import runs. */
  busyRetryAfterS?: number;
}

export type ImportGate = ReturnType<typeof createImportGate>;

const tooMany = (res: Response, retryAfterS: number, message: string) => {
  res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfterS))));
  return new AppError(ErrorCode.rateLimited, 429, message);
};

export function createImportGate(opts: ImportGateOptions) {
  const now = opts.now ?? (() => new Date());
  const used = new Map<string, { day: string; bytes: number }>();
  let busy = false;

  const today = () => now().toISOString().slice(0, 10);
  const secondsToMidnight = () => {
    const t = now();
    return (Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + 1) - t.getTime()) / 1000;
  };
  const usage = (address: string) => {
    let u = used.get(address);
    if (!u || u.day !== today()) {
      if (used.size > 10_000) for (const [k, v] of used) if (v.day !== today()) used.delete(k);
      u = { day: today(), bytes: 0 };
      used.set(address, u);
    }
    return u;
  };
  const overQuota = (res: Response) => tooMany(res, secondsToMidnight(), 'This address has imported as much as it may today; try again tomorrow.');

  return {
    /** Refuses a request whose body may not be read; else takes the one import slot (give it back with `release`). */
    admit(req: Request, res: Response): void {
      const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
      if (encoding !== 'identity') throw new AppError(ErrorCode.unsupportedEncoding, 415, 'Send the backup file uncompressed (no Content-Encoding).');
      if (!req.is('application/json')) throw new AppError(ErrorCode.unsupportedEncoding, 415, 'Send the backup as application/json.');
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > opts.maxBodyBytes) throw new AppError(ErrorCode.payloadTooLarge, 413, 'The request body is too large.');
      const u = usage(address(req));
      if (u.bytes >= opts.maxBytesPerDay || declared > opts.maxBytesPerDay - u.bytes) throw overQuota(res);
      if (busy) throw tooMany(res, opts.busyRetryAfterS ?? 5, 'Another import is under way; try again in a moment.');
      busy = true;
    },

    release(): void {
      busy = false;
    },

    /** Reads the body as bytes, counting them against the address's day; stops at the first byte too many. */
    read(req: Request, res: Response): Promise<Buffer> {
      const u = usage(address(req));
      return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let total = 0;
        const stop = (err: AppError) => {
          req.off('data', onData);
          res.setHeader('Connection', 'close');
          res.once('finish', () => req.destroy());
          reject(err);
        };
        const onData = (chunk: Buffer) => {
          total += chunk.length;
          u.bytes += chunk.length;
          if (total > opts.maxBodyBytes) return stop(new AppError(ErrorCode.payloadTooLarge, 413, 'The request body is too large.'));
          if (u.bytes > opts.maxBytesPerDay) return stop(overQuota(res));
          chunks.push(chunk);
        };
        req.on('data', onData);
        req.once('end', () => resolve(Buffer.concat(chunks)));
        req.once('error', reject);
        // Cut off by the caller: nothing to answer, the slot is given back by the route.
        req.once('close', () => reject(new AppError(ErrorCode.validationFailed, 400, 'The upload was cut off.')));
      });
    },
  };
}

function address(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? '?';
}
