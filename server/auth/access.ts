/** The one place that decides who may do what in a workshop. */
import type { Role } from '../../shared/api.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { MemberRecord } from '../store/types.js';

/** Who is calling: always built from the session or token, never from a payload. */
export interface Actor {
  member: MemberRecord;
  /** The credential the request came with (absent for internal callers). */
  credentialId?: string;
}

export type Action =
  | 'workshop.read'
  | 'workshop.delete'
  | 'workshop.manage'
  | 'members.read'
  | 'invite.manage'
  | 'doc.read'
  | 'doc.write'
  /** Agenda, timer, summon, locks, questions, reveals, vote rounds, proposals, closing. */
  | 'facilitation.run'
  /** Raise a hand, answer a question, vote, take a stance (stances also need an organisation). */
  | 'facilitation.take_part'
  /** Write to a board a facilitator has locked. */
  | 'board.write_locked'
  | 'audit.read';

const allowed: Record<Action, readonly Role[]> = {
  'workshop.read': ['facilitator', 'participant', 'observer'],
  'members.read': ['facilitator', 'participant', 'observer'],
  'doc.read': ['facilitator', 'participant', 'observer'],
  'doc.write': ['facilitator', 'participant'],
  'workshop.delete': ['facilitator'],
  'workshop.manage': ['facilitator'],
  'invite.manage': ['facilitator'],
  'facilitation.run': ['facilitator'],
  'facilitation.take_part': ['facilitator', 'participant'],
  'board.write_locked': ['facilitator'],
  'audit.read': ['facilitator', 'participant', 'observer'],
};

export function can(actor: Actor, action: Action, workshopId: string): boolean {
  return actor.member.workshopId === workshopId && allowed[action].includes(actor.member.role);
}

/** Throws 404 for another workshop (its existence is not revealed) and 403 for a missing role. */
export function authorize(actor: Actor, action: Action, workshopId: string): void {
  if (actor.member.workshopId !== workshopId) {
    throw new AppError(ErrorCode.workshopNotFound, 404, 'No such workshop, or you are not a member of it.');
  }
  if (!can(actor, action, workshopId)) {
    throw new AppError(ErrorCode.forbidden, 403, `Your role (${actor.member.role}) may not do this.`);
  }
}
