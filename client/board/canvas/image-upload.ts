/**
 * Images onto the board (issue #16), by paste, drop or the file picker: each file goes to the
 * server first (`POST /api/workshops/:id/images`, which checks its bytes and the workshop's
 * quota), then an `image` element naming it is placed, scaled to fit 400 × 400, several side by
 * side. What was refused is said in words, in the live region and on screen.
 */
import { msg, str } from '@lit/localize';
import { ApiError, api } from '../../net/api.js';
import { errorText } from '../../ui/texts.js';
import { COMMANDS, perform, type ActionContext } from '../actions.js';
import { imageWorkshop } from './image-src.js';
import type { Point } from './viewport.js';

/** What the file picker and a drop accept (the server decides by the bytes, not by this). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
const FIT = 400;
const GAP = 24;
/** At most this many files at once (a drop of a whole folder is not meant). */
const MAX_FILES = 10;

export const isImageFile = (f: File): boolean => (IMAGE_TYPES as readonly string[]).includes(f.type);

/** Uploads and places the images; resolves with the new element ids. `say` reports problems. */
export async function addImages(ctx: ActionContext, files: readonly File[], at: Point, say: (problem: string) => void): Promise<string[]> {
  const workshopId = imageWorkshop();
  if (ctx.readOnly || !workshopId) return [];
  const images = files.filter(isImageFile).slice(0, MAX_FILES);
  if (images.length < files.length) say(msg('Only PNG, JPEG and WebP images can be added to the board.', { id: 'canvas_image_kind' }));
  const ids: string[] = [];
  let x = at.x;
  for (const file of images) {
    try {
      const up = await api.uploadImage(workshopId, file);
      const scale = Math.min(1, FIT / up.width, FIT / up.height);
      const w = Math.max(40, Math.round(up.width * scale));
      const h = Math.max(40, Math.round(up.height * scale));
      const id = perform(COMMANDS.create, ctx, { kind: 'image', x: Math.round(x - (images.length === 1 ? w / 2 : 0)), y: Math.round(at.y - h / 2), w, h, image: up.id });
      if (id) ids.push(id);
      x += w + GAP;
    } catch (err) {
      const name = file.name || msg('the image', { id: 'canvas_image_unnamed' });
      say(err instanceof ApiError ? msg(str`${name} was not added: ${errorText(err)}`, { id: 'canvas_image_refused' }) : errorText(err));
    }
  }
  if (ids.length) ctx.select(ids);
  return ids;
}
