/**
 * Images on boards (issue #16): a member who may write uploads a PNG, JPEG or WebP file (checked
 * by its bytes, at most IMAGE_MAX_BYTES, within the workshop's IMAGE_QUOTA_BYTES); members fetch
 * them back. The board element (kind `image`) names the image by id; the bytes stay in the store
 * with the workshop, so backups and deletion take them along.
 */
import type { ImageUploadDto } from '../../shared/api.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { authorize, type Actor } from '../auth/access.js';
import type { ImageRecord, Store } from '../store/types.js';
import { sniffImage } from './image-sniff.js';

export interface ImageServiceDeps {
  store: Store;
  limits: { maxBytes: number; quotaBytes: number };
  now: () => Date;
  newId: () => string;
}

export function createImageService(deps: ImageServiceDeps) {
  const { store, limits } = deps;
  return {
    async upload(actor: Actor, workshopId: string, bytes: Uint8Array): Promise<ImageUploadDto> {
      authorize(actor, 'doc.write', workshopId);
      if (bytes.length === 0) throw new AppError(ErrorCode.validationFailed, 400, 'The request has no image in its body.');
      if (bytes.length > limits.maxBytes) throw new AppError(ErrorCode.payloadTooLarge, 413, `An image may be at most ${Math.floor(limits.maxBytes / 1024 / 1024)} MB.`);
      const sniffed = sniffImage(bytes);
      if (!sniffed) throw new AppError(ErrorCode.unsupportedMediaType, 415, 'Only PNG, JPEG and WebP images can be added (not SVG or other files).');
      const at = deps.now().toISOString();
      const image: ImageRecord = { id: deps.newId(), workshopId, ...sniffed, size: bytes.length, bytes, createdBy: actor.member.id, createdAt: at };
      await store.transaction(async (tx) => {
        // Inside the transaction, so two uploads at once cannot both slip under the quota (SQLite
        // serialises transactions; PostgreSQL takes the workshop's row lock first).
        await tx.facilitation.nextSeq(workshopId);
        if ((await tx.images.usage(workshopId)) + bytes.length > limits.quotaBytes) {
          throw new AppError(ErrorCode.payloadTooLarge, 413, `This workshop's images take up all of its ${Math.floor(limits.quotaBytes / 1024 / 1024)} MB. Remove some from the boards' export first, or ask the operator for more room.`);
        }
        await tx.images.add(image);
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'image.added', data: { imageId: image.id, mime: image.mime, size: image.size } });
      });
      return { id: image.id, mime: image.mime, width: image.width, height: image.height, size: image.size };
    },

    /** Members only (observers too); another workshop's image is not found. */
    async get(actor: Actor, workshopId: string, imageId: string): Promise<ImageRecord> {
      authorize(actor, 'doc.read', workshopId);
      const image = await store.images.get(workshopId, imageId);
      if (!image) throw new AppError(ErrorCode.notFound, 404, 'There is no such image in this workshop.');
      return image;
    },
  };
}

export type ImageService = ReturnType<typeof createImageService>;
