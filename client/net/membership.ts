/**
 * Window events about this member's own membership, for the workshop page:
 * `sk-member-removed` (a facilitator removed me: socket.io `member.removed`) and
 * `sk-session-ended` (a sync room closed with 4401: my credential stopped working; the page asks
 * the server what is left).
 */
export const MEMBER_REMOVED_EVENT = 'sk-member-removed';
export const SESSION_ENDED_EVENT = 'sk-session-ended';
declare global {
  interface WindowEventMap {
    [MEMBER_REMOVED_EVENT]: CustomEvent<null>;
    [SESSION_ENDED_EVENT]: CustomEvent<null>;
  }
}

export function announceMemberRemoved(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(MEMBER_REMOVED_EVENT));
}

export function announceSessionEnded(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(SESSION_ENDED_EVENT));
}
