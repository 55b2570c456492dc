/**
 * What an uploaded (or imported) image really is, from its bytes, never from a header or a name:
 * PNG, JPEG or WebP, with its size in pixels. Anything else, SVG above all (it can carry script),
 * is not an image to Samskap. The signature is checked here; image-size reads the dimensions and
 * must agree on the type.
 */
import { imageSize } from 'image-size';
import type { ImageMime } from '../store/types.js';

export interface SniffedImage {
  mime: ImageMime;
  width: number;
  height: number;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function signature(b: Uint8Array): { mime: ImageMime; type: string } | null {
  if (startsWith(b, PNG)) return { mime: 'image/png', type: 'png' };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', type: 'jpg' };
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return { mime: 'image/webp', type: 'webp' };
  return null;
}

/** Largest side accepted, in pixels (a decompression bomb is refused before any renderer sees it). */
export const IMAGE_MAX_SIDE = 16_384;

/** The image's type and size, or null when the bytes are not a PNG, JPEG or WebP image. */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  const sig = signature(bytes);
  if (!sig) return null;
  try {
    const size = imageSize(bytes);
    if (size.type !== sig.type || !size.width || !size.height) return null;
    if (size.width > IMAGE_MAX_SIDE || size.height > IMAGE_MAX_SIDE) return null;
    return { mime: sig.mime, width: size.width, height: size.height };
  } catch {
    return null; // truncated or malformed: not an image
  }
}
