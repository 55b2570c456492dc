/**
 * Whole-workshop backup and import. A backup carries the workshop's records (BACKUP_TABLES),
 * every document's Yjs state and the audit log with its hash chain. Import checks everything
 * before it writes anything (format, version, checksum, the audit chain, every document), gives
 * the workshop and its records new ids, and writes it all in one transaction: a damaged or
 * foreign file creates nothing. The importer becomes the new workshop's facilitator; imported
 * members keep their names and stances but no way to sign in (their tokens stay behind).
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { CreatedWorkshopDto } from '../../shared/api.js';
import { BoardKey } from '../../shared/board/schema.js';
import { CharterKey } from '../../shared/charter/schema.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupContent, BackupEnvelope } from '../../shared/export/backup.js';
import { ID_PATTERN, parseRoom } from '../../shared/ids.js';
import { VISION_DOC_OPTIONS, VisionKey } from '../../shared/vision/schema.js';
import { authorize, type Actor } from '../auth/access.js';
import { hashToken, newId, newToken, sameSecret } from '../auth/tokens.js';
import { IdRemap } from '../export/id-remap.js';
import { slug, type ExportFile } from '../export/files.js';
import { verifyArchivedChains, verifyAuditChain } from '../store/audit-hash.js';
import type { MemberRecord, Store } from '../store/types.js';
import { importProvenance } from './audit-provenance.js';
import { toMemberDto, toOrganisationDto } from './dto.js';

export interface BackupDeps {
  store: Store;
  docs: { read<T>(room: string, fn: (doc: Y.Doc) => T): Promise<T> };
  createCode: string | null;
  now?: () => Date;
}

export type BackupService = ReturnType<typeof createBackupService>;

const invalid = (why: string) => new AppError(ErrorCode.backupInvalid, 400, `This is not a usable Samskap backup: ${why}.`);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** Tables whose `id` column names a record of the workshop: these get new ids on import. */
const RECORD_TABLES = ['organisations', 'boards', 'members', 'milestones', 'questions', 'vote_rounds'];
const MAPS_OF = (part: string): readonly string[] =>
  part === 'vision' ? [VisionKey.comments] : part === 'charter' ? Object.values(CharterKey).filter((k) => k !== CharterKey.schemaVersion) : [BoardKey.meta, BoardKey.elements];

export function createBackupService(deps: BackupDeps) {
  const { store } = deps;
  const now = () => (deps.now ?? (() => new Date()))();

  return {
    async backup(actor: Actor, workshopId: string): Promise<ExportFile> {
      authorize(actor, 'workshop.manage', workshopId);
      const workshop = await store.workshops.get(workshopId);
      if (!workshop) throw new AppError(ErrorCode.workshopNotFound, 404, 'No such workshop.');
      const at = now().toISOString();
      await store.audit.append({ workshopId, at, actorId: actor.member.id, type: 'workshop.backed_up', data: {} });
      const boards = await store.workshops.boards(workshopId);
      const parts = ['vision', 'charter', ...boards.map((b) => `board/${b.id}`)];
      const docs: Record<string, string> = {};
      for (const part of parts) {
        docs[part] = await deps.docs.read(`${workshopId}/${part}`, (doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'));
      }
      const archive = await store.backup.archivedAudit(workshopId);
      const content: BackupContent = {
        sourceWorkshopId: workshopId,
        rows: await store.backup.dump(workshopId),
        docs,
        audit: await store.audit.list(workshopId),
        auditKey: await store.audit.publicKey(),
        ...(archive.length ? { auditArchive: archive } : {}),
      };
      const json = JSON.stringify(content);
      const file = `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"createdAt":${JSON.stringify(at)},"sha256":"${sha256(json)}","content":${json}}\n`;
      return { body: Buffer.from(file), contentType: 'application/json; charset=utf-8', filename: `${slug(workshop.title)}-backup-${at.slice(0, 10)}.samskap.json` };
    },

    async import(input: { backup: unknown; displayName: string; createCode?: string }): Promise<CreatedWorkshopDto> {
      if (deps.createCode !== null && !sameSecret(input.createCode ?? '', deps.createCode)) {
        throw new AppError(ErrorCode.createCodeRequired, 403, 'Importing a workshop on this server needs the right creation code.');
      }
      const content = checkedContent(input.backup);
      const { remap, newWorkshopId } = newIds(content);
      const rows = remap.rows(content.rows);
      for (const m of rows.members ?? []) m.token_hash = hashToken(newToken()); // nobody holds these
      const docs = Object.entries(content.docs).map(([part, b64]) => ({ room: `${newWorkshopId}/${remap.text(part)}`, update: rewriteDoc(part, b64, remap) }));
      const at = now().toISOString();
      const token = newToken();
      const member: MemberRecord = { id: newId(), workshopId: newWorkshopId, displayName: input.displayName, role: 'facilitator', organisationId: null, tokenHash: hashToken(token), createdAt: at };
      await store.transaction(async (tx) => {
        await tx.backup.restore(rows);
        await tx.workshops.addMember(member);
        for (const d of docs) await tx.docs.appendUpdate(d.room, d.update);
        await tx.backup.archiveAudit(newWorkshopId, [...(content.auditArchive ?? []), ...content.audit]);
        await tx.audit.append({
          workshopId: newWorkshopId, at, actorId: member.id, type: 'workshop.imported',
          data: { sourceWorkshopId: content.sourceWorkshopId, importedEntries: content.audit.length, importedHeadHash: content.audit.at(-1)?.hash ?? null, ...importProvenance(content) },
        });
      });
      const workshop = (await store.workshops.get(newWorkshopId))!;
      const orgs = await store.workshops.organisations(newWorkshopId);
      return { id: workshop.id, title: workshop.title, organisations: orgs.map(toOrganisationDto), token, member: toMemberDto(member) };
    },
  };
}

/** The backup's content, once format, version, checksum, ids, audit chain and documents check out. */
function checkedContent(file: unknown): BackupContent {
  const envelope = BackupEnvelope.safeParse(file);
  if (!envelope.success || envelope.data.format !== BACKUP_FORMAT) throw invalid('it is not a Samskap backup file');
  if (envelope.data.version !== BACKUP_VERSION) throw invalid(`version ${envelope.data.version} is not supported (this server reads version ${BACKUP_VERSION})`);
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
    if (!parseRoom(`${content.sourceWorkshopId}/${part}`)) throw invalid(`it names an unknown document ${JSON.stringify(part.slice(0, 40))}`);
    try {
      Y.applyUpdate(new Y.Doc(), new Uint8Array(Buffer.from(b64, 'base64')));
    } catch {
      throw invalid(`its document ${part} cannot be read`);
    }
  }
  return content;
}

function newIds(content: BackupContent): { remap: IdRemap; newWorkshopId: string } {
  const map = new Map<string, string>();
  const newWorkshopId = newId();
  map.set(content.sourceWorkshopId, newWorkshopId);
  for (const table of RECORD_TABLES) {
    for (const row of content.rows[table] ?? []) {
      const id = row.id;
      if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw invalid(`a record of ${table} has no valid id`);
      map.set(id, newId());
    }
  }
  return { remap: new IdRemap(map), newWorkshopId };
}

function rewriteDoc(part: string, b64: string, remap: IdRemap): Uint8Array {
  const doc = new Y.Doc(part === 'vision' ? VISION_DOC_OPTIONS : {});
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(b64, 'base64')));
  remap.doc(doc, MAPS_OF(part));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
