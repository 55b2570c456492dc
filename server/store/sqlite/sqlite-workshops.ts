import type { Role } from '../../../shared/api.js';
import type { BoardRecord, InviteRecord, MemberRecord, OrganisationRecord, WorkshopRecord, WorkshopRepo } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

export interface MemberRow {
  id: string;
  workshop_id: string;
  display_name: string;
  role: Role;
  organisation_id: string | null;
  created_at: string;
  removed_at: string | null;
  last_visit_at: string | null;
  merged_into: string | null;
  invited_by: string | null;
}
interface InviteRow {
  id: string;
  workshop_id: string;
  role: Role;
  organisation_id: string | null;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  max_uses: number | null;
  uses: number;
  revoked_at: string | null;
}

export const toMember = (r: MemberRow): MemberRecord => ({
  id: r.id,
  workshopId: r.workshop_id,
  displayName: r.display_name,
  role: r.role,
  organisationId: r.organisation_id,
  createdAt: r.created_at,
  removedAt: r.removed_at,
  lastVisitAt: r.last_visit_at,
  mergedInto: r.merged_into,
  invitedBy: r.invited_by,
});
/** Member columns without the legacy `token_hash` (which holds no secret since 011). */
export const MEMBER_COLUMNS = 'id, workshop_id, display_name, role, organisation_id, created_at, removed_at, last_visit_at, merged_into, invited_by';
const toInvite = (r: InviteRow): InviteRecord => ({
  id: r.id,
  workshopId: r.workshop_id,
  role: r.role,
  organisationId: r.organisation_id,
  tokenHash: r.token_hash,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  maxUses: r.max_uses,
  uses: r.uses,
  revokedAt: r.revoked_at,
});

export class SqliteWorkshopRepo implements WorkshopRepo {
  constructor(private readonly run: Runner) {}

  create(w: WorkshopRecord, orgs: OrganisationRecord[], boards: BoardRecord[]): Promise<void> {
    return this.run((db) =>
      db.transaction(() => {
        statement(db, 'INSERT INTO workshops (id, title, language, decision_rule, created_at) VALUES (?, ?, ?, ?, ?)').run(w.id, w.title, w.language, w.decisionRule, w.createdAt);
        const org = statement(db, 'INSERT INTO organisations (id, workshop_id, name, position, color, org_number) VALUES (?, ?, ?, ?, ?, ?)');
        for (const o of orgs) org.run(o.id, o.workshopId, o.name, o.position, o.color, o.orgNumber ?? null);
        const board = statement(db, 'INSERT INTO boards (id, workshop_id, title, created_at, position) VALUES (?, ?, ?, ?, ?)');
        for (const b of boards) board.run(b.id, b.workshopId, b.title, b.createdAt, b.position);
      })(),
    );
  }

  get(id: string): Promise<WorkshopRecord | null> {
    return this.run((db) => {
      const r = statement(db, 'SELECT id, title, language, decision_rule, created_at, protect_organisation_content FROM workshops WHERE id = ?').get(id) as
        | { id: string; title: string; language: WorkshopRecord['language']; decision_rule: WorkshopRecord['decisionRule']; created_at: string; protect_organisation_content: number }
        | undefined;
      return r
        ? { id: r.id, title: r.title, language: r.language, decisionRule: r.decision_rule, createdAt: r.created_at, protectOrganisationContent: r.protect_organisation_content === 1 }
        : null;
    });
  }

  organisations(workshopId: string): Promise<OrganisationRecord[]> {
    return this.run((db) =>
      (
        statement(db, 'SELECT id, workshop_id, name, position, color, org_number FROM organisations WHERE workshop_id = ? ORDER BY position').all(workshopId) as {
          id: string;
          workshop_id: string;
          name: string;
          position: number;
          color: string | null;
          org_number: string | null;
        }[]
      ).map((r) => ({ id: r.id, workshopId: r.workshop_id, name: r.name, position: r.position, color: r.color, ...(r.org_number ? { orgNumber: r.org_number } : {}) })),
    );
  }

