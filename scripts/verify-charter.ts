/**
 * `npm run verify-charter -- <file>`: checks a JSON charter export offline (no network): key,
 * chain and head signature (server/store/audit-verify.ts). Exit 0 when it verifies, 1 when it
 * does not (with the reason), 2 when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { verifyCharterExport } from '../server/store/audit-verify.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run verify-charter -- <charter export .json>');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (err) {
  console.error(`verify-charter: cannot read ${file}: ${(err as Error).message}`);
  process.exit(2);
}
const verdict = verifyCharterExport(text);
if (verdict.ok) {
  console.log(`VERIFIED ${verdict.summary}. Compare the key's fingerprint with the server's GET /api/audit-key.`);
  process.exit(0);
}
console.error(`NOT VERIFIED ${file}: ${verdict.reason}.`);
process.exit(1);
