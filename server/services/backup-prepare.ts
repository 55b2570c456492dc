/**
 * Everything an import computes before it writes: the request body read as JSON (refused when
 * nested deeper than the file format goes), the creation code, the file's format, version,
 * checksum, audit chains and documents, its rows (server/services/backup-rows-check.ts), then new
 * ids for all of it. Pure and CPU-bound: it runs in a worker thread (server/services/import-worker.ts),
 * so one large or hostile file never blocks the server's other workshops.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { malformedComment } from '../../shared/board/comments.js';
import { BoardKey } from '../../shared/board/schema.js';
import { CharterKey } from '../../shared/charter/schema.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { RECORD_KIND_OF } from '../../shared/export/backup-rows.js';
import { BACKUP_FORMAT, BACKUP_VERSIONS_READ, BackupContent, BackupEnvelope, ImportBody } from '../../shared/export/backup.js';
import { ID_PATTERN, parseRoom } from '../../shared/ids.js';
import { brokenRule, CONTENT_RULES, UpdateRule } from '../../shared/sync/content-rules.js';
import { checkTypeDepth } from '../../shared/sync/type-depth.js';
import { VISION_DOC_OPTIONS, VisionKey } from '../../shared/vision/schema.js';
import { hashToken, newId, newToken, sameSecret } from '../auth/tokens.js';
import { IdRemap } from '../export/id-remap.js';
import { remapSuggestions } from '../export/suggestion-remap.js';
import { verifyArchivedChains, verifyAuditChain } from '../store/audit-hash.js';
import type { BackupRows } from '../store/backup-tables.js';
import type { AuditEntry } from '../store/types.js';
import { checkedRows } from './backup-rows-check.js';

/** Deeper than any backup goes (the envelope, rows and audit entries' data nest about a dozen levels). */
export const MAX_IMPORT_DEPTH = 48;

export interface PreparedImport {
  displayName: string;
  sourceWorkshopId: string;
  newWorkshopId: string;
  rows: BackupRows;
  docs: { room: string; update: Uint8Array }[];
  audit: AuditEntry[];
  auditArchive: AuditEntry[];
  /** The public key of the server that signed the chain (provenance), when the file carries one. */
  auditKey?: string;
  /** What the import left behind (unrevealed answers, open rounds), for the importer to read. */
  warnings: string[];
}

export interface PrepareOptions {
  /** The server's CREATE_CODE; checked here unless the `X-Create-Code` header already passed. */
  createCode: string | null;
  codeCheckedFromHeader: boolean;
  /** ISO time of the import (open rounds are closed at it). */
  now: string;
}

const invalid = (why: string) => new AppError(ErrorCode.backupInvalid, 400, `This is not a usable Samskap backup: ${why}.`);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const MAPS_OF = (part: string): readonly string[] =>
  part === 'vision' ? [VisionKey.comments] : part === 'charter' ? Object.values(CharterKey).filter((k) => k !== CharterKey.schemaVersion) : [BoardKey.meta, BoardKey.elements, BoardKey.comments];

export function prepareImport(body: Uint8Array, opts: PrepareOptions): PreparedImport {
  const json = parsedBody(body);
  const input = ImportBody.safeParse(json);
  if (!input.success) {
    const field = input.error.issues[0]?.path.join('.') || '(body)';
    throw new AppError(ErrorCode.validationFailed, 400, `${field}: ${input.error.issues[0]?.message ?? 'is invalid'}`, { field });
  }
  // Before anything else is looked at: a wrong code learns nothing about the file.
  if (opts.createCode !== null && !opts.codeCheckedFromHeader && !sameSecret(input.data.createCode ?? '', opts.createCode)) {
    throw new AppError(ErrorCode.createCodeRequired, 403, 'Importing a workshop on this server needs the right creation code.');
  }
  const content = checkedContent(input.data.backup);
  const { rows, warnings } = checkedRows(content, opts.now);
  const { remap, newWorkshopId } = newIds(content);
  const remapped = remap.rows(rows);
  for (const m of remapped.members ?? []) m.token_hash = hashToken(newToken()); // nobody holds these
  const docs = Object.entries(content.docs).map(([part, b64]) => ({ room: `${newWorkshopId}/${remap.text(part)}`, update: rewriteDoc(part, b64, remap) }));
  return {
    displayName: input.data.displayName,
    sourceWorkshopId: content.sourceWorkshopId,
    newWorkshopId,
    rows: remapped,
    docs,
    audit: content.audit,
    auditArchive: content.auditArchive ?? [],
    ...(content.auditKey ? { auditKey: content.auditKey } : {}),
    warnings: warnings.map((w) => remap.text(w)),
  };
}

