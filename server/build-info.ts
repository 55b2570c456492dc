/**
 * Which Samskap this is, for `/healthz` and the start-up log: the package version and the commit
 * it was built from. The commit comes from `SAMSKAP_COMMIT` (set by a container build), else from
 * the checkout's `.git` (a clone run with `npm start`), else it is unknown (null).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './util/project-root.js';

export interface BuildInfo {
  version: string;
  commit: string | null;
}

const root = projectRoot(import.meta.url);

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * The commit `HEAD` names in `gitDir`: a detached hash, a loose ref or a packed one. A worktree's
 * `.git` is a file pointing at its own git directory, whose refs live in the common one.
 */
export function gitCommit(dotGit: string): string | null {
  const pointer = /^gitdir: (.+)$/.exec(read(dotGit) ?? '')?.[1];
  const gitDir = pointer ? path.resolve(path.dirname(dotGit), pointer) : dotGit;
  const common = read(path.join(gitDir, 'commondir'));
  const refsDir = common ? path.resolve(gitDir, common) : gitDir;
  const head = read(path.join(gitDir, 'HEAD'));
  if (!head) return null;
  if (/^[0-9a-f]{40}$/.test(head)) return head;
  const ref = /^ref: (refs\/[\w./-]+)$/.exec(head)?.[1];
  if (!ref) return null;
  const loose = read(path.join(refsDir, ref));
  if (loose && /^[0-9a-f]{40}$/.test(loose)) return loose;
  const packed = read(path.join(refsDir, 'packed-refs'))?.split('\n').find((line) => line.endsWith(` ${ref}`));
  return packed?.slice(0, 40) ?? null;
}

export function buildInfo(env: NodeJS.ProcessEnv = process.env, dir = root): BuildInfo {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const fromEnv = env.SAMSKAP_COMMIT?.trim();
  const commit = fromEnv && /^[0-9a-f]{7,40}$/.test(fromEnv) ? fromEnv : gitCommit(path.join(dir, '.git'));
  return { version: pkg.version, commit };
}

let current: BuildInfo | null = null;
/** This process's build, read once (the HTTP app and the start-up log both ask). */
export function thisBuild(): BuildInfo {
  return (current ??= buildInfo());
}
