/** The PNG worker pool: renders, stops a render past its time limit, replaces the worker, sheds load. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { createLogger } from '../log.js';
import { createPngRenderer, type PngRenderer } from './png-renderer.js';

const TINY = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>';
/** Ten full-size blurs at 4096 px: several seconds of resvg work. */
const HEAVY = `<svg xmlns="http://www.w3.org/2000/svg" width="4096" height="4096"><defs><filter id="b"><feGaussianBlur stdDeviation="80"/></filter></defs>${Array.from(
  { length: 10 },
  (_, i) => `<rect x="${i * 300}" y="${i * 300}" width="1000" height="1000" fill="#3366${(i * 11).toString(16).padStart(2, '0')}" filter="url(#b)"/>`,
).join('')}</svg>`;

const log = createLogger('silent');
let renderer: PngRenderer | null = null;
afterEach(async () => {
  await renderer?.close();
  renderer = null;
});

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (err: unknown) => (err instanceof AppError ? `${err.status} ${err.code}` : String(err)));

describe('PNG renderer', () => {
  it('renders in a worker', async () => {
    renderer = createPngRenderer({ timeoutMs: 10_000, workers: 1, log });
    const png = await renderer.render(TINY, 10, 10);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('stops a render past the time limit with 503 export_timeout, then renders again', async () => {
    renderer = createPngRenderer({ timeoutMs: 1000, workers: 1, log });
    await renderer.render(TINY, 10, 10); // the worker is up: the limit counts only the render
    const started = performance.now();
    expect(await codeOf(renderer.render(HEAVY, 4096, 4096))).toBe('503 export_timeout');
    expect(performance.now() - started).toBeLessThan(4000);
    const png = await renderer.render(TINY, 10, 10);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  }, 30_000);

  it('answers 503 export_busy when every worker is busy and the queue is full', async () => {
    renderer = createPngRenderer({ timeoutMs: 1000, workers: 1, queue: 1, log });
    const first = codeOf(renderer.render(HEAVY, 4096, 4096));
    const queued = codeOf(renderer.render(TINY, 10, 10));
    expect(await codeOf(renderer.render(TINY, 10, 10))).toBe('503 export_busy');
    expect(await first).toBe('503 export_timeout');
    expect(await queued).toBe('ok');
  }, 30_000);
});
