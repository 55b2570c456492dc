/**
 * Builds the ProseMirror view bound to the vision: y-prosemirror's sync (my caret staying before
 * what others type at the same spot), remote cursors (name and organisation colour from
 * awareness, which the server fixes) and per-user undo; keymap and input rules; the length cap;
 * paste sanitising; comment highlights; the template's placeholders; how snapshot diffs look
 * (`<ins>`/`<del>` in the writer's organisation colour, their name on hover); and suggestion mode
 * (suggestions.ts): while it is on, each change goes through suggest-transform.ts, and pending
 * suggestions show as `<ins>`/`<del>` in the suggesting organisation's colour, named on hover.
 */
import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import type { Mark } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { initProseMirrorDoc, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { visionSchema } from '../../shared/vision/schema.js';
import type { OrgColor } from '../ui/org-colors.js';
import { bindingDestroyedPlugin } from './binding-destroyed.js';
import { caretSticksLeftPlugin } from './caret-sticks-left.js';
import { typedAtCaretPlugin } from './typed-at-caret.js';
import { commentDecorationsPlugin } from './comment-decorations.js';
import { actionKeys, type EditorHooks } from './editor-actions.js';
import { visionInputRules } from './input-rules.js';
import { lengthCapPlugin } from './length-cap.js';
import { sanitisePastedHtml, sanitiseSlice } from './paste-sanitise.js';
import { placeholdersPlugin } from './placeholders.js';
import type { MemberInfo } from './vision-session.js';
import { FORMAT_MARK, readFormatting, suggestionAttrs, type FormatSuggestion, type SuggestionKind } from '../../shared/vision/suggestion-marks.js';
import { breakDecorationsPlugin, suggestBreakKeys } from './suggest-breaks.js';
import { suggestTransaction, type Suggester } from './suggest-transform.js';
import { suggesting, suggestModePlugin, type SuggestMode } from './suggestions.js';

export interface EditorViewOptions {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  readOnly: boolean;
  maxChars: number;
  language: string;
  label: string;
  describedBy: string;
  hooks: EditorHooks;
  colorOf(organisationId: string | null): OrgColor;
  member(id: string | null): MemberInfo;
  /** How a snapshot diff names a passage's writer: "Written by Anne (Nav)". */
  changeTitle(type: 'added' | 'removed', who: MemberInfo): string;
  /** Changes by this member are shown as plain text (their own, in "since your last visit"). */
  quietMember(): string | null;
  onRefused(length: number): void;
  onChange(state: EditorState): void;
  /** Suggestion mode as the editor opens. */
  suggestMode: SuggestMode;
  suggester: Suggester;
  /** How a pending suggestion names its maker: "Suggested by Anne (Nav): add". */
  /** `paragraph`: a suggested paragraph break (new paragraph, or joining two). */
  suggestionTitle(kind: SuggestionKind, who: MemberInfo, paragraph?: boolean): string;
  /** The title of a formatting suggestion (bold, not italic…). */
  formatTitle(who: MemberInfo, f: FormatSuggestion): string;
  /** A change that cannot be a suggestion (structure, formatting) was not made. */
  onSuggestRefused(): void;
}

interface AwarenessUser {
  name?: unknown;
  organisation?: unknown;
  organisationId?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

function cursorBuilder(colorOf: EditorViewOptions['colorOf']) {
  return (user: AwarenessUser): HTMLElement => {
    const color = colorOf(str(user.organisationId)).strong;
    const cursor = document.createElement('span');
    cursor.className = 'remote-cursor';
    cursor.style.borderColor = color;
    const label = document.createElement('span');
    label.className = 'remote-cursor-label';
    label.style.backgroundColor = color;
    label.textContent = str(user.name) ?? '?';
    const org = str(user.organisation);
    if (org) label.title = `${label.textContent} (${org})`;
    cursor.append('\u2060', label, '\u2060');
    return cursor;
  };
}

/** y-prosemirror calls `root.createRange()`, which a ShadowRoot lacks (yjs/y-prosemirror#36). */
function patchShadowRoot(view: EditorView): void {
  const root = view.root as (ShadowRoot | Document) & { createRange?: () => Range };
  if (root instanceof ShadowRoot && typeof root.createRange !== 'function') root.createRange = () => document.createRange();
}

export function createVisionEditor(host: HTMLElement, o: EditorViewOptions): EditorView {
  const { doc, mapping } = initProseMirrorDoc(o.fragment, visionSchema);
  const state = EditorState.create({
    doc,
    schema: visionSchema,
    plugins: [
      ySyncPlugin(o.fragment, { mapping }),
      typedAtCaretPlugin(),
      caretSticksLeftPlugin(),
      bindingDestroyedPlugin(),
      yCursorPlugin(o.awareness, {
        cursorBuilder: cursorBuilder(o.colorOf),
        selectionBuilder: (user: AwarenessUser) => ({ class: 'remote-selection', style: `background-color: ${o.colorOf(str(user.organisationId)).soft}` }),
      }),
      yUndoPlugin(),
      lengthCapPlugin(o.maxChars, o.onRefused),
      visionInputRules(),
      keymap(suggestBreakKeys(o.suggester)),
      keymap(actionKeys(o.hooks, o.readOnly)),
      keymap(baseKeymap),
      commentDecorationsPlugin(),
      suggestModePlugin(o.suggestMode),
      breakDecorationsPlugin({ colour: (m) => o.member(m).color, title: (kind, m) => o.suggestionTitle(kind, o.member(m), true) }),
      placeholdersPlugin(),
    ],
  });
  const suggestionView = (kind: SuggestionKind) => (mark: Mark) => {
    const attrs = suggestionAttrs(mark.attrs);
    const who = o.member(attrs?.memberId ?? null);
    const dom = document.createElement(kind === 'insertion' ? 'ins' : 'del');
    dom.className = `suggestion ${kind}`;
    dom.style.setProperty('--change-strong', who.color.strong);
    dom.style.setProperty('--change-soft', who.color.soft);
    dom.title = o.suggestionTitle(kind, who);
    dom.dataset.suggestion = `${kind}:${attrs?.id ?? ''}`;
    return { dom };
  };
  const view = new EditorView(host, {
    state,
    editable: () => !o.readOnly,
    attributes: {
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': o.label,
      'aria-describedby': o.describedBy,
      lang: o.language,
      spellcheck: 'true',
      class: 'vision-text',
    },
    transformPastedHTML: sanitisePastedHtml,
    transformPasted: sanitiseSlice,
    markViews: {
      ychange: (mark: Mark) => {
        const type = mark.attrs.type === 'removed' ? 'removed' : 'added';
        const user = typeof mark.attrs.user === 'string' ? mark.attrs.user : null;
        const who = o.member(user);
        const quiet = user !== null && user === o.quietMember();
        const dom = document.createElement(quiet ? 'span' : type === 'removed' ? 'del' : 'ins');
        dom.className = quiet ? `change quiet-${type}` : `change ${type}`;
        if (!quiet) {
          dom.style.setProperty('--change-strong', who.color.strong);
          dom.style.setProperty('--change-soft', who.color.soft);
          dom.title = o.changeTitle(type, who);
          dom.dataset.member = user ?? '';
          dom.dataset.organisation = who.organisationId ?? '';
        }
        return { dom };
      },
      insertion: suggestionView('insertion'),
      [FORMAT_MARK]: (mark: Mark) => {
        // Shown as it would look, dotted underneath in the suggesting organisation's colour.
        const f = readFormatting(mark.attrs);
        const who = o.member(f?.memberId ?? null);
        const dom = document.createElement('span');
        dom.className = 'suggestion formatting';
        dom.style.setProperty('--change-strong', who.color.strong);
        dom.style.setProperty('--change-soft', who.color.soft);
        if (f) {
          dom.title = o.formatTitle(who, f);
          dom.dataset.suggestion = `${FORMAT_MARK}:${f.id}`;
          if (f.strong) dom.dataset.strong = f.strong;
          if (f.em) dom.dataset.em = f.em;
        }
        return { dom };
      },
      deletion: suggestionView('deletion'),
    },
    dispatchTransaction(original) {
      const tr: Transaction | null = suggesting(view.state) ? suggestTransaction(view.state, original, o.suggester) : original;
      if (!tr) {
        o.onSuggestRefused();
        return;
      }
      const next = view.state.apply(tr);
      view.updateState(next);
      o.onChange(next);
    },
  });
  patchShadowRoot(view);
  return view;
}
