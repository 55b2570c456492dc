/**
 * The editor's actions as plain objects `{ id, label, shortcut, active, enabled, run }`: the
 * toolbar, the keymap and the shortcut help all read this one list.
 */
import { msg } from '@lit/localize';
import { baseKeymap, lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import type { MarkType, NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { visionSchema } from '../../shared/vision/schema.js';
import { suggesting } from './suggestions.js';

/** Actions that need the page (a dialog, the comments panel) ask for it through these. */
export interface EditorHooks {
  editLink(): void;
  addComment(): void;
  showHelp(): void;
  /** Suggestion mode on or off for this person (suggestions.ts). */
  toggleSuggesting(): void;
}

export interface EditorAction {
  id: string;
  label: () => string;
  /** ProseMirror key names (`Mod-b`); the first is shown in tooltips and help. */
  keys: string[];
  /** Shown as pressed in the toolbar. */
  active?: (state: EditorState) => boolean;
  /** Needs write access (everything but help). */
  writes: boolean;
  /** Available in suggestion mode (changes that suggestions can express, and those that change nothing). */
  whileSuggesting?: boolean;
  command: (hooks: EditorHooks) => Command;
}

const { nodes, marks } = visionSchema;

function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  return empty ? !!type.isInSet(state.storedMarks ?? $from.marks()) : state.doc.rangeHasMark(from, to, type);
}

function blockActive(state: EditorState, type: NodeType, attrs?: Record<string, unknown>): boolean {
  const { $from, to } = state.selection;
  if (to > $from.end()) return false;
  const parent = $from.parent;
  return parent.type === type && (!attrs || Object.entries(attrs).every(([k, v]) => parent.attrs[k] === v));
}

/** Inside a list (or quote) of this type, anywhere up the tree. */
function wrappedIn(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === type) return true;
  return false;
}

/** A heading toggles back to a paragraph. */
const heading = (level: number): Command => (state, dispatch) =>
  blockActive(state, nodes.heading!, { level }) ? setBlockType(nodes.paragraph!)(state, dispatch) : setBlockType(nodes.heading!, { level })(state, dispatch);

/** A list or quote toggles off when the selection is already in one. */
const toggleList = (type: NodeType): Command => (state, dispatch) =>
  wrappedIn(state, type) ? liftListItem(nodes.list_item!)(state, dispatch) : wrapInList(type)(state, dispatch);
const toggleQuote: Command = (state, dispatch) => (wrappedIn(state, nodes.blockquote!) ? lift(state, dispatch) : wrapIn(nodes.blockquote!)(state, dispatch));

