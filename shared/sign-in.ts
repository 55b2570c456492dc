/**
 * Why sign-in sent the browser back to the join page (`/join/<token>?error=…`, docs/sign-in.md).
 * Its own module without zod, so the client can import it: zod probes `new Function` on load,
 * which the app's CSP (`script-src 'self'`) reports as a violation.
 */
export const SIGN_IN_ERRORS = ['org_mismatch', 'member_removed', 'invite_unknown', 'invite_expired', 'invite_revoked', 'invite_used_up'] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number];
