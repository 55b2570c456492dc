/** The drawing tools of the toolbar, with their one-key shortcuts and labels. */
import { msg } from '@lit/localize';
import type { ElementKind } from '../../../shared/board/schema.js';

export type Tool = 'select' | 'note' | 'text' | 'rect' | 'ellipse' | 'diamond' | 'frame' | 'connector' | 'pen';

export interface ToolInfo {
  id: Tool;
  key: string;
  label(): string;
  /** SVG path(s) for a 24×24 icon. */
  icon: string;
}

export const TOOLS: ToolInfo[] = [
  { id: 'select', key: 'V', label: () => msg('Select', { id: 'canvas_tool_select' }), icon: 'M6 3l12 9-5.5 1.2L16 20l-2.6 1.2-2.8-6.6L6 18.5z' },
  { id: 'note', key: 'S', label: () => msg('Sticky note', { id: 'canvas_tool_note' }), icon: 'M4 4h16v11l-5 5H4zM15 20v-5h5' },
  { id: 'text', key: 'T', label: () => msg('Text', { id: 'canvas_tool_text' }), icon: 'M5 5h14M12 5v14M9 19h6' },
  { id: 'rect', key: 'R', label: () => msg('Rectangle', { id: 'canvas_tool_rect' }), icon: 'M4 6h16v12H4z' },
  { id: 'ellipse', key: 'O', label: () => msg('Ellipse', { id: 'canvas_tool_ellipse' }), icon: 'M12 6c4.4 0 8 2.7 8 6s-3.6 6-8 6-8-2.7-8-6 3.6-6 8-6z' },
  { id: 'diamond', key: 'D', label: () => msg('Diamond', { id: 'canvas_tool_diamond' }), icon: 'M12 3l9 9-9 9-9-9z' },
  { id: 'frame', key: 'F', label: () => msg('Frame', { id: 'canvas_tool_frame' }), icon: 'M7 3v18M17 3v18M3 7h18M3 17h18' },
  { id: 'connector', key: 'C', label: () => msg('Connector', { id: 'canvas_tool_connector' }), icon: 'M5 19L19 5M12 5h7v7' },
  { id: 'pen', key: 'P', label: () => msg('Pen', { id: 'canvas_tool_pen' }), icon: 'M4 20l4-1 11-11-3-3L5 16zM14 7l3 3' },
];

/** The element kind a creating tool makes. */
export const CREATES: Partial<Record<Tool, ElementKind>> = { note: 'note', text: 'text', rect: 'rect', ellipse: 'ellipse', diamond: 'diamond', frame: 'frame' };
