/**
 * Pictures off the event loop: a few long-lived worker threads (`png-worker.ts`) build board
 * SVGs and rasterise SVGs with resvg, one job each at a time. A render past `timeoutMs` has its worker terminated
 * (resvg cannot be interrupted otherwise) and answers 503 `export_timeout`; a replacement starts
 * on the next job. Jobs beyond the workers wait in a short queue; past it, 503 `export_busy`.
 */
import { runsCompiled } from '../util/project-root.js';
import { Worker } from 'node:worker_threads';
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { Logger } from '../log.js';
import type { BoardPicture, PictureJob, PictureReply } from './png-worker.js';

export interface PngRendererOptions {
  timeoutMs: number;
  workers: number;
  /** Jobs that may wait for a worker (default 4 per worker). */
  queue?: number;
  log: Logger;
}

export interface PngRenderer {
  /** An SVG rasterised. */
  render(svg: string, width: number, height: number): Promise<Buffer>;
  /** A picture for a PDF or DOCX (the charter's actor map): opaque RGB, at most `maxSide` pixels on its longer side. */
  document(svg: string, width: number, height: number, maxSide: number): Promise<Buffer>;
  /** A board as SVG or PNG; rejects with RangeError('frame') when the frame is not on it. */
  board(picture: BoardPicture, format: 'svg' | 'png'): Promise<Buffer>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

// Compiled (npm start), the worker is a plain module beside this one. From source, workers do not
// inherit the TypeScript loader: register tsx in the worker, then load the file.
const newWorker = (): Worker =>
  runsCompiled(import.meta.url)
    ? new Worker(new URL('./png-worker.js', import.meta.url))
    : new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(new URL('./png-worker.ts', import.meta.url).href)}); })`, { eval: true });

export function createPngRenderer(opts: PngRendererOptions): PngRenderer {
  const slots: Slot[] = [];
  const waiting: (() => void)[] = [];
  const maxQueue = opts.queue ?? opts.workers * 4;
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    const worker = newWorker();
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('PNG worker exited before it was ready')));
    });
    ready.catch(() => undefined);
    const slot: Slot = { worker, ready, busy: false };
    // An unhandled worker 'error' event would throw in the main thread.
    worker.on('error', (err) => opts.log.error({ err }, 'PNG worker failed'));
    worker.once('exit', () => forget(slot));
    slots.push(slot);
    return slot;
  }

  /** Out of the pool at once, so no job is handed to a worker that is being stopped. */
  function forget(slot: Slot): void {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
  }

  async function acquire(): Promise<Slot> {
    for (;;) {
      if (closed) throw new AppError(ErrorCode.exportBusy, 503, 'The server is shutting down.');
      const idle = slots.find((s) => !s.busy) ?? (slots.length < opts.workers ? spawn() : null);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      if (waiting.length >= maxQueue) throw new AppError(ErrorCode.exportBusy, 503, 'Every picture renderer is busy; try again in a moment.');
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  function release(slot: Slot): void {
    slot.busy = false;
    waiting.shift()?.();
  }

  function run(slot: Slot, job: PictureJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        forget(slot);
        opts.log.warn({ timeoutMs: opts.timeoutMs, kind: job.kind }, 'picture render timed out; worker stopped');
        void slot.worker.terminate();
        reject(new AppError(ErrorCode.exportTimeout, 503, 'The picture took too long to draw; export a single frame instead.'));
      }, opts.timeoutMs);
      const onMessage = (reply: PictureReply) => {
        if (!('id' in reply) || reply.id !== job.id) return;
        cleanup();
        if ('body' in reply) resolve(Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength));
        else reject(reply.noFrame ? new RangeError('frame') : new Error(`picture render failed: ${reply.error}`));
      };
      const onExit = () => {
        cleanup();
        reject(new Error('PNG worker exited during a render'));
      };
      const cleanup = () => {
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('exit', onExit);
      };
      slot.worker.on('message', onMessage);
      slot.worker.on('exit', onExit);
      slot.worker.postMessage(job);
    });
  }

  async function job(make: (id: number) => PictureJob): Promise<Buffer> {
    const slot = await acquire();
    try {
      await slot.ready;
      return await run(slot, make(nextId++));
    } finally {
      release(slot);
    }
  }

  return {
    render: (svg, width, height) => job((id) => ({ id, kind: 'png', svg, width, height })),
    document: (svg, width, height, maxSide) => job((id) => ({ id, kind: 'document', svg, width, height, maxSide })),
    board: (board, format) => job((id) => ({ id, kind: 'board', board, format })),
    async close() {
      closed = true;
      for (const wake of waiting.splice(0)) wake();
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
