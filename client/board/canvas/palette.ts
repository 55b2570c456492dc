/**
 * How the schema's palette names look: a calm fill for notes and shapes (dark text on it
 * ≥ 7:1) and a stroke for outlines, connectors and pen lines (≥ 3:1 on white).
 */
import { msg } from '@lit/localize';
import type { PaletteColor } from '../../../shared/board/schema.js';

export const FILL: Record<PaletteColor, string> = {
  yellow: '#fff1a8',
  orange: '#ffdcbc',
  pink: '#fbd7e3',
  purple: '#e6dcfa',
  blue: '#d6e6fa',
  teal: '#cdefea',
  green: '#d8f0cf',
  grey: '#e4e8ec',
  white: '#ffffff',
};

export const STROKE: Record<PaletteColor, string> = {
  yellow: '#8a6d00',
  orange: '#b45309',
  pink: '#be185d',
  purple: '#7e22ce',
  blue: '#1d4ed8',
  teal: '#0f766e',
  green: '#15803d',
  grey: '#4b5563',
  white: '#6b7785',
};

export function colorName(c: PaletteColor): string {
  switch (c) {
    case 'yellow':
      return msg('Yellow', { id: 'canvas_color_yellow' });
    case 'orange':
      return msg('Orange', { id: 'canvas_color_orange' });
    case 'pink':
      return msg('Pink', { id: 'canvas_color_pink' });
    case 'purple':
      return msg('Purple', { id: 'canvas_color_purple' });
    case 'blue':
      return msg('Blue', { id: 'canvas_color_blue' });
    case 'teal':
      return msg('Teal', { id: 'canvas_color_teal' });
    case 'green':
      return msg('Green', { id: 'canvas_color_green' });
    case 'grey':
      return msg('Grey', { id: 'canvas_color_grey' });
    case 'white':
      return msg('White', { id: 'canvas_color_white' });
  }
}
