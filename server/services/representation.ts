/**
 * Who may commit an organisation (issue #14). Per organisation some members are representatives:
 * only they take stances for it (and anchor them); everyone else still contributes. The rules:
 *
 * - The organisation's first non-observer member becomes its representative (joining, or creating
 *   the workshop with an organisation), named by nobody.
 * - An existing representative names more of their own organisation, no confirmation needed. A
 *   facilitator names someone only with that organisation's confirmation (who confirmed it, and
 *   how), kept with the representation and in the audit log. The facilitator role itself gives no
 *   standing to commit an organisation: a facilitator who belongs to one counts only when they are
 *   its representative, like anyone else. Observers are never representatives.
 * - A representative may step down; a facilitator may un-name anyone. A member who becomes an
 *   observer stops representing, and the role passes on (`passOnRepresentation`) as for a removal.
 *
 * Every change is written with its audit entry in one transaction (the member patch of
 * ./workshops.ts), then broadcast as `member.changed`.
 */
import type { MemberDto, Role } from '../../shared/api.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { Actor } from '../auth/access.js';
import type { MemberRecord, RepresentativeRecord, Store } from '../store/types.js';
import { toMemberDto } from './dto.js';

export const notRepresentative = (message = 'Only a representative of your organisation takes stances for it.') =>
  new AppError(ErrorCode.forbidden, 403, message, { reason: 'not_representative' });

/** Throws `forbidden` (`not_representative`) unless the member represents their organisation now. */
export async function requireRepresentative(db: Store, member: MemberRecord): Promise<string> {
  const org = member.organisationId;
  if (!org || member.role === 'observer') throw notRepresentative('Only members who speak for an organisation take a stance.');
  const reps = await db.representation.representatives(member.workshopId);
  if (!reps.some((r) => r.memberId === member.id && r.organisationId === org)) throw notRepresentative();
  return org;
}

/** The member DTOs of a workshop, with who represents what. */
export async function memberDtos(db: Store, workshopId: string, members?: MemberRecord[]): Promise<MemberDto[]> {
  const [list, reps] = await Promise.all([members ?? db.workshops.members(workshopId), db.representation.representatives(workshopId)]);
  const byMember = new Map(reps.map((r) => [r.memberId, r]));
  return list.map((m) => toMemberDto(m, byMember.get(m.id) ?? null));
}

export async function memberDto(db: Store, m: MemberRecord): Promise<MemberDto> {
  return (await memberDtos(db, m.workshopId, [m]))[0]!;
}

/**
 * Inside a transaction that has just added `member` (joining, creating the workshop): when their
 * organisation has no representative, they become it. Returns the record when they did.
 */
export async function nameIfFirst(tx: Store, member: MemberRecord, at: string, invitedBy: string | null): Promise<RepresentativeRecord | null> {
  const org = member.organisationId;
  if (!org || member.role === 'observer') return null;
  const reps = await tx.representation.representatives(member.workshopId);
  if (reps.some((r) => r.organisationId === org)) return null;
  const rec: RepresentativeRecord = { workshopId: member.workshopId, memberId: member.id, organisationId: org, namedBy: null, confirmation: null, invitedBy, at };
  await tx.representation.name(rec);
  await tx.audit.append({ workshopId: member.workshopId, at, actorId: member.id, type: 'member.representative_named', data: { memberId: member.id, organisationId: org, namedBy: null, confirmation: null, first: true } });
  return rec;
}

/**
 * The removal seam (issue #14): when `removed` was the last representative of their organisation,
 * its earliest remaining non-observer member (by joining time) that `isActive` accepts becomes the
 * representative, named by nobody (audit `member.representative_named` with `passedOn: true`).
 * Call it inside the transaction that removes the member (or makes them an observer), after that
 * change; `removed` itself is never chosen. Returns the new representative, if any.
 */
export async function passOnRepresentation(tx: Store, workshopId: string, removed: MemberRecord, at: string, isActive: (m: MemberRecord) => boolean = () => true): Promise<MemberRecord | null> {
  const org = removed.organisationId;
  if (!org) return null;
  const reps = await tx.representation.representatives(workshopId);
  const wasRep = reps.some((r) => r.memberId === removed.id);
  if (wasRep) await tx.representation.unname(workshopId, removed.id);
  if (!wasRep || reps.some((r) => r.organisationId === org && r.memberId !== removed.id)) return null;
  const next = (await tx.workshops.members(workshopId))
    .filter((m) => m.id !== removed.id && m.organisationId === org && m.role !== 'observer' && isActive(m))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))[0];
  if (!next) return null;
  await tx.representation.name({ workshopId, memberId: next.id, organisationId: org, namedBy: null, confirmation: null, invitedBy: await tx.representation.inviterOf(workshopId, next.id), at });
  await tx.audit.append({ workshopId, at, actorId: null, type: 'member.representative_named', data: { memberId: next.id, organisationId: org, namedBy: null, confirmation: null, passedOn: true, from: removed.id } });
  return next;
}

