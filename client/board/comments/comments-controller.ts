/**
 * The board page's comments (issue #16): which element's comments are shown beside the board,
 * the badges (open threads per element) kept current from the board document, and the panel's
 * code loaded on first need. Offline before that code ever arrived, selecting an element stays
 * quiet and asking for comments says so (`failed`); the next time tries again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeComments, openCounts } from '../../../shared/board/comments.js';
import type { BoardSession } from '../board-session.js';
import type { CommentBadges } from '../canvas/comment-badges.js';
import { loadComments } from '../lazy-parts.js';

export class BoardCommentsController implements ReactiveController {
  /** The element whose comments are shown, or null. */
  shownFor: string | null = null;
  /** Open threads' comments per element, for the canvas and the outline (null: none). */
  badges: CommentBadges | null = null;
  /** Bumped to focus the new comment's field (Ctrl+Alt+M, "Comment…"). */
  compose = 0;
  /** The panel's code could not be loaded when someone asked for comments. */
  failed = false;
  private stop: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.detach();
  }

  /** Follows a newly opened board; `keepShown`: the same board reopened (a refused update). */
  attach(s: BoardSession | null, keepShown: boolean): void {
    this.detach();
    this.badges = null;
    if (!keepShown) this.shownFor = null;
    if (s) this.stop = this.count(s);
    this.host.requestUpdate();
  }

  detach(): void {
    this.stop?.();
    this.stop = null;
  }

  /** Shows an element's comments; `compose` focuses a new comment (and reports a failed load). */
  async show(id: string, compose: boolean): Promise<void> {
    try {
      await loadComments();
    } catch {
      if (compose) this.failed = true;
      this.host.requestUpdate();
      return;
    }
    this.failed = false;
    this.shownFor = id;
    if (compose) this.compose++;
    this.host.requestUpdate();
  }

  /** Closes the panel; answers the element it showed (focus goes back there). */
  close(): string | null {
    const id = this.shownFor;
    this.shownFor = null;
    this.host.requestUpdate();
    return id;
  }

  private count(s: BoardSession): () => void {
    let last = '';
    const count = () => {
      const counts = openCounts(s.board.doc);
      const key = JSON.stringify([...counts]);
      if (key !== last) {
        this.badges = counts.size ? counts : null;
        this.host.requestUpdate();
      }
      last = key;
    };
    count();
    const stop = observeComments(s.board.doc, count);
    // A deleted (or restored) element hides (or shows) its comments.
    s.board.elements.observe(count);
    return () => {
      stop();
      s.board.elements.unobserve(count);
    };
  }
}
