/**
 * Resolves the caller from a bearer token or the session cookie; on the sync endpoint's
 * WebSocket upgrade also from a `?token=` query parameter (a stock y-websocket provider can send
 * nothing else). REST and socket.io never read the query: a token in a URL ends up in logs,
 * history and Referer headers. Cookies are per workshop (`samskap_<workshopId>`), so one browser
 * can belong to several.
 */
import type { IncomingMessage } from 'node:http';
import type { Actor } from './access.js';
import { ID_PATTERN } from '../../shared/ids.js';
import type { Sessions } from './sessions.js';
import { signCookieValue, verifyCookieValue } from './tokens.js';

export const cookieName = (workshopId: string): string => `samskap_${workshopId}`;

export interface Credentials {
  token: string;
  /** True when the token came from a cookie: the browser sent it on its own, so check Origin. */
  viaCookie: boolean;
}

export interface Authenticator {
  fromToken(token: string): Promise<Actor | null>;
  /** Why `fromToken` refused this token, when the holder may know (see `Sessions.refusal`). */
  refusal(token: string): Promise<'member_removed' | null>;
  /** REST and socket.io: Authorization header first, then the cookie. Never the query. */
  requestCredentials(req: IncomingMessage, workshopId: string | null): Credentials | null;
  /** The sync endpoint's upgrade only: Authorization header, then `token` query, then cookie. */
  credentials(req: IncomingMessage, workshopId: string | null): Credentials | null;
  cookieHeader(workshopId: string, token: string, secure: boolean): string;
  /** Every workshop session cookie this request carries (signature checked): workshop id → token. */
  cookieSessions(req: IncomingMessage): Map<string, string>;
  clearCookieHeader(workshopId: string, secure: boolean): string;
}

export function createAuthenticator(deps: { sessions: Sessions; secret: string }): Authenticator {
  const { sessions, secret } = deps;
  const bearer = (req: IncomingMessage): Credentials | null => {
    const auth = req.headers.authorization;
    return auth?.startsWith('Bearer ') ? { token: auth.slice(7).trim(), viaCookie: false } : null;
  };
  const cookie = (req: IncomingMessage, workshopId: string | null): Credentials | null => {
    if (!workshopId) return null;
    const raw = readCookie(req.headers.cookie, cookieName(workshopId));
    const token = raw ? verifyCookieValue(raw, secret) : null;
    return token ? { token, viaCookie: true } : null;
  };
  return {
    async fromToken(token) {
      const s = await sessions.resolve(token);
      return s ? { member: s.member, credentialId: s.credential.id } : null;
    },
    refusal: (token) => sessions.refusal(token),
    requestCredentials(req, workshopId) {
      return bearer(req) ?? cookie(req, workshopId);
    },
    credentials(req, workshopId) {
      const query = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
      return bearer(req) ?? (query ? { token: query, viaCookie: false } : null) ?? cookie(req, workshopId);
    },
    cookieHeader(workshopId, token, secure) {
      const value = signCookieValue(token, secret);
      return `${cookieName(workshopId)}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${180 * 24 * 3600}${secure ? '; Secure' : ''}`;
    },
    cookieSessions(req) {
      const found = new Map<string, string>();
      for (const part of (req.headers.cookie ?? '').split(';')) {
        const eq = part.indexOf('=');
        const name = eq > 0 ? part.slice(0, eq).trim() : '';
        if (!name.startsWith('samskap_') || found.size >= 200 || !ID_PATTERN.test(name.slice('samskap_'.length))) continue;
        const token = verifyCookieValue(part.slice(eq + 1).trim(), secret);
        if (token) found.set(name.slice('samskap_'.length), token);
      }
      return found;
    },
    clearCookieHeader(workshopId, secure) {
      return `${cookieName(workshopId)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
    },
  };
}

/** The raw value of cookie `name` in a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