/**
 * Inside a role change's transaction: an observer never represents (the role passes on); a member
 * who stops being one becomes the first where nobody represents their organisation. Returns
 * another member whose representation changed with it (the one it passed on to), if any.
 */
export async function afterRoleChange(tx: Store, member: MemberRecord, from: Role, at: string): Promise<MemberRecord | null> {
  if (member.role === 'observer' && from !== 'observer') return passOnRepresentation(tx, member.workshopId, member, at);
  if (member.role !== 'observer' && from === 'observer') await nameIfFirst(tx, member, at, await tx.representation.inviterOf(member.workshopId, member.id));
  return null;
}

export interface SetRepresentativeOptions {
  /** Who in the organisation confirmed it, and how (a facilitator naming someone needs it). */
  confirmation?: string;
  /**
   * True when the named member's own sign-in states the organisation's number (set by the members
   * service): that claim stands for the organisation's confirmation.
   */
  confirmedByClaim?: boolean;
}

/**
 * Inside a transaction: names or un-names `target` as `actor` (the rules above). False when nothing
 * changed (already one, or not one).
 */
export async function applyRepresentative(tx: Store, actor: Actor, target: MemberRecord, representative: boolean, opts: SetRepresentativeOptions, at: string): Promise<boolean> {
  const reps = await tx.representation.representatives(target.workshopId);
  return representative ? name(tx, actor, target, reps, opts, at) : unname(tx, actor, target, reps.find((r) => r.memberId === target.id), at);
}

async function name(tx: Store, actor: Actor, target: MemberRecord, reps: RepresentativeRecord[], opts: SetRepresentativeOptions, at: string): Promise<boolean> {
  const org = target.organisationId;
  const actorIsRep = org !== null && actor.member.organisationId === org && reps.some((r) => r.memberId === actor.member.id && r.organisationId === org);
  if (!actorIsRep && actor.member.role !== 'facilitator') throw notRepresentative('Only a representative of that organisation, or a facilitator with its confirmation, names a representative.');
  if (!org) throw new AppError(ErrorCode.conflict, 409, 'This member speaks for no organisation, so they cannot represent one.');
  if (target.role === 'observer') throw new AppError(ErrorCode.conflict, 409, 'Observers are never representatives: change the role first.');
  if (reps.some((r) => r.memberId === target.id)) return false;
  const confirmation = opts.confirmation?.trim() || null;
  if (!actorIsRep && !confirmation && !opts.confirmedByClaim) {
    throw new AppError(ErrorCode.validationFailed, 400, 'confirmation: a facilitator names a representative only with the organisation’s confirmation (who confirmed it, and how)', { field: 'confirmation' });
  }
  await tx.representation.name({ workshopId: target.workshopId, memberId: target.id, organisationId: org, namedBy: actor.member.id, confirmation, invitedBy: await tx.representation.inviterOf(target.workshopId, target.id), at });
  const data = { memberId: target.id, organisationId: org, namedBy: actor.member.id, confirmation };
  await tx.audit.append({ workshopId: target.workshopId, at, actorId: actor.member.id, type: 'member.representative_named', data: opts.confirmedByClaim ? { ...data, confirmedByClaim: true } : data });
  return true;
}

async function unname(tx: Store, actor: Actor, target: MemberRecord, current: RepresentativeRecord | undefined, at: string): Promise<boolean> {
  const self = actor.member.id === target.id;
  if (!self && actor.member.role !== 'facilitator') throw new AppError(ErrorCode.forbidden, 403, 'A representative may step down; only a facilitator un-names someone else.', { reason: 'not_allowed' });
  if (!current) return false;
  await tx.representation.unname(target.workshopId, target.id);
  await tx.audit.append({ workshopId: target.workshopId, at, actorId: actor.member.id, type: 'member.representative_unnamed', data: { memberId: target.id, organisationId: current.organisationId, by: actor.member.id, steppedDown: self } });
  return true;
}
