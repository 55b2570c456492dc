/**
 * Worker-thread side of `png-renderer.ts`: builds board SVGs and rasterises SVGs with resvg, off
 * the main thread. Says `ready` once loaded, so the time limit never counts start-up.
 */
import { parentPort } from 'node:worker_threads';
import { pngScale, renderDocumentPng, renderPng } from './board-png.js';
import { renderBoardSvg, type BoardSvgInput } from './board-svg.js';

/** A board picture: the input of renderBoardSvg without its (not transferable) raster scale. */
export type BoardPicture = Omit<BoardSvgInput, 'rasterScale'>;

export type PictureJob =
  | { id: number; kind: 'png'; svg: string; width: number; height: number }
  /** A picture for a document: opaque, at most `maxSide` pixels (see renderDocumentPng). */
  | { id: number; kind: 'document'; svg: string; width: number; height: number; maxSide: number }
  | { id: number; kind: 'board'; board: BoardPicture; format: 'svg' | 'png' };

export type PictureReply =
  | { ready: true }
  | { id: number; body: Uint8Array }
  /** `noFrame`: renderBoardSvg's RangeError (the frame asked for is not on the board). */
  | { id: number; error: string; noFrame?: true };

function run(job: PictureJob): Buffer {
  if (job.kind === 'png') return renderPng(job.svg, job.width, job.height);
  if (job.kind === 'document') return renderDocumentPng(job.svg, job.width, job.height, job.maxSide);
  const raster = job.format === 'png';
  const picture = renderBoardSvg({ ...job.board, rasterScale: raster ? pngScale : undefined });
  return raster ? renderPng(picture.svg, picture.width, picture.height) : Buffer.from(picture.svg);
}

const port = parentPort;
if (port) {
  port.on('message', (job: PictureJob) => {
    let reply: PictureReply;
    try {
      const body = run(job);
      reply = { id: job.id, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
    } catch (err) {
      reply = { id: job.id, error: err instanceof Error ? err.message : String(err), ...(err instanceof RangeError && err.message === 'frame' ? { noFrame: true as const } : {}) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies PictureReply);
}
