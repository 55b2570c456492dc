/** Security headers for every response; the CSP holds because every asset is served from here. */
import type { RequestHandler } from 'express';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** HSTS for a year, subdomains of the instance's host included. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers every response carries. With an https `PUBLIC_URL` also Strict-Transport-Security,
 * so a browser never reaches the instance over plain http again (behind a proxy that terminates
 * TLS, the app knows it is https only from `PUBLIC_URL`).
 */
export function securityHeaders(publicUrl: string | null): RequestHandler {
  const https = publicUrl?.startsWith('https:') ?? false;
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', CSP);
    if (https) res.setHeader('Strict-Transport-Security', HSTS);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    next();
  };
}
