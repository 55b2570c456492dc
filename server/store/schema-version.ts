/**
 * A database written by a newer Samskap is never opened by an older one: its migrations would be
 * skipped and its tables misread. The start-up refuses with one line naming both versions.
 */
export function newerSchema(kind: 'SQLite' | 'PostgreSQL', database: number, build: number): string {
  return `The ${kind} database is at schema version ${database}, newer than this build of Samskap knows (${build}). Upgrade Samskap to the version that wrote it, or restore a backup made by this version.`;
}
