/**
 * Sessions of signed-in people: cookie `samskap_person` (HttpOnly, SameSite=Lax, Secure under an
 * https PUBLIC_URL), its value HMAC-signed like the workshop cookies, its token stored only as a
 * hash. A session ends after SESSION_IDLE_DAYS without use (the server decides; the cookie itself
 * is kept long); its use is written at most once an hour. Every sign-in starts a new session (a
 * cookie the browser came with is never adopted).
 */
import type { IncomingMessage } from 'node:http';
import type { PersonRecord, Store } from '../store/types.js';
import { readCookie } from './authenticator.js';
import { hashToken, newToken, signCookieValue, verifyCookieValue } from './tokens.js';

export const PERSON_COOKIE = 'samskap_person';
const TOUCH_EVERY_MS = 3_600_000;

export interface PersonSession {
  person: PersonRecord;
  tokenHash: string;
}

export interface PersonSessions {
  /** A new session for the person; resolves with its token (for the cookie only). */
  start(personId: string): Promise<string>;
  /** The live session this request's cookie names, or null. */
  fromRequest(req: IncomingMessage): Promise<PersonSession | null>;
  end(session: PersonSession): Promise<void>;
  cookieHeader(token: string, secure: boolean): string;
  clearCookieHeader(secure: boolean): string;
}

export function createPersonSessions(deps: { store: Store; secret: string; idleDays: number; now: () => Date }): PersonSessions {
  const { store, secret } = deps;
  const idleMs = deps.idleDays * 86_400_000;
  return {
    async start(personId) {
      const token = newToken();
      const at = deps.now().toISOString();
      await store.persons.addSession({ tokenHash: hashToken(token), personId, createdAt: at, lastUsedAt: at });
      return token;
    },
    async fromRequest(req) {
      const raw = readCookie(req.headers.cookie, PERSON_COOKIE);
      const token = raw ? verifyCookieValue(raw, secret) : null;
      if (!token || token.length > 200) return null;
      const tokenHash = hashToken(token);
      const session = await store.persons.session(tokenHash);
      if (!session) return null;
      const now = deps.now().getTime();
      const idle = now - Date.parse(session.lastUsedAt);
      if (idle >= idleMs) {
        await store.persons.deleteSession(tokenHash);
        return null;
      }
      if (idle >= TOUCH_EVERY_MS) await store.persons.touchSession(tokenHash, new Date(now).toISOString());
      const person = await store.persons.get(session.personId);
      return person ? { person, tokenHash } : null;
    },
    async end(session) {
      await store.persons.deleteSession(session.tokenHash);
    },
    cookieHeader(token, secure) {
      return `${PERSON_COOKIE}=${signCookieValue(token, secret)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${400 * 86_400}${secure ? '; Secure' : ''}`;
    },
    clearCookieHeader(secure) {
      return `${PERSON_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
    },
  };
}