export const EDITOR_ACTIONS: EditorAction[] = [
  { id: 'undo', label: () => msg('Undo', { id: 'vision_act_undo' }), keys: ['Mod-z'], writes: true, whileSuggesting: true, command: () => undoCommand },
  { id: 'redo', label: () => msg('Redo', { id: 'vision_act_redo' }), keys: ['Mod-y', 'Mod-Shift-z'], writes: true, whileSuggesting: true, command: () => redoCommand },
  {
    id: 'bold',
    label: () => msg('Bold', { id: 'vision_act_bold' }),
    keys: ['Mod-b'],
    writes: true,
    whileSuggesting: true,
    active: (s) => markActive(s, marks.strong!),
    command: () => toggleMark(marks.strong!),
  },
  {
    id: 'italic',
    label: () => msg('Italic', { id: 'vision_act_italic' }),
    keys: ['Mod-i'],
    writes: true,
    whileSuggesting: true,
    active: (s) => markActive(s, marks.em!),
    command: () => toggleMark(marks.em!),
  },
  {
    id: 'link',
    label: () => msg('Link', { id: 'vision_act_link' }),
    keys: ['Mod-k'],
    writes: true,
    active: (s) => markActive(s, marks.link!),
    command: (hooks) => (_state, dispatch) => {
      if (dispatch) hooks.editLink();
      return true;
    },
  },
  { id: 'paragraph', label: () => msg('Normal text', { id: 'vision_act_paragraph' }), keys: ['Mod-Alt-0'], writes: true, active: (s) => blockActive(s, nodes.paragraph!), command: () => setBlockType(nodes.paragraph!) },
  { id: 'h1', label: () => msg('Title', { id: 'vision_act_h1' }), keys: ['Mod-Alt-1'], writes: true, active: (s) => blockActive(s, nodes.heading!, { level: 2 }), command: () => heading(2) },
  { id: 'h2', label: () => msg('Heading', { id: 'vision_act_h2' }), keys: ['Mod-Alt-2'], writes: true, active: (s) => blockActive(s, nodes.heading!, { level: 3 }), command: () => heading(3) },
  { id: 'h3', label: () => msg('Subheading', { id: 'vision_act_h3' }), keys: ['Mod-Alt-3'], writes: true, active: (s) => blockActive(s, nodes.heading!, { level: 4 }), command: () => heading(4) },
  { id: 'bullets', label: () => msg('Bulleted list', { id: 'vision_act_bullets' }), keys: ['Mod-Shift-8'], writes: true, active: (s) => wrappedIn(s, nodes.bullet_list!), command: () => toggleList(nodes.bullet_list!) },
  { id: 'numbers', label: () => msg('Numbered list', { id: 'vision_act_numbers' }), keys: ['Mod-Shift-7'], writes: true, active: (s) => wrappedIn(s, nodes.ordered_list!), command: () => toggleList(nodes.ordered_list!) },
  { id: 'quote', label: () => msg('Quote', { id: 'vision_act_quote' }), keys: ['Mod-Shift-9'], writes: true, active: (s) => wrappedIn(s, nodes.blockquote!), command: () => toggleQuote },
  { id: 'indent', label: () => msg('Indent list item', { id: 'vision_act_indent' }), keys: ['Mod-]'], writes: true, command: () => sinkListItem(nodes.list_item!) },
  { id: 'outdent', label: () => msg('Outdent list item', { id: 'vision_act_outdent' }), keys: ['Mod-['], writes: true, command: () => liftListItem(nodes.list_item!) },
  {
    id: 'comment',
    label: () => msg('Comment on the selection', { id: 'vision_act_comment' }),
    keys: ['Mod-Alt-m'],
    writes: true,
    whileSuggesting: true,
    command: (hooks) => (state, dispatch) => {
      if (state.selection.empty) return false;
      if (dispatch) hooks.addComment();
      return true;
    },
  },
  {
    id: 'suggest',
    label: () => msg('Suggest changes', { id: 'vision_act_suggest' }),
    keys: ['Mod-Alt-s'],
    writes: true,
    whileSuggesting: true,
    active: suggesting,
    command: (hooks) => (_state, dispatch) => {
      if (dispatch) hooks.toggleSuggesting();
      return true;
    },
  },
  {
    id: 'help',
    label: () => msg('Keyboard shortcuts', { id: 'vision_act_help' }),
    keys: ['Mod-/'],
    writes: false,
    whileSuggesting: true,
    command: (hooks) => (_s, dispatch) => {
      if (dispatch) hooks.showHelp();
      return true;
    },
  },
];

export const editorAction = (id: string): EditorAction | undefined => EDITOR_ACTIONS.find((a) => a.id === id);

/** The keymap: every action's keys, plus Enter in lists and Shift+Enter for a line break. */
export function actionKeys(hooks: EditorHooks, readOnly: boolean): Record<string, Command> {
  const keys: Record<string, Command> = {};
  for (const a of EDITOR_ACTIONS) if (!(readOnly && a.writes)) for (const k of a.keys) keys[k] = a.command(hooks);
  if (!readOnly) {
    const splitItem = splitListItem(nodes.list_item!);
    keys['Enter'] = (state, dispatch) => splitItem(state, dispatch) || (baseKeymap['Enter']?.(state, dispatch) ?? false);
    keys['Shift-Enter'] = (state, dispatch) => {
      if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.hard_break!.create()).scrollIntoView());
      return true;
    };
  }
  return keys;
}

/** "Ctrl+Alt+1" or "⌘⌥1" for a ProseMirror key name. */
export function keyLabel(key: string): string {
  const mac = typeof navigator !== 'undefined' && navigator.platform.startsWith('Mac');
  return key
    .split('-')
    .map((part) => (part === 'Mod' ? (mac ? '⌘' : 'Ctrl') : part === 'Alt' ? (mac ? '⌥' : 'Alt') : part === 'Shift' ? (mac ? '⇧' : 'Shift') : part.length === 1 ? part.toUpperCase() : part))
    .join(mac ? '' : '+');
}
