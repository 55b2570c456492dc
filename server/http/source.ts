/**
 * The source of the Samskap that answers (AGPL-3.0-or-later §13: a network service offers its
 * users the corresponding source). `GET /source`: to SOURCE_URL when the operator set one (their
 * repository, with their changes); else the archive the image was built with
 * (`dist/source.tar.gz`); else a gzipped tar of the sources this server runs from (a clone);
 * else 404, saying to set SOURCE_URL. `GET /api/about` tells the client where to link.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Router } from 'express';
import express from 'express';
import type { BuildInfo } from '../build-info.js';

/** What a source archive made on the fly holds (what a clone has, without its build output). */
const SOURCE_PARTS = [
  'package.json', 'package-lock.json', 'LICENSE', 'README.md', 'CHANGELOG.md', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts', 'eslint.config.js',
  'eslint-suppressions.json', 'Dockerfile', 'compose.yaml', '.dockerignore', '.editorconfig', 'server', 'shared', 'client', 'scripts', 'bench', 'tests', 'docs', 'deploy', '.ci',
];

export function sourceRoutes(opts: { root: string; sourceUrl: string | null; build: BuildInfo }): Router {
  const r = express.Router();
  const archive = path.join(opts.root, 'dist', 'source.tar.gz');
  const name = `samskap-${opts.build.version}${opts.build.commit ? `-${opts.build.commit.slice(0, 12)}` : ''}-source.tar.gz`;

  r.get('/api/about', (_req, res) => {
    res.json({ version: opts.build.version, commit: opts.build.commit, licence: 'AGPL-3.0-or-later', sourceUrl: opts.sourceUrl ?? '/source' });
  });

  r.get('/source', (_req, res) => {
    if (opts.sourceUrl) return res.redirect(302, opts.sourceUrl);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Content-Type', 'application/gzip');
    if (existsSync(archive)) return res.sendFile(archive);
    const parts = SOURCE_PARTS.filter((p) => existsSync(path.join(opts.root, p)));
    if (!parts.includes('server') || !parts.includes('package.json')) {
      res.removeHeader('Content-Disposition');
      return res.status(404).type('text/plain').send('This server has no copy of its source. Its operator should set SOURCE_URL to where it is published.\n');
    }
    // tar loads on the first such request: a server that is never asked keeps it out of memory.
    import('tar').then(
      ({ create }) => create({ gzip: true, cwd: opts.root, portable: true, prefix: 'samskap' }, parts).pipe(res),
      (err: unknown) => res.destroy(err instanceof Error ? err : new Error(String(err))),
    );
  });

  return r;
}
