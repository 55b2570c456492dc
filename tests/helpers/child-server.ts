/** Runs `server/main.ts` in a child process, as `npm start` does, for restart and kill tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ChildServer {
  proc: ChildProcess;
  port: number;
  base: string;
  wsBase: string;
  output: () => string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

const root = path.resolve(import.meta.dirname, '../..');
const running = new Set<ChildProcess>();

/** Kills every child still running (call in afterAll so a failed test leaves no server behind). */
export function killAllChildren(): void {
  for (const p of running) p.kill('SIGKILL');
  running.clear();
}

export async function startChild(env: Record<string, string>, timeoutMs = 20_000): Promise<ChildServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', SAMSKAP_BUILD_CLIENT: 'never', RATE_LIMIT_OPEN_PER_MINUTE: '100000', RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '100000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(proc);
  proc.once('exit', () => running.delete(proc));
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /running at http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
  return { proc, port, base: `http://127.0.0.1:${port}`, wsBase: `ws://127.0.0.1:${port}/sync`, output: () => out, exited };
}

/** Runs main.ts to completion (for start-up failures) and returns its exit code and output. */
export async function runChildToExit(env: Record<string, string>): Promise<{ code: number | string; output: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', SAMSKAP_BUILD_CLIENT: 'never', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | string>((resolve) => proc.once('exit', (c, s) => resolve(c ?? s ?? -1)));
  return { code, output: out };
}
