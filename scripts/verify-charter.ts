/**
 * `npm run verify-charter -- <file> [--fingerprint "<fingerprint>"]`: checks a JSON charter export
 * offline (no network): key, chain and head signature (server/store/audit-verify.ts), and with
 * `--fingerprint` that the key is the expected one. Exit 0 when it verifies, 1 when it does not
 * (with the reason), 2 on a usage error or a file that cannot be read.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyCharterExport } from '../server/store/audit-verify.js';

let file: string | undefined;
let fingerprint: string | undefined;
try {
  const { values, positionals } = parseArgs({ options: { fingerprint: { type: 'string' } }, allowPositionals: true });
  [file, fingerprint] = [positionals.length === 1 ? positionals[0] : undefined, values.fingerprint];
} catch (err) {
  console.error(`verify-charter: ${(err as Error).message}`);
}
if (!file) {
  console.error('usage: npm run verify-charter -- <charter export .json> [--fingerprint "<fingerprint>"]');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (err) {
  console.error(`verify-charter: cannot read ${file}: ${(err as Error).message}`);
  process.exit(2);
}
const verdict = verifyCharterExport(text, fingerprint);
if (verdict.ok) {
  console.log(`VERIFIED ${verdict.summary}.${fingerprint ? '' : " Compare the key's fingerprint with the server's GET /api/audit-key."}`);
  process.exit(0);
}
console.error(`NOT VERIFIED ${file}: ${verdict.reason}.`);
process.exit(1);
