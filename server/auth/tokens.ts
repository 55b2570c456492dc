/** Secrets and ids. Tokens carry 256 random bits and are stored only as their SHA-256. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');
export const newId = (): string => randomBytes(12).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Cookie values are `<token>.<hmac>` so a forged cookie is refused before any lookup. */
export function signCookieValue(token: string, secret: string): string {
  return `${token}.${mac(token, secret)}`;
}

export function verifyCookieValue(value: string, secret: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return null;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(token, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

function mac(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}

/** Compares two secrets in time independent of where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
