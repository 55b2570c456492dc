import type { Role } from '../../../shared/api.js';
import type { BoardRecord, InviteRecord, MemberRecord, OrganisationRecord, WorkshopRecord, WorkshopRepo } from '../types.js';
import type { Runner } from './postgres-runner.js';

// Columns aliased to the record fields, so rows are records as they come. Lists order by
// COLLATE "C" to sort byte-wise as SQLite does, whatever the cluster's locale.
export const MEMBER = `id, workshop_id AS "workshopId", display_name AS "displayName", role, organisation_id AS "organisationId",
  created_at AS "createdAt", removed_at AS "removedAt", last_visit_at AS "lastVisitAt", merged_into AS "mergedInto", invited_by AS "invitedBy"`;
const INVITE = `id, workshop_id AS "workshopId", role, organisation_id AS "organisationId", token_hash AS "tokenHash",
  created_by AS "createdBy", created_at AS "createdAt", expires_at AS "expiresAt", max_uses AS "maxUses", uses, revoked_at AS "revokedAt"`;
const BY_CREATION = 'ORDER BY created_at COLLATE "C", id COLLATE "C"';

/** An optional column only when set, so records without it look as they always did. */
function withoutNull<T extends object>(row: T, key: keyof T): T {
  if (row[key] !== null) return row;
  const { [key]: _dropped, ...rest } = row;
  return rest as T;
}

export class PostgresWorkshopRepo implements WorkshopRepo {
  constructor(private readonly run: Runner) {}

  async create(w: WorkshopRecord, orgs: OrganisationRecord[], boards: BoardRecord[]): Promise<void> {
    // One statement, so atomic without a transaction; foreign keys are checked at its end.
    await this.run.query(
      `WITH w AS (INSERT INTO workshops (id, title, created_at, language, decision_rule) VALUES ($1, $2, $3, $12, $14)),
       o AS (INSERT INTO organisations (id, workshop_id, name, position, color, org_number)
             SELECT * FROM unnest($4::text[], $5::text[], $6::text[], $7::int[], $13::text[], $15::text[]))
       INSERT INTO boards (id, workshop_id, title, created_at, position) SELECT * FROM unnest($8::text[], $9::text[], $10::text[], $11::text[], $16::int[])`,
      [
        w.id, w.title, w.createdAt,
        orgs.map((o) => o.id), orgs.map((o) => o.workshopId), orgs.map((o) => o.name), orgs.map((o) => o.position),
        boards.map((b) => b.id), boards.map((b) => b.workshopId), boards.map((b) => b.title), boards.map((b) => b.createdAt),
        w.language, orgs.map((o) => o.color), w.decisionRule, orgs.map((o) => o.orgNumber ?? null),
        boards.map((b) => b.position),
      ],
    );
  }

  async get(id: string): Promise<WorkshopRecord | null> {
    const r = await this.run.query<WorkshopRecord>(
      'SELECT id, title, language, decision_rule AS "decisionRule", created_at AS "createdAt", protect_organisation_content = 1 AS "protectOrganisationContent" FROM workshops WHERE id = $1',
      [id],
    );
    return r.rows[0] ?? null;
  }

  async organisations(workshopId: string): Promise<OrganisationRecord[]> {
    const r = await this.run.query<OrganisationRecord>(
      'SELECT id, workshop_id AS "workshopId", name, position, color, org_number AS "orgNumber" FROM organisations WHERE workshop_id = $1 ORDER BY position',
      [workshopId],
    );
    return r.rows.map((o) => withoutNull(o, 'orgNumber'));
  }

