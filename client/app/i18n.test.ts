/**
 * Every `msg(…, { id })` in client/ has a Nynorsk and a Bokmål template, with the same number of
 * placeholders as the English source, and no template is left unused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templates as nb } from '../locales/nb.js';
import { templates as nn } from '../locales/nn.js';

const clientDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** id → number of `${…}` in the English source. */
function sourceMessages(): Map<string, number> {
  const found = new Map<string, number>();
  const call = /msg\(\s*(?:'(?:[^'\\]|\\.)*'|str`([^`]*)`)\s*,\s*\{\s*id:\s*'([a-z0-9_]+)'/g;
  for (const file of sources(clientDir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(call)) found.set(m[2]!, (m[1]?.match(/\$\{/g) ?? []).length);
  }
  return found;
}

const placeholders = (t: unknown) => (typeof t === 'string' ? 0 : (t as { values: unknown[] }).values.length);

describe('locales', () => {
  const source = sourceMessages();
  it.each([
    ['nn', nn as Record<string, unknown>],
    ['nb', nb as Record<string, unknown>],
  ])('%s covers every message, and only those', (_name, templates) => {
    expect(source.size).toBeGreaterThan(50);
    expect(Object.keys(templates).sort()).toEqual([...source.keys()].sort());
    for (const [id, count] of source) expect([id, placeholders(templates[id])]).toEqual([id, count]);
  });
});
