/**
 * `/api/workshops/:id/images…` (issue #16; docs/api.md "Images"): upload an image as the raw
 * request body, fetch it back as a member. An image is served as what its bytes were checked to
 * be, never sniffed by the browser, with a policy that lets it run nothing.
 */
import express, { Router, type Request } from 'express';
import { Id } from '../../../shared/api.js';
import type { Authenticator } from '../../auth/authenticator.js';
import type { ImageService } from '../../services/images.js';
import { actorOf, requireActor } from '../auth-middleware.js';
import { parseInput } from '../errors.js';

export interface ImageRouteDeps {
  images: ImageService;
  auth: Authenticator;
  publicUrl: string | null;
  /** IMAGE_MAX_BYTES: a larger body is refused with 413 before it is read whole. */
  maxBytes: number;
}

export function imageRoutes(deps: ImageRouteDeps): Router {
  const r = Router();
  const member = requireActor(deps.auth, deps.publicUrl);
  const id = (req: Request) => parseInput(Id, req.params.id);
  // Any content type: what the file is comes from its bytes (services/image-sniff.ts).
  const raw = express.raw({ type: () => true, limit: deps.maxBytes });

  r.post('/workshops/:id/images', member, raw, async (req, res) => {
    const body: unknown = req.body;
    const bytes = Buffer.isBuffer(body) ? new Uint8Array(body.buffer, body.byteOffset, body.length) : new Uint8Array();
    res.status(201).json(await deps.images.upload(actorOf(res.locals), id(req), bytes));
  });

  r.get('/workshops/:id/images/:imageId', member, async (req, res) => {
    const image = await deps.images.get(actorOf(res.locals), id(req), parseInput(Id, req.params.imageId));
    res.setHeader('Content-Type', image.mime);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'");
    // Never changes (a new upload is a new id); private: only members may see it.
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    res.send(Buffer.from(image.bytes));
  });

  return r;
}
