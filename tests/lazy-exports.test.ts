/**
 * Issue #19: a server that never exports does not load the document writers. The whole server
 * module graph (server/app.ts and everything it imports) is loaded in a fresh process whose
 * module resolution is watched (a `node:module` register hook reports every resolved URL):
 * pdfkit, fontkit, the hyphenation patterns, docx and mdast (about 24 MB of RSS together) must not
 * be among them until an export asks; then they are.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const WRITERS = /node_modules\/(pdfkit|fontkit|hyphen|docx|mdast-util-to-markdown)\//;

function loadedWriters(then: string): string[] {
  const hooks = `let port; export function initialize(d) { port = d.port; }
    export async function resolve(s, c, next) { const r = await next(s, c); port.postMessage(r.url); return r; }`;
  const script = `
    import { register } from 'node:module';
    import { MessageChannel } from 'node:worker_threads';
    const { port1, port2 } = new MessageChannel();
    const seen = [];
    port1.on('message', (u) => seen.push(u));
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}), { data: { port: port2 }, transferList: [port2] });
    await import(${JSON.stringify(path.join(root, 'server/app.ts'))});
    ${then}
    await new Promise((r) => setTimeout(r, 300));
    port1.close();
    console.log(JSON.stringify([...new Set(seen.filter((u) => ${WRITERS}.test(u)).map((u) => u.match(${WRITERS})[1]))].sort()));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as string[];
}

it('loads no document writer until the first export, and loads them when one asks', () => {
  expect(loadedWriters('')).toEqual([]);
  // The writers still load (the lazy imports resolve) once a PDF is asked for.
  expect(loadedWriters(`await import(${JSON.stringify(path.join(root, 'server/export/pdf.ts'))});`)).toContain('pdfkit');
}, 60_000);
