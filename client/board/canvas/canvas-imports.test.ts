/**
 * The canvas's helpers share its state (canvas-state.ts), never the component: no module under
 * client/board/canvas imports sk-board-canvas.ts, not even for a type (issue #15).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('.', import.meta.url));

describe('canvas modules', () => {
  it('do not import the canvas component', () => {
    const importers = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'sk-board-canvas.ts')
      .filter((f) => /from '\.\/sk-board-canvas\.js'|import '\.\/sk-board-canvas\.js'/.test(readFileSync(dir + f, 'utf8')));
    expect(importers).toEqual([]);
  });
});
