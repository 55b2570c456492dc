/** Origin checks for credentials a browser attaches on its own (cookies). */
import type { IncomingMessage } from 'node:http';

/** True when the request's Origin is this server (its Host) or the configured public URL. */
export function sameOrigin(req: IncomingMessage, publicUrl: string | null): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  const host = req.headers.host;
  return !!host && (origin === `http://${host}` || origin === `https://${host}`);
}
