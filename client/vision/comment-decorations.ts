/**
 * Highlights of commented ranges in the live editor. The page hands in the comments; ranges are
 * resolved from their relative positions after the editor has rendered (y-prosemirror's mapping
 * from Yjs types to nodes is only complete then) and in between mapped through each change.
 * While a snapshot is shown (authorship, diffs, milestones) there are none.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type { VisionComment } from '../../shared/vision/comments.js';
import { resolveAnchor, type PMMapping } from './comment-anchors.js';

export const commentsKey = new PluginKey<DecorationSet>('vision-comments');

interface Binding {
  type: import('yjs').XmlFragment;
  binding: { mapping: PMMapping };
  snapshot: unknown;
  prevSnapshot: unknown;
}

export interface ResolvedComment {
  comment: VisionComment;
  range: { from: number; to: number } | null;
}

const syncState = (state: EditorState) => ySyncPluginKey.getState(state) as Binding | undefined;
const inSnapshot = (state: EditorState) => {
  const y = syncState(state);
  return !!y && (y.snapshot != null || y.prevSnapshot != null);
};

/** Each comment with its current range (null: detached), for the live editor's state. */
export function resolveComments(state: EditorState, comments: VisionComment[]): ResolvedComment[] {
  const y = syncState(state);
  if (!y || inSnapshot(state)) return comments.map((comment) => ({ comment, range: null }));
  return comments.map((comment) => ({ comment, range: resolveAnchor(y.type, y.binding.mapping, comment) }));
}

export function decorationsFor(state: EditorState, resolved: ResolvedComment[], activeId: string | null): DecorationSet {
  const size = state.doc.content.size;
  const decos = resolved
    .filter((r) => r.range && !r.comment.resolved && r.range.to <= size)
    .map((r) =>
      Decoration.inline(r.range!.from, r.range!.to, {
        class: r.comment.id === activeId ? 'comment-range active' : 'comment-range',
        'data-comment-id': r.comment.id,
      }),
    );
  return DecorationSet.create(state.doc, decos);
}

export function commentDecorationsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: commentsKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set, _old, state) {
        const next = tr.getMeta(commentsKey) as DecorationSet | undefined;
        if (next) return next;
        if (inSnapshot(state)) return DecorationSet.empty;
        return set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => commentsKey.getState(state) },
  });
}

/**
 * Replaces the highlights (call after the editor has rendered the latest change). Not marked
 * `addToHistory: false`: it changes no text, so the undo history never sees it, and y-prosemirror
 * takes that mark as a reason to close the undo step, so typing would be undone letter by letter.
 */
export function setCommentDecorations(view: EditorView, set: DecorationSet): void {
  view.dispatch(view.state.tr.setMeta(commentsKey, set));
}