/** The body as JSON; nesting is measured on the bytes first, so no parser or validator recurses deeper. */
function parsedBody(body: Uint8Array): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_IMPORT_DEPTH) throw invalid(`it is nested deeper than ${MAX_IMPORT_DEPTH} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  try {
    return JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')) as unknown;
  } catch {
    throw new AppError(ErrorCode.invalidJson, 400, 'The request body is not valid JSON.');
  }
}

/** The backup's content, once format, version, checksum, ids, audit chain and documents check out. */
function checkedContent(file: unknown): BackupContent {
  const envelope = BackupEnvelope.safeParse(file);
  if (!envelope.success || envelope.data.format !== BACKUP_FORMAT) throw invalid('it is not a Samskap backup file');
  if (!BACKUP_VERSIONS_READ.includes(envelope.data.version)) throw invalid(`version ${envelope.data.version} is not supported (this server reads versions ${BACKUP_VERSIONS_READ.join(' and ')})`);
  if (sha256(JSON.stringify(envelope.data.content)) !== envelope.data.sha256) throw invalid('its checksum does not match (the file is damaged or was changed)');
  const parsed = BackupContent.safeParse(envelope.data.content);
  if (!parsed.success) throw invalid(`its content is malformed at ${parsed.error.issues[0]?.path.join('.') || 'the top'}`);
  const content = parsed.data;
  const w = content.rows.workshops;
  if (w?.length !== 1 || w[0]!.id !== content.sourceWorkshopId || !ID_PATTERN.test(content.sourceWorkshopId)) throw invalid('it does not hold exactly one workshop');
  const chain = verifyAuditChain(content.audit);
  if (!chain.ok) throw invalid(`its audit log does not verify (entry ${chain.brokenAt})`);
  if (content.auditArchive && !verifyArchivedChains(content.auditArchive).ok) throw invalid('its archived audit log does not verify');
  if (content.audit.some((e) => e.workshopId !== content.sourceWorkshopId)) throw invalid('its audit log belongs to another workshop');
  for (const [part, b64] of Object.entries(content.docs)) {
    const room = parseRoom(`${content.sourceWorkshopId}/${part}`);
    if (!room) throw invalid(`it names an unknown document ${JSON.stringify(part.slice(0, 40))}`);
    const rule = brokenDocRule(room.part.kind, new Uint8Array(Buffer.from(b64, 'base64')));
    if (rule === 'unreadable') throw invalid(`its document ${part} cannot be read`);
    if (rule) throw invalid(`its document ${part} holds what no ${room.part.kind} may hold (${rule})`);
  }
  return content;
}

/**
 * A document from a file passes the rules a member's update passes (shared/sync/content-rules.ts),
 * and a board's comments are well-formed (shared/board/comments.ts): nothing a member could not have written reaches this server's rooms, exports or clients.
 */
function brokenDocRule(kind: 'vision' | 'charter' | 'board', update: Uint8Array): string | null {
  try {
    const { structs } = Y.decodeUpdate(update);
    const rules = CONTENT_RULES[kind];
    const broken = brokenRule(structs, rules);
    if (broken) return broken;
    const depth = checkTypeDepth(structs, new Y.Doc(), rules.maxTypeLevel);
    if (depth !== 'ok') return depth === 'too-deep' ? UpdateRule.nesting : UpdateRule.unknownParent;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    Y.encodeStateAsUpdate(doc);
    // A comment no member could have written (its authorship is the file's, like its elements').
    if (kind === 'board' && malformedComment(doc) !== null) return 'comment-shape';
    return null;
  } catch {
    return 'unreadable';
  }
}

/** New ids for the workshop and every record (checkedRows made sure they are valid and distinct). */
function newIds(content: BackupContent): { remap: IdRemap; newWorkshopId: string } {
  const map = new Map<string, string>();
  const newWorkshopId = newId();
  map.set(content.sourceWorkshopId, newWorkshopId);
  for (const table of Object.keys(RECORD_KIND_OF)) {
    for (const row of content.rows[table] ?? []) map.set(row.id as string, newId());
  }
  return { remap: new IdRemap(map), newWorkshopId };
}

function rewriteDoc(part: string, b64: string, remap: IdRemap): Uint8Array {
  const doc = new Y.Doc(part === 'vision' ? VISION_DOC_OPTIONS : {});
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(b64, 'base64')));
  remap.doc(doc, MAPS_OF(part));
  if (part === 'vision') remapSuggestions(doc, remap);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
