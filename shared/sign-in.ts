/**
 * Sign-in shapes the client needs at run time. Kept apart from ./api.ts, whose zod schemas would
 * pull zod into the client bundle (zod probes for eval, which the page's CSP refuses).
 */

/** `GET /api/auth`: whether sign-in is offered (and as what), and who is signed in in this browser. */
export interface AuthStatusDto {
  signIn: { enabled: boolean; label: string | null };
  person: { name: string; orgNumber: string | null } | null;
}

/** Why sign-in sent the browser back to the join page (`/join/<token>?error=…`). */
export const SIGN_IN_ERRORS = ['org_mismatch', 'member_removed', 'invite_unknown', 'invite_expired', 'invite_revoked', 'invite_used_up'] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number];
