/**
 * The project's root (where package.json, dist/client and the client sources are), found from a
 * module's own place: `server/…` when run from source, `dist/app/server/…` when compiled.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectRoot(moduleUrl: string): string {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(moduleUrl)}`);
    dir = up;
  }
}

/** Whether this module runs compiled (dist/app, plain node) rather than from source through tsx. */
export const runsCompiled = (moduleUrl: string): boolean => moduleUrl.endsWith('.js');
