/**
 * Typed custom events. A component declares what it dispatches once, as a map from event name to
 * detail (`null`: none), exported beside it (`export interface SkPrincipleCardEvents`), and
 * dispatches through `emitter`; listeners name the event by that map
 * (`(e: SkEvent<SkPrincipleCardEvents, 'sk-stance'>) => …`), so a changed detail breaks them at
 * compile time instead of at run time. The maps are per component rather than one augmentation of
 * `HTMLElementEventMap`, because names repeat: four dialogs send `sk-save`, each with its own form.
 * Events on `window` are declared in `WindowEventMap` by the module that dispatches them.
 */

/** The event a listener receives for `name` from a component whose events are `M`. */
export type SkEvent<M, K extends keyof M> = CustomEvent<M[K]>;

type DetailArgs<D> = [D] extends [null] ? [] : [detail: D];

/** Dispatches `host`'s events, typed by its map: they bubble and cross shadow roots (composed). */
export function emitter<M>(host: EventTarget): <K extends keyof M & string>(name: K, ...detail: DetailArgs<M[K]>) => boolean {
  return (name, ...[detail]) => host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
