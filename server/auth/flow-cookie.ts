/**
 * The state of one sign-in between `/auth/oidc/start` and `/auth/oidc/callback`: state, nonce,
 * PKCE verifier, the invite and where to go afterwards, in a cookie that lives 10 minutes, is
 * HMAC-signed (a changed byte refuses it), HttpOnly, scoped to `/auth/oidc/` and SameSite=Lax (the
 * callback arrives as a cross-site top-level redirect, which Lax lets through, Strict would not).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { readCookie } from './authenticator.js';

export const FLOW_COOKIE = 'samskap_oidc';
export const FLOW_TTL_MS = 10 * 60 * 1000;
const PATH = '/auth/oidc/';

const FlowState = z.strictObject({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  verifier: z.string().min(43).max(128),
  invite: z.string().max(200).nullable(),
  returnTo: z.string().max(512),
  expiresAt: z.number(),
});
export type FlowState = z.infer<typeof FlowState>;

// A purpose of its own, so no other signed value of this server passes for a flow state.
const mac = (payload: string, secret: string) => createHmac('sha256', secret).update('samskap-oidc-flow\0').update(payload).digest('base64url');

export function flowCookieHeader(flow: FlowState, secret: string, secure: boolean): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
  return `${FLOW_COOKIE}=${payload}.${mac(payload, secret)}; Path=${PATH}; HttpOnly; SameSite=Lax; Max-Age=${FLOW_TTL_MS / 1000}${secure ? '; Secure' : ''}`;
}

export const clearFlowCookieHeader = (secure: boolean): string => `${FLOW_COOKIE}=; Path=${PATH}; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;

/** The flow this browser started, when its cookie is intact and not expired; null otherwise. */
export function readFlow(req: IncomingMessage, secret: string, nowMs: number): FlowState | null {
  const raw = readCookie(req.headers.cookie, FLOW_COOKIE);
  const dot = raw?.lastIndexOf('.') ?? -1;
  if (!raw || dot <= 0 || raw.length > 4096) return null;
  const payload = raw.slice(0, dot);
  const given = Buffer.from(raw.slice(dot + 1));
  const expected = Buffer.from(mac(payload, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const flow = FlowState.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return flow.expiresAt > nowMs ? flow : null;
  } catch {
    return null;
  }
}

/**
 * `returnTo` as given when it is a path on this site: one leading `/`, not `//` or `/\` (which
 * browsers read as another host), no control characters or whitespace (browsers drop tabs and
 * newlines, so `/\t/evil` would become `//evil`), no backslashes. Anything else is `/`.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 512) return '/';
  if (!/^\/(?![/\\])/.test(value) || /[\u0000-\u0020\u007f-\u009f\\]/.test(value)) return '/';
  const parsed = new URL(value, 'http://samskap.invalid');
  return parsed.origin === 'http://samskap.invalid' ? parsed.pathname + parsed.search + parsed.hash : '/';
}
