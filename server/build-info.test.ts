import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInfo, gitCommit } from './build-info.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'samskap-git-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('the commit a checkout runs', () => {
  it('reads a detached HEAD, a loose ref, a packed ref and a worktree; nothing when there is no git', () => {
    expect(gitCommit(path.join(repo({ '.git/HEAD': `${A}\n` }), '.git'))).toBe(A);
    expect(gitCommit(path.join(repo({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': `${B}\n` }), '.git'))).toBe(B);
    expect(gitCommit(path.join(repo({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/packed-refs': `# pack-refs\n${A} refs/heads/other\n${B} refs/heads/main\n` }), '.git'))).toBe(B);
    const main = repo({ '.git/refs/heads/topic': `${A}\n`, '.git/worktrees/wt/HEAD': 'ref: refs/heads/topic\n', '.git/worktrees/wt/commondir': '../..\n' });
    const wt = repo({ '.git': `gitdir: ${path.join(main, '.git/worktrees/wt')}\n` });
    expect(gitCommit(path.join(wt, '.git'))).toBe(A);
    expect(gitCommit(path.join(repo({}), '.git'))).toBeNull();
  });

  it('prefers SAMSKAP_COMMIT (a container has no .git) and ignores a malformed one', () => {
    const dir = repo({ 'package.json': '{"version":"1.2.3"}', '.git/HEAD': `${A}\n` });
    expect(buildInfo({ SAMSKAP_COMMIT: 'abc1234' }, dir)).toEqual({ version: '1.2.3', commit: 'abc1234' });
    expect(buildInfo({ SAMSKAP_COMMIT: 'not a commit; rm -rf' }, dir)).toEqual({ version: '1.2.3', commit: A });
  });
});
