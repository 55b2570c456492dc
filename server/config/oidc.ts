/**
 * Sign-in with OpenID Connect (docs/sign-in.md): on when OIDC_ISSUER is set, off otherwise.
 * Throws a ConfigError naming the variable, like the rest of server/config.
 */
import { parseClaimPath, type ClaimPath } from '../auth/claim-path.js';

export interface OidcConfig {
  /** The issuer identifier; its discovery document is read on the first sign-in. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated; always includes `openid`. */
  scopes: string;
  acrValues: string | null;
  /** Where the organisation number a person acts for is found (ID token first, then userinfo). */
  orgClaim: ClaimPath | null;
  /** Sent as the `authorization_details` parameter (Rich Authorization Requests, Ansattporten). */
  authorizationDetails: string | null;
  /** The button text: "Sign in with <label>". */
  label: string;
  /** Plain http is let through only for an issuer on this machine (development, tests). */
  allowHttp: boolean;
}

export interface OidcEnv {
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_SCOPES?: string;
  OIDC_ACR_VALUES?: string;
  OIDC_ORG_CLAIM?: string;
  OIDC_AUTHORIZATION_DETAILS?: string;
  OIDC_LABEL?: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `fail(name, why, value)` throws the ConfigError; null when sign-in is off. */
export function oidcConfig(e: OidcEnv, publicUrl: string | null, fail: (name: string, why: string, value: string) => never): OidcConfig | null {
  if (!e.OIDC_ISSUER) {
    const stray = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ORG_CLAIM', 'OIDC_AUTHORIZATION_DETAILS'] as const).find((k) => e[k] !== undefined);
    if (stray) fail('OIDC_ISSUER', `is needed when ${stray} is set`, '');
    return null;
  }
  let issuer: URL;
  try {
    issuer = new URL(e.OIDC_ISSUER);
  } catch {
    return fail('OIDC_ISSUER', 'must be a URL', e.OIDC_ISSUER);
  }
  const allowHttp = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  if (issuer.protocol !== 'https:' && !allowHttp) fail('OIDC_ISSUER', 'must be an https URL (http only on localhost)', e.OIDC_ISSUER);
  if (!e.OIDC_CLIENT_ID) fail('OIDC_CLIENT_ID', 'is needed when OIDC_ISSUER is set', '');
  if (!e.OIDC_CLIENT_SECRET) fail('OIDC_CLIENT_SECRET', 'is needed when OIDC_ISSUER is set', '');
  if (!publicUrl) fail('PUBLIC_URL', 'is needed when sign-in is on (OIDC_ISSUER): the provider sends people back to PUBLIC_URL/auth/oidc/callback', '');
  const scopes = (e.OIDC_SCOPES ?? 'openid profile').split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid')) fail('OIDC_SCOPES', 'must include openid', e.OIDC_SCOPES ?? '');
  let orgClaim: ClaimPath | null = null;
  if (e.OIDC_ORG_CLAIM) {
    try {
      orgClaim = parseClaimPath(e.OIDC_ORG_CLAIM);
    } catch (err) {
      fail('OIDC_ORG_CLAIM', (err as Error).message, e.OIDC_ORG_CLAIM);
    }
  }
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    scopes: scopes.join(' '),
    acrValues: e.OIDC_ACR_VALUES?.trim() || null,
    orgClaim,
    authorizationDetails: e.OIDC_AUTHORIZATION_DETAILS ? authorizationDetails(e.OIDC_AUTHORIZATION_DETAILS, fail) : null,
    label: e.OIDC_LABEL?.trim() || issuer.hostname,
    allowHttp,
  };
}

/** A JSON array of objects with a `type` (RFC 9396); one object alone is taken as a list of one. */
function authorizationDetails(raw: string, fail: (name: string, why: string, value: string) => never): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail('OIDC_AUTHORIZATION_DETAILS', 'must be JSON', raw);
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const typed = list.length > 0 && list.every((d) => d !== null && typeof d === 'object' && !Array.isArray(d) && typeof (d as { type?: unknown }).type === 'string');
  if (!typed) fail('OIDC_AUTHORIZATION_DETAILS', 'must be a JSON object or array of objects, each with a "type"', raw);
  return JSON.stringify(list);
}
