/**
 * `POST /api/workshops/import`. Everything that can refuse a caller runs before one byte of the
 * body is read: no Content-Encoding, the per-address rate, a wrong `X-Create-Code`, with sign-in on
 * a caller who is not signed in (and gives no right `X-Create-Code`), the day's
 * byte cap, and the one import slot. The body is then read (capped), parsed and checked in a
 * worker thread (with CREATE_CODE set and no header, the body's `createCode` is checked there
 * before anything else), and written by the backup service.
 */
import { Router, type Request, type RequestHandler } from 'express';
import { AppError, ErrorCode } from '../../../shared/errors.js';
import { sameSecret } from '../../auth/tokens.js';
import type { BackupService } from '../../services/backup.js';
import type { PrepareOptions, PreparedImport } from '../../services/backup-prepare.js';
import type { ImportGate } from '../import-gate.js';

export interface ImportRouteDeps {
  backup: BackupService;
  gate: ImportGate;
  /** Parses and checks the body away from the event loop (server/services/import-runner.ts). */
  prepare(body: Uint8Array, opts: PrepareOptions): Promise<PreparedImport>;
  createCode: string | null;
  /** Rate limit for unauthenticated writes (import creates a workshop). */
  openLimit: RequestHandler;
  /**
   * Null while sign-in is off; otherwise whether the request comes from a signed-in person: with
   * sign-in on, importing needs one (or the creation code in `X-Create-Code`).
   */
  signedIn: ((req: Request) => Promise<boolean>) | null;
  /** Sets the new facilitator's session cookie after an import. */
  sessionCookie(req: Request, workshopId: string, token: string): string;
  now?: () => Date;
}

export function importRoutes(deps: ImportRouteDeps): Router {
  const r = Router();
  const now = deps.now ?? (() => new Date());

  r.post('/workshops/import', deps.openLimit, async (req, res) => {
    const header = req.get('x-create-code');
    if (deps.createCode !== null && header !== undefined && !sameSecret(header, deps.createCode)) {
      throw new AppError(ErrorCode.createCodeRequired, 403, 'Importing a workshop on this server needs the right creation code.');
    }
    // With sign-in on, a stranger may not create a workshop by import: a signed-in person, or the code.
    const byCode = deps.createCode !== null && header !== undefined;
    if (deps.signedIn && !byCode && !(await deps.signedIn(req))) {
      throw new AppError(ErrorCode.unauthenticated, 401, 'Sign in first to import a workshop on this server.');
    }
    deps.gate.admit(req, res);
    try {
      const body = await deps.gate.read(req, res);
      const prepared = await deps.prepare(body, { createCode: deps.createCode, codeCheckedFromHeader: header !== undefined, now: now().toISOString() });
      const created = await deps.backup.import(prepared);
      res.setHeader('Set-Cookie', deps.sessionCookie(req, created.id, created.token));
      res.status(201).json(created);
    } finally {
      deps.gate.release();
    }
  });

  return r;
}
