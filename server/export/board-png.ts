/** The board's SVG rasterised with resvg (no browser), with the embedded DejaVu fonts. */
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from './fonts.js';
import { rgbPng } from './rgb-png.js';

/** Longest side of the PNG in pixels: big boards are scaled down to it, small ones up to 2×. */
export const PNG_MAX_SIDE = 4096;

export const pngScale = (width: number, height: number): number => Math.min(2, PNG_MAX_SIDE / Math.max(width, height));

function rasterise(svg: string, pixelWidth: number) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(pixelWidth)) },
    font: { fontFiles: Object.values(FONT_FILES), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: '#ffffff',
  });
  return resvg.render();
}

/** `svg` should come from renderBoardSvg with `rasterScale: pngScale`. */
export function renderPng(svg: string, width: number, height: number): Buffer {
  return rasterise(svg, width * pngScale(width, height)).asPng();
}

/**
 * A picture inside a document (the charter's actor map): at most `maxSide` pixels on its longer
 * side (2× at most), opaque RGB (see rgb-png.ts).
 */
export function renderDocumentPng(svg: string, width: number, height: number, maxSide: number): Buffer {
  const image = rasterise(svg, width * Math.min(2, maxSide / Math.max(width, height)));
  return rgbPng(image.pixels, image.width, image.height);
}
