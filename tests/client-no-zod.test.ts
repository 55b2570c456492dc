/**
 * zod never reaches the browser (issue #15): it would cost about 90 KB gzip on the board's start
 * path, and its eval probe trips the strict CSP. Follows the client's run-time imports from
 * client/main.ts, static and lazy (`import()`, including Vite's `import(\`../locales/${x}.ts\`)`),
 * through client/ and shared/, and fails naming the import chain of any module that imports zod.
 *
 * `import type` and `export type` vanish at build and are not followed. Under
 * `verbatimModuleSyntax`, `import { type A } from 'x'` is kept as `import {} from 'x'`, so x is
 * still loaded: such an import is followed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entry = path.join(root, 'client', 'main.ts');

const isZod = (spec: string) => spec === 'zod' || spec.startsWith('zod/');

/** The module specifiers a file loads at run time; a template with `${…}` is a pattern. */
function runtimeImports(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) found.push(arg.text);
      else if (arg && ts.isTemplateExpression(arg)) found.push(arg.head.text + '*' + arg.templateSpans.map((s) => s.literal.text).join('*'));
      else throw new Error(`${file}: an import() this check cannot follow`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The files a relative specifier (or a one-level `*` pattern, as Vite globs it) names. */
function resolve(from: string, spec: string): string[] {
  const target = path.resolve(path.dirname(from), spec.replace(/\.js$/, '.ts'));
  if (!spec.includes('*')) return [target];
  const dir = path.dirname(target);
  const re = new RegExp(`^${path.basename(target).split('*').map((p) => p.replace(/[.+?^$()[\]{}|\\]/g, '\\$&')).join('[^/]+')}$`);
  return readdirSync(dir).filter((f) => re.test(f)).map((f) => path.join(dir, f));
}

/** The files reached from `start` (relative to the repository), and every zod import among them as a chain of files. */
function walk(start: string): { reached: string[]; chains: string[] } {
  const via = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  const chains: string[] = [];
  const chain = (file: string): string[] => {
    const up = via.get(file);
    return [...(up ? chain(up) : []), path.relative(root, file)];
  };
  while (queue.length) {
    const file = queue.shift()!;
    for (const spec of runtimeImports(file, readFileSync(file, 'utf8'))) {
      if (isZod(spec)) chains.push(`${chain(file).join(' → ')} imports '${spec}'`);
      if (!spec.startsWith('.')) continue;
      for (const next of resolve(file, spec)) {
        if (via.has(next)) continue;
        via.set(next, file);
        queue.push(next);
      }
    }
  }
  return { reached: [...via.keys()].map((f) => path.relative(root, f)), chains };
}

describe('the browser bundle', () => {
  it('follows static, lazy and pattern imports, but not type-only ones', () => {
    const found = runtimeImports('x.ts', [
      "import type { A } from './a.js';",
      "import { type B } from './b.js';",
      "import { C, type D } from './c.js';",
      "import './d.js';",
      "export type { E } from './e.js';",
      "export { F } from './f.js';",
      "const g = () => import('./g.js');",
      'const h = (l: string) => import(`../locales/${l}.ts`);',
      "import { z } from 'zod';",
    ].join('\n'));
    expect(found).toEqual(['./b.js', './c.js', './d.js', './f.js', './g.js', '../locales/*.ts', 'zod']);
  });

  it('reaches no module that imports zod, from client/main.ts or any module it loads lazily', () => {
    const { reached, chains } = walk(entry);
    // The walk gets past the shell into the lazily loaded parts and the languages.
    for (const lazy of ['client/charter/principles/sk-principle-card.ts', 'client/vision/sk-vision-page.ts', 'client/export/sk-export-dialog.ts', 'client/locales/later/nn.ts', 'shared/decision-rule.ts']) {
      expect(reached).toContain(lazy);
    }
    expect(chains).toEqual([]);
  });
});
