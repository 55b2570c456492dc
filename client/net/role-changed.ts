/** Window event: this member's role changed (sync close code 4501, or socket.io `member.role_changed`). */
export const ROLE_CHANGED_EVENT = 'sk-role-changed';
declare global {
  interface WindowEventMap {
    [ROLE_CHANGED_EVENT]: CustomEvent<null>;
  }
}

export function announceRoleChanged(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(ROLE_CHANGED_EVENT));
}
