/**
 * Markdown-like shortcuts while typing: `# `, `## `, `### ` for the three heading levels,
 * `- ` or `* ` for a bulleted list, `1. ` for a numbered list, `> ` for a quote.
 */
import { inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import type { Plugin } from 'prosemirror-state';
import { visionSchema } from '../../shared/vision/schema.js';

export function visionInputRules(): Plugin {
  const { nodes } = visionSchema;
  return inputRules({
    rules: [
      textblockTypeInputRule(/^(#{1,3})\s$/, nodes.heading!, (m) => ({ level: (m[1]?.length ?? 1) + 1 })),
      wrappingInputRule(/^\s*([-*])\s$/, nodes.bullet_list!),
      wrappingInputRule(/^(\d+)\.\s$/, nodes.ordered_list!, undefined, (_m, node) => node.childCount > 0),
      wrappingInputRule(/^\s*>\s$/, nodes.blockquote!),
    ],
  });
}
