/**
 * Resolves the caller from a bearer token or the session cookie; on the sync endpoint's
 * WebSocket upgrade also from a `?token=` query parameter (a stock y-websocket provider can send
 * nothing else). REST and socket.io never read the query: a token in a URL ends up in logs,
 * history and Referer headers. Cookies are per workshop (`samskap_<workshopId>`), so one browser
 * can belong to several.
 */
import type { IncomingMessage } from 'node:http';
import type { Store } from '../store/types.js';
import type { Actor } from './access.js';
import { hashToken, signCookieValue, verifyCookieValue } from './tokens.js';

export const cookieName = (workshopId: string): string => `samskap_${workshopId}`;

export interface Credentials {
  token: string;
  /** True when the token came from a cookie: the browser sent it on its own, so check Origin. */
  viaCookie: boolean;
}

export interface Authenticator {
  fromToken(token: string): Promise<Actor | null>;
  /** REST and socket.io: Authorization header first, then the cookie. Never the query. */
  requestCredentials(req: IncomingMessage, workshopId: string | null): Credentials | null;
  /** The sync endpoint's upgrade only: Authorization header, then `token` query, then cookie. */
  credentials(req: IncomingMessage, workshopId: string | null): Credentials | null;
  cookieHeader(workshopId: string, token: string, secure: boolean): string;
  clearCookieHeader(workshopId: string, secure: boolean): string;
}

export function createAuthenticator(deps: { store: Store; secret: string }): Authenticator {
  const { store, secret } = deps;
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
      if (token.length === 0 || token.length > 200) return null;
      const member = await store.workshops.memberByTokenHash(hashToken(token));
      return member ? { member } : null;
    },
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
