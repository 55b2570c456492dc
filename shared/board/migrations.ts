/** Named migrations of the board document; each runs once, in order, in one transaction. */
import type * as Y from 'yjs';
import { BOARD_SCHEMA_VERSION, BoardKey } from './schema.js';

interface Migration {
  name: string;
  to: number;
  run(doc: Y.Doc): void;
}

const migrations: Migration[] = [
  // v1 is the first shape: nothing to transform, only the version to record.
  { name: '001_initial', to: 1, run: () => {} },
  // v2 (issue #16): the `image` kind and its `image` field. Nothing to transform; a client of v1
  // skips the kind it does not know.
  { name: '002_images', to: 2, run: () => {} },
];

/** Brings a board document up to BOARD_SCHEMA_VERSION; returns the names of the migrations run. */
export function migrateBoard(doc: Y.Doc, origin: unknown): string[] {
  const meta = doc.getMap<unknown>(BoardKey.meta);
  const current = typeof meta.get(BoardKey.schemaVersion) === 'number' ? (meta.get(BoardKey.schemaVersion) as number) : 0;
  const due = migrations.filter((m) => m.to > current && m.to <= BOARD_SCHEMA_VERSION);
  if (due.length === 0) return [];
  doc.transact(() => {
    for (const m of due) m.run(doc);
    meta.set(BoardKey.schemaVersion, BOARD_SCHEMA_VERSION);
  }, origin);
  return due.map((m) => m.name);
}
