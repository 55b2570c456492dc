/** Writes docs/charter-export.schema.json from shared/export/charter-export.ts. */
import { writeFileSync } from 'node:fs';
import { charterExportJsonSchema } from '../shared/export/charter-export.js';

writeFileSync(new URL('../docs/charter-export.schema.json', import.meta.url), JSON.stringify(charterExportJsonSchema(), null, 2) + '\n');