  boards(workshopId: string): Promise<BoardRecord[]> {
    return this.run((db) =>
      (
        statement(db, 'SELECT id, workshop_id, title, created_at, position FROM boards WHERE workshop_id = ? ORDER BY position, created_at, id').all(workshopId) as {
          id: string;
          workshop_id: string;
          title: string;
          created_at: string;
          position: number;
        }[]
      ).map((r) => ({ id: r.id, workshopId: r.workshop_id, title: r.title, createdAt: r.created_at, position: r.position })),
    );
  }

  addBoard(b: BoardRecord): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO boards (id, workshop_id, title, created_at, position) VALUES (?, ?, ?, ?, ?)').run(b.id, b.workshopId, b.title, b.createdAt, b.position);
    });
  }

  updateBoard(workshopId: string, boardId: string, patch: Partial<Pick<BoardRecord, 'title' | 'position'>>): Promise<boolean> {
    return this.run(
      (db) =>
        statement(db, 'UPDATE boards SET title = COALESCE(?, title), position = COALESCE(?, position) WHERE id = ? AND workshop_id = ?').run(patch.title ?? null, patch.position ?? null, boardId, workshopId).changes > 0,
    );
  }

  deleteBoard(workshopId: string, boardId: string): Promise<boolean> {
    return this.run((db) =>
      db.transaction(() => {
        statement(db, 'DELETE FROM board_locks WHERE workshop_id = ? AND board_id = ?').run(workshopId, boardId);
        return statement(db, 'DELETE FROM boards WHERE id = ? AND workshop_id = ?').run(boardId, workshopId).changes > 0;
      })(),
    );
  }

  update(id: string, patch: Partial<Pick<WorkshopRecord, 'title' | 'language' | 'decisionRule' | 'protectOrganisationContent'>>): Promise<boolean> {
    const protect = patch.protectOrganisationContent === undefined ? null : patch.protectOrganisationContent ? 1 : 0;
    return this.run(
      (db) =>
        statement(
          db,
          'UPDATE workshops SET title = COALESCE(?, title), language = COALESCE(?, language), decision_rule = COALESCE(?, decision_rule), protect_organisation_content = COALESCE(?, protect_organisation_content) WHERE id = ?',
        ).run(patch.title ?? null, patch.language ?? null, patch.decisionRule ?? null, protect, id).changes > 0,
    );
  }

  addOrganisation(o: OrganisationRecord): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO organisations (id, workshop_id, name, position, color, org_number) VALUES (?, ?, ?, ?, ?, ?)').run(o.id, o.workshopId, o.name, o.position, o.color, o.orgNumber ?? null);
    });
  }

  setOrganisationColor(workshopId: string, organisationId: string, color: string | null): Promise<boolean> {
    return this.run((db) => statement(db, 'UPDATE organisations SET color = ? WHERE id = ? AND workshop_id = ?').run(color, organisationId, workshopId).changes > 0);
  }

  setOrganisationNumber(workshopId: string, organisationId: string, orgNumber: string | null): Promise<boolean> {
    return this.run((db) => statement(db, 'UPDATE organisations SET org_number = ? WHERE id = ? AND workshop_id = ?').run(orgNumber, organisationId, workshopId).changes > 0);
  }

  delete(id: string): Promise<boolean> {
    return this.run((db) => statement(db, 'DELETE FROM workshops WHERE id = ?').run(id).changes > 0);
  }

  addMember(m: MemberRecord): Promise<void> {
    return this.run((db) => {
      statement(
        db,
        `INSERT INTO members (id, workshop_id, display_name, role, organisation_id, token_hash, created_at, removed_at, last_visit_at, merged_into, invited_by)
         VALUES (?, ?, ?, ?, ?, 'none:' || ?, ?, ?, ?, ?, ?)`,
      ).run(m.id, m.workshopId, m.displayName, m.role, m.organisationId, m.id, m.createdAt, m.removedAt, m.lastVisitAt, m.mergedInto, m.invitedBy);
    });
  }

  setRole(workshopId: string, memberId: string, role: Role): Promise<boolean> {
    return this.run((db) => statement(db, 'UPDATE members SET role = ? WHERE workshop_id = ? AND id = ?').run(role, workshopId, memberId).changes === 1);
  }

  updateMember(workshopId: string, memberId: string, patch: Partial<Pick<MemberRecord, 'displayName' | 'removedAt' | 'mergedInto'>>): Promise<boolean> {
    return this.run(
      (db) =>
        statement(db, 'UPDATE members SET display_name = COALESCE(?, display_name), removed_at = COALESCE(?, removed_at), merged_into = COALESCE(?, merged_into) WHERE workshop_id = ? AND id = ?').run(
          patch.displayName ?? null, patch.removedAt ?? null, patch.mergedInto ?? null, workshopId, memberId,
        ).changes === 1,
    );
  }

  visit(workshopId: string, memberId: string, at: string): Promise<string | null> {
    return this.run((db) =>
      db.transaction(() => {
        const r = statement(db, 'SELECT last_visit_at FROM members WHERE workshop_id = ? AND id = ?').get(workshopId, memberId) as { last_visit_at: string | null } | undefined;
        statement(db, 'UPDATE members SET last_visit_at = ? WHERE workshop_id = ? AND id = ?').run(at, workshopId, memberId);
        return r?.last_visit_at ?? null;
      })(),
    );
  }

  member(workshopId: string, memberId: string): Promise<MemberRecord | null> {
    return this.run((db) => {
      const r = statement(db, `SELECT ${MEMBER_COLUMNS} FROM members WHERE workshop_id = ? AND id = ?`).get(workshopId, memberId) as MemberRow | undefined;
      return r ? toMember(r) : null;
    });
  }

  members(workshopId: string): Promise<MemberRecord[]> {
    return this.run((db) => (statement(db, `SELECT ${MEMBER_COLUMNS} FROM members WHERE workshop_id = ? ORDER BY created_at, id`).all(workshopId) as MemberRow[]).map(toMember));
  }

  addInvite(i: InviteRecord): Promise<void> {
    return this.run((db) => {
      statement(db, 
        `INSERT INTO invites (id, workshop_id, role, organisation_id, token_hash, created_by, created_at, expires_at, max_uses, uses, revoked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(i.id, i.workshopId, i.role, i.organisationId, i.tokenHash, i.createdBy, i.createdAt, i.expiresAt, i.maxUses, i.uses, i.revokedAt);
    });
  }

  inviteByTokenHash(tokenHash: string): Promise<InviteRecord | null> {
    return this.run((db) => {
      const r = statement(db, 'SELECT * FROM invites WHERE token_hash = ?').get(tokenHash) as InviteRow | undefined;
      return r ? toInvite(r) : null;
    });
  }

  invites(workshopId: string): Promise<InviteRecord[]> {
    return this.run((db) => (statement(db, 'SELECT * FROM invites WHERE workshop_id = ? ORDER BY created_at, id').all(workshopId) as InviteRow[]).map(toInvite));
  }

  revokeInvite(workshopId: string, inviteId: string, at: string): Promise<boolean> {
    return this.run(
      (db) => statement(db, 'UPDATE invites SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND workshop_id = ?').run(at, inviteId, workshopId).changes > 0,
    );
  }

  consumeInvite(inviteId: string): Promise<boolean> {
    return this.run(
      (db) => statement(db, 'UPDATE invites SET uses = uses + 1 WHERE id = ? AND (max_uses IS NULL OR uses < max_uses)').run(inviteId).changes > 0,
    );
  }
}
