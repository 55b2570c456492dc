/**
 * The organisations each proposal bound, as a backup carries them (table `principle_bindings`,
 * since migration 008_decision_binding). Every binding must name a principle row of the same file,
 * at a version it has had. A file written before 008 has no such table: its bindings are derived
 * the way the migration backfills an old database (docs/api.md, "Decisions are recorded"): a
 * closed principle binds the organisations that took a stance on its closed version, an open one
 * the organisations with a participant or facilitator in the file.
 */
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { BackupRow } from '../store/backup-tables.js';

const invalid = (why: string) => new AppError(ErrorCode.backupInvalid, 400, `This is not a usable Samskap backup: ${why}.`);

export function checkedBindings(typed: Readonly<Record<string, BackupRow[]>>): BackupRow[] {
  const principles = typed.principles ?? [];
  const versionOf = new Map(principles.map((p) => [p.id as string, p.version as number]));
  const given = typed.principle_bindings;
  if (given !== undefined) {
    for (const b of given) {
      const v = versionOf.get(b.principle_id as string);
      if (v === undefined || (b.version as number) < 1 || (b.version as number) > v) throw invalid(`principle_bindings names ${JSON.stringify(String(b.principle_id).slice(0, 40))} at a version it never had`);
    }
    return given;
  }
  const speaking = [...new Set((typed.members ?? []).filter((m) => m.role !== 'observer' && m.organisation_id !== null).map((m) => m.organisation_id as string))];
  const stances = typed.stances ?? [];
  return principles.flatMap((p) => {
    const orgs =
      p.closed === 1
        ? [...new Set(stances.filter((s) => s.principle_id === p.id && s.version === p.version).map((s) => s.organisation_id as string))]
        : speaking;
    return orgs.map((organisation_id): BackupRow => ({ workshop_id: p.workshop_id!, principle_id: p.id!, version: p.version!, organisation_id }));
  });
}
