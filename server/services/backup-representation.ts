/**
 * Representatives and anchors as a backup carries them (tables `representatives` and
 * `principle_anchors`, since migration 012_representation), checked before an import writes
 * anything: a representative is a non-observer member of the file, of the organisation the row
 * names; an anchor names a stance of the file (same principle, version, organisation and time),
 * taken by a version the principle has had. A file written before 012 has no representatives: they
 * are derived as the migration backfills an old database (per organisation, its earliest
 * non-observer member). Older files have no anchors either.
 */
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { BackupRow } from '../store/backup-tables.js';

const invalid = (why: string) => new AppError(ErrorCode.backupInvalid, 400, `This is not a usable Samskap backup: ${why}.`);
const quoted = (v: unknown) => JSON.stringify(String(v).slice(0, 40));

export function checkedRepresentatives(typed: Readonly<Record<string, BackupRow[]>>): BackupRow[] {
  const members = typed.members ?? [];
  const given = typed.representatives;
  if (given !== undefined) {
    const byId = new Map(members.map((m) => [m.id as string, m]));
    for (const r of given) {
      const m = byId.get(r.member_id as string);
      if (!m || m.role === 'observer' || m.organisation_id !== r.organisation_id) throw invalid(`representatives names ${quoted(r.member_id)}, who is no participant or facilitator of that organisation`);
    }
    return given;
  }
  const first = new Map<string, BackupRow>();
  const earlier = (a: BackupRow, b: BackupRow) => (a.created_at as string) < (b.created_at as string) || (a.created_at === b.created_at && (a.id as string) < (b.id as string));
  for (const m of members) {
    const org = m.organisation_id as string | null;
    if (m.role === 'observer' || org === null) continue;
    const seen = first.get(org);
    if (!seen || earlier(m, seen)) first.set(org, m);
  }
  return [...first.values()].map((m): BackupRow => ({
    workshop_id: m.workshop_id!, member_id: m.id!, organisation_id: m.organisation_id!, named_by: null, confirmation: null, invited_by: null, at: m.created_at!,
  }));
}

export function checkedAnchors(typed: Readonly<Record<string, BackupRow[]>>): BackupRow[] {
  const anchors = typed.principle_anchors ?? [];
  const stances = new Set((typed.stances ?? []).map((s) => JSON.stringify([s.principle_id, s.version, s.organisation_id, s.at])));
  for (const a of anchors) {
    if (!stances.has(JSON.stringify([a.principle_id, a.version, a.organisation_id, a.stance_at]))) throw invalid(`principle_anchors names a stance of ${quoted(a.principle_id)} that the file does not hold`);
  }
  return anchors;
}
