/** `/api/workshops/:id/export/…`: parse the query, call the export service, send the file. */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { Id } from '../../../shared/api.js';
import { BoardExportQuery, CharterExportQuery } from '../../../shared/export/charter-export.js';
import type { Authenticator } from '../../auth/authenticator.js';
import { attachment, type ExportFile } from '../../export/files.js';
import type { BackupService } from '../../services/backup.js';
import type { ExportService } from '../../services/exports.js';
import { actorOf, requireActor } from '../auth-middleware.js';
import { parseInput } from '../errors.js';

export interface ExportRouteDeps {
  exports: ExportService;
  backup: BackupService;
  /** Per-member limit of charter and board exports (runs after authentication). */
  exportLimit: RequestHandler;
  auth: Authenticator;
  publicUrl: string | null;
}

function send(res: Response, f: ExportFile): void {
  res.setHeader('Content-Type', f.contentType);
  res.setHeader('Content-Disposition', attachment(f.filename));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(f.body);
}

export function exportRoutes(deps: ExportRouteDeps): Router {
  const r = Router();
  const member = requireActor(deps.auth, deps.publicUrl);
  const id = (req: Request) => parseInput(Id, req.params.id);

  r.get('/workshops/:id/export/charter', member, deps.exportLimit, async (req, res) => {
    const q = parseInput(CharterExportQuery, req.query);
    send(res, await deps.exports.charter(actorOf(res.locals), id(req), { format: q.format, lang: q.lang, all: q.all === 'true' }));
  });

  r.get('/workshops/:id/export/board/:boardId', member, deps.exportLimit, async (req, res) => {
    const q = parseInput(BoardExportQuery, req.query);
    send(res, await deps.exports.board(actorOf(res.locals), id(req), parseInput(Id, req.params.boardId), q));
  });

  r.get('/workshops/:id/backup', member, async (req, res) => {
    send(res, await deps.backup.backup(actorOf(res.locals), id(req)));
  });

  return r;
}
