/** The board's SVG rasterised with resvg (no browser), with the embedded DejaVu fonts. */
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from './fonts.js';

/** Longest side of the PNG in pixels: big boards are scaled down to it, small ones up to 2×. */
export const PNG_MAX_SIDE = 4096;

export const pngScale = (width: number, height: number): number => Math.min(2, PNG_MAX_SIDE / Math.max(width, height));

/** `svg` should come from renderBoardSvg with `rasterScale: pngScale`. */
export function renderPng(svg: string, width: number, height: number): Buffer {
  const scale = pngScale(width, height);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(width * scale)) },
    font: { fontFiles: Object.values(FONT_FILES), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
