/**
 * Every `msg(…, { id })` in client/ has a Nynorsk and a Bokmål template, with the same number of
 * placeholders as the English source, and no template is left unused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templates as nbFirst } from '../locales/nb.js';
import { templates as nnFirst } from '../locales/nn.js';
import { templates as nbLater } from '../locales/later/nb.js';
import { templates as nnLater } from '../locales/later/nn.js';

const nn = { ...nnFirst, ...nnLater };
const nb = { ...nbFirst, ...nbLater };

const clientDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** id → number of `${…}` in the English source (of the files `only` accepts). */
function sourceMessages(only: (file: string) => boolean = () => true): Map<string, number> {
  const found = new Map<string, number>();
  const call = /msg\(\s*(?:'(?:[^'\\]|\\.)*'|str`([^`]*)`)\s*,\s*\{\s*id:\s*'([a-z0-9_]+)'/g;
  for (const file of sources(clientDir).filter(only)) {
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

  // The later table comes with the vision, the charter and the answer form (client/workshop/lazy-tabs.ts):
  // everything else must find its texts in the first.
  const laterParts = [path.join(clientDir, 'vision') + path.sep, path.join(clientDir, 'charter') + path.sep, path.join(clientDir, 'facilitation', 'sk-answer-form.ts')];
  const elsewhere = sourceMessages((file) => !laterParts.some((dir) => file.startsWith(dir)));
  it.each([
    ['nn', nnFirst, nnLater],
    ['nb', nbFirst, nbLater],
  ])('%s: parts other than the vision, the charter and the answer form need only the first table, which shares no id with the later one', (_name, first, later) => {
    expect(elsewhere.size).toBeGreaterThan(50);
    expect([...elsewhere.keys()].filter((id) => !(id in first))).toEqual([]);
    expect(Object.keys(later).filter((id) => id in first)).toEqual([]);
  });
});
