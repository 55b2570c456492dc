/**
 * Enter in a text field submits its form, as browsers do for a form with a native submit button.
 * Our submit buttons are `<sl-button type="submit">`, which browsers do not count for that
 * ("implicit submission"), so forms with more than one field would otherwise ignore Enter.
 * Use as `<form @keydown=${submitOnEnter}>`.
 */
const TEXT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week']);

export function submitOnEnter(e: KeyboardEvent): void {
  if (e.key !== 'Enter' || e.isComposing || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
  const field = e.composedPath()[0];
  if (!(field instanceof HTMLInputElement) || !TEXT_TYPES.has(field.type) || !field.form) return;
  e.preventDefault();
  field.form.requestSubmit();
}
