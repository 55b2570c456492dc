/**
 * Worker-thread side of `png-renderer.ts`: rasterises one SVG per message with resvg, off the
 * main thread. Says `ready` once loaded, so the render time limit never counts start-up.
 */
import { parentPort } from 'node:worker_threads';
import { renderPng } from './board-png.js';

export interface PngJob {
  id: number;
  svg: string;
  width: number;
  height: number;
}

export type PngReply = { ready: true } | { id: number; png: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (port) {
  port.on('message', (job: PngJob) => {
    let reply: PngReply;
    try {
      const png = renderPng(job.svg, job.width, job.height);
      reply = { id: job.id, png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) };
    } catch (err) {
      reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies PngReply);
}
