/**
 * Whole-workshop backup and import. A backup carries the workshop's records (BACKUP_TABLES;
 * no votes and no unrevealed answers: closed rounds carry their tally), every document's Yjs
 * state and the audit log with its hash chain. Import checks everything before it writes anything
 * (server/services/backup-prepare.ts, in a worker), and writes it all in one transaction: a
 * damaged, foreign or hostile file creates nothing. The importer becomes the new workshop's facilitator; imported
 * members keep their names and stances but no way to sign in (their tokens stay behind).
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { ImportedWorkshopDto } from '../../shared/api.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupContent } from '../../shared/export/backup.js';
import { authorize, type Actor } from '../auth/access.js';
import type { Sessions } from '../auth/sessions.js';
import { slug, type ExportFile } from '../export/files.js';
import type { MemberRecord, Store } from '../store/types.js';
import type { PreparedImport } from './backup-prepare.js';
import { importProvenance } from './audit-provenance.js';
import { newMember, toMemberDto, toOrganisationDto } from './dto.js';

export interface BackupDeps {
  sessions: Sessions;
  store: Store;
  docs: { read<T>(room: string, fn: (doc: Y.Doc) => T): Promise<T> };
  /** Writes the last-editor records still waiting (server/sync/last-edits.ts), so the backup carries them. */
  flushLastEdits?: () => Promise<void>;
  now?: () => Date;
}

export type BackupService = ReturnType<typeof createBackupService>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function createBackupService(deps: BackupDeps) {
  const { store } = deps;
  const now = () => (deps.now ?? (() => new Date()))();

  return {
    async backup(actor: Actor, workshopId: string): Promise<ExportFile> {
      authorize(actor, 'workshop.manage', workshopId);
      const workshop = await store.workshops.get(workshopId);
      if (!workshop) throw new AppError(ErrorCode.workshopNotFound, 404, 'No such workshop.');
      await deps.flushLastEdits?.();
      const at = now().toISOString();
      await store.audit.append({ workshopId, at, actorId: actor.member.id, type: 'workshop.backed_up', data: {} });
      const boards = await store.workshops.boards(workshopId);
      const parts = ['vision', 'charter', ...boards.map((b) => `board/${b.id}`)];
      const docs: Record<string, string> = {};
      for (const part of parts) {
        docs[part] = await deps.docs.read(`${workshopId}/${part}`, (doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'));
      }
      const archive = await store.backup.archivedAudit(workshopId);
      const rows = await store.backup.dump(workshopId);
      // Votes stay behind (who voted for what is secret): a closed round carries its tally.
      for (const r of rows.vote_rounds ?? []) {
        if (r.status === 'closed' && r.tally === null) r.tally = JSON.stringify(await store.votes.results(r.id as string));
      }
      const content: BackupContent = {
        sourceWorkshopId: workshopId,
        rows,
        docs,
        audit: await store.audit.list(workshopId),
        auditKey: await store.audit.publicKey(),
        ...(archive.length ? { auditArchive: archive } : {}),
      };
      const json = JSON.stringify(content);
      const file = `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"createdAt":${JSON.stringify(at)},"sha256":"${sha256(json)}","content":${json}}\n`;
      return { body: Buffer.from(file), contentType: 'application/json; charset=utf-8', filename: `${slug(workshop.title)}-backup-${at.slice(0, 10)}.samskap.json` };
    },

    /** Writes a file that prepareImport (in the import worker) checked and gave new ids, in one transaction. */
    async import(p: PreparedImport): Promise<ImportedWorkshopDto> {
      const at = now().toISOString();
      const member: MemberRecord = { ...newMember(p.newWorkshopId, p.displayName, 'facilitator', null, at), invitedBy: null };
      const token = await store.transaction(async (tx) => {
        await tx.backup.restore(p.rows);
        await tx.workshops.addMember(member);
        const secret = await deps.sessions.open(tx, member);
        for (const d of p.docs) await tx.docs.appendUpdate(d.room, d.update);
        await tx.backup.archiveAudit(p.newWorkshopId, [...p.auditArchive, ...p.audit]);
        await tx.audit.append({ workshopId: p.newWorkshopId, at, actorId: member.id, type: 'workshop.imported', data: importedEntryData(p) });
        return secret;
      });
      const workshop = (await store.workshops.get(p.newWorkshopId))!;
      const orgs = await store.workshops.organisations(p.newWorkshopId);
      return { id: workshop.id, title: workshop.title, organisations: orgs.map(toOrganisationDto), token, member: toMemberDto(member, null), warnings: p.warnings };
    },
  };
}

/**
 * The `workshop.imported` audit entry's data: one object, so later fields (a signature, the
 * file's provenance) are added beside these without changing them.
 */
function importedEntryData(p: PreparedImport): Record<string, unknown> {
  return {
    sourceWorkshopId: p.sourceWorkshopId, importedEntries: p.audit.length, importedHeadHash: p.audit.at(-1)?.hash ?? null, warnings: p.warnings.length,
    ...importProvenance({ audit: p.audit, auditKey: p.auditKey }),
  };
}