  async update(id: string, patch: Partial<Pick<WorkshopRecord, 'title' | 'language' | 'decisionRule' | 'protectOrganisationContent'>>): Promise<boolean> {
    const protect = patch.protectOrganisationContent === undefined ? null : patch.protectOrganisationContent ? 1 : 0;
    const r = await this.run.query(
      'UPDATE workshops SET title = COALESCE($1, title), language = COALESCE($2, language), decision_rule = COALESCE($4, decision_rule), protect_organisation_content = COALESCE($5, protect_organisation_content) WHERE id = $3',
      [patch.title ?? null, patch.language ?? null, id, patch.decisionRule ?? null, protect],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async addOrganisation(o: OrganisationRecord): Promise<void> {
    await this.run.query('INSERT INTO organisations (id, workshop_id, name, position, color, org_number) VALUES ($1, $2, $3, $4, $5, $6)', [
      o.id, o.workshopId, o.name, o.position, o.color, o.orgNumber ?? null,
    ]);
  }

  async setOrganisationNumber(workshopId: string, organisationId: string, orgNumber: string | null): Promise<boolean> {
    const r = await this.run.query('UPDATE organisations SET org_number = $1 WHERE id = $2 AND workshop_id = $3', [orgNumber, organisationId, workshopId]);
    return (r.rowCount ?? 0) > 0;
  }

  async setOrganisationColor(workshopId: string, organisationId: string, color: string | null): Promise<boolean> {
    const r = await this.run.query('UPDATE organisations SET color = $1 WHERE id = $2 AND workshop_id = $3', [color, organisationId, workshopId]);
    return (r.rowCount ?? 0) > 0;
  }

  async boards(workshopId: string): Promise<BoardRecord[]> {
    const r = await this.run.query<BoardRecord>(
      `SELECT id, workshop_id AS "workshopId", title, created_at AS "createdAt", position FROM boards WHERE workshop_id = $1 ORDER BY position, created_at COLLATE "C", id COLLATE "C"`,
      [workshopId],
    );
    return r.rows;
  }

  async addBoard(b: BoardRecord): Promise<void> {
    await this.run.query('INSERT INTO boards (id, workshop_id, title, created_at, position) VALUES ($1, $2, $3, $4, $5)', [b.id, b.workshopId, b.title, b.createdAt, b.position]);
  }

  async updateBoard(workshopId: string, boardId: string, patch: Partial<Pick<BoardRecord, 'title' | 'position'>>): Promise<boolean> {
    const r = await this.run.query('UPDATE boards SET title = COALESCE($1, title), position = COALESCE($2, position) WHERE id = $3 AND workshop_id = $4', [
      patch.title ?? null,
      patch.position ?? null,
      boardId,
      workshopId,
    ]);
    return (r.rowCount ?? 0) > 0;
  }

  async deleteBoard(workshopId: string, boardId: string): Promise<boolean> {
    // One statement: the lock goes with the board.
    const r = await this.run.query(
      'WITH l AS (DELETE FROM board_locks WHERE workshop_id = $1 AND board_id = $2) DELETE FROM boards WHERE id = $2 AND workshop_id = $1',
      [workshopId, boardId],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async delete(id: string): Promise<boolean> {
    return ((await this.run.query('DELETE FROM workshops WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async addMember(m: MemberRecord): Promise<void> {
    await this.run.query(
      `INSERT INTO members (id, workshop_id, display_name, role, organisation_id, token_hash, created_at, removed_at, last_visit_at, merged_into, invited_by)
       VALUES ($1, $2, $3, $4, $5, 'none:' || $1, $6, $7, $8, $9, $10)`,
      [m.id, m.workshopId, m.displayName, m.role, m.organisationId, m.createdAt, m.removedAt, m.lastVisitAt, m.mergedInto, m.invitedBy],
    );
  }

  async updateMember(workshopId: string, memberId: string, patch: Partial<Pick<MemberRecord, 'displayName' | 'removedAt' | 'mergedInto'>>): Promise<boolean> {
    const r = await this.run.query(
      'UPDATE members SET display_name = COALESCE($1, display_name), removed_at = COALESCE($2, removed_at), merged_into = COALESCE($3, merged_into) WHERE workshop_id = $4 AND id = $5',
      [patch.displayName ?? null, patch.removedAt ?? null, patch.mergedInto ?? null, workshopId, memberId],
    );
    return r.rowCount === 1;
  }

  async visit(workshopId: string, memberId: string, at: string): Promise<string | null> {
    // One statement: the old value comes from the row as it was before this update.
    const r = await this.run.query<{ previous: string | null }>(
      `UPDATE members m SET last_visit_at = $1 FROM members old
       WHERE m.workshop_id = $2 AND m.id = $3 AND old.workshop_id = m.workshop_id AND old.id = m.id RETURNING old.last_visit_at AS previous`,
      [at, workshopId, memberId],
    );
    return r.rows[0]?.previous ?? null;
  }

  async member(workshopId: string, memberId: string): Promise<MemberRecord | null> {
    return (await this.run.query<MemberRecord>(`SELECT ${MEMBER} FROM members WHERE workshop_id = $1 AND id = $2`, [workshopId, memberId])).rows[0] ?? null;
  }

  async setRole(workshopId: string, memberId: string, role: Role): Promise<boolean> {
    return (await this.run.query('UPDATE members SET role = $1 WHERE workshop_id = $2 AND id = $3', [role, workshopId, memberId])).rowCount === 1;
  }

  async members(workshopId: string): Promise<MemberRecord[]> {
    return (await this.run.query<MemberRecord>(`SELECT ${MEMBER} FROM members WHERE workshop_id = $1 ${BY_CREATION}`, [workshopId])).rows;
  }

  async addInvite(i: InviteRecord): Promise<void> {
    await this.run.query(
      `INSERT INTO invites (id, workshop_id, role, organisation_id, token_hash, created_by, created_at, expires_at, max_uses, uses, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [i.id, i.workshopId, i.role, i.organisationId, i.tokenHash, i.createdBy, i.createdAt, i.expiresAt, i.maxUses, i.uses, i.revokedAt],
    );
  }

  async inviteByTokenHash(tokenHash: string): Promise<InviteRecord | null> {
    return (await this.run.query<InviteRecord>(`SELECT ${INVITE} FROM invites WHERE token_hash = $1`, [tokenHash])).rows[0] ?? null;
  }

  async invites(workshopId: string): Promise<InviteRecord[]> {
    return (await this.run.query<InviteRecord>(`SELECT ${INVITE} FROM invites WHERE workshop_id = $1 ${BY_CREATION}`, [workshopId])).rows;
  }

  async revokeInvite(workshopId: string, inviteId: string, at: string): Promise<boolean> {
    const r = await this.run.query('UPDATE invites SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND workshop_id = $3', [at, inviteId, workshopId]);
    return (r.rowCount ?? 0) > 0;
  }

  async consumeInvite(inviteId: string): Promise<boolean> {
    // Atomic under READ COMMITTED: a concurrent UPDATE waits for the row, then re-checks the
    // WHERE against the committed `uses`.
    const r = await this.run.query('UPDATE invites SET uses = uses + 1 WHERE id = $1 AND (max_uses IS NULL OR uses < max_uses)', [inviteId]);
    return (r.rowCount ?? 0) > 0;
  }
}
