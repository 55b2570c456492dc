/**
 * `<sk-app>`: the shell. A header with the product name and the language switch on every page,
 * one `<main>` showing the page for the current URL, and a one-off notice after navigation.
 *
 * Listens: `popstate` and `sk-route` on window (see router.ts); clicks on same-origin links are
 * routed in-app. After an in-app navigation, focus moves to the new page's `<h1>`.
 * Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import '../workshop/sk-workshop-page.js';
import { appLocale, isAppLocale, LOCALE_NAMES, LOCALES, setAppLocale } from '../ui/i18n.js';
import { navigate, ROUTE_EVENT, type Notice } from '../ui/navigation.js';
import { currentRoute, routableHref, type Route } from './router.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { appStyles } from './sk-app.styles.js';

/**
 * Pages other than the workshop load when first shown: the board's start-up (the workshop page)
 * does not carry the start, join and re-entry pages (the service worker keeps them for offline).
 */
const LAZY_PAGES: Partial<Record<Route['name'], () => Promise<unknown>>> = {
  start: () => import('../start/sk-start-page.js'),
  join: () => import('../join/sk-join-page.js'),
  reenter: () => import('../reenter/sk-reenter-page.js'),
};

export class SkApp extends LitElement {
  static override styles = [sharedStyles, appStyles];
  static override properties = {
    route: { state: true },
    notice: { state: true },
    about: { state: true },
    pageFailed: { state: true },
  };
  declare route: Route;
  declare notice: Notice | null;
  /** This server's version and where its source is (AGPL §13), from `GET /api/about`. */
  declare about: { version: string; sourceUrl: string } | null;
  /** The current page's code could not be loaded (offline before it was ever shown). */
  declare pageFailed: boolean;
  /** Settles when the current page's code is loaded (at once for the workshop page). */
  private pageLoaded: Promise<unknown> = Promise.resolve();
  private moveFocus = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.route = currentRoute();
    this.notice = null;
    this.pageFailed = false;
    this.about = null;
    // Where the footer's source link goes (SOURCE_URL), and the version; the link works without it.
    void fetch('/api/about', { credentials: 'same-origin' })
      .then((r) => (r.ok ? (r.json() as Promise<{ version: string; sourceUrl: string }>) : null))
      .then((a) => (this.about = a && typeof a.version === 'string' && typeof a.sourceUrl === 'string' ? a : null))
      .catch(() => undefined); // offline: the link to /source stays
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('route')) return;
    const route = this.route;
    this.pageFailed = false;
    this.pageLoaded = (LAZY_PAGES[route.name]?.() ?? Promise.resolve()).catch(() => {
      if (this.route === route) this.pageFailed = true;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener(ROUTE_EVENT, this.onRoute);
    this.addEventListener('click', this.onClick);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener(ROUTE_EVENT, this.onRoute);
    this.removeEventListener('click', this.onClick);
    super.disconnectedCallback();
  }

  private readonly onPopState = () => this.show(null);
  private readonly onRoute = (e: WindowEventMap[typeof ROUTE_EVENT]) => this.show(e.detail.notice);
  private readonly onClick = (e: MouseEvent) => {
    const path = routableHref(e);
    if (path === null) return;
    e.preventDefault();
    if (path !== location.pathname + location.search + location.hash) navigate(path);
  };

  private show(notice: Notice | null): void {
    const before = this.route;
    this.route = currentRoute();
    this.notice = notice;
    // Between the charter's sections the section links stay put: focus stays on the one clicked.
    const sameCharter = before.name === 'workshop' && this.route.name === 'workshop' && before.id === this.route.id && before.tab === 'charter' && this.route.tab === 'charter';
    this.moveFocus = !sameCharter;
    if (!sameCharter) window.scrollTo(0, 0);
  }

  protected override async updated(changed: PropertyValues<this>): Promise<void> {
    this.classList.toggle('fill', this.fill());
    // Pages set the title themselves; this one has no element of its own.
    if (this.route.name === 'not-found') document.title = `${msg('Page not found', { id: 'app_not_found_title' })} – Samskap`;
    if (!changed.has('route') || !this.moveFocus) return;
    this.moveFocus = false;
    await this.pageLoaded;
    await this.updateComplete;
    const page = this.renderRoot.querySelector('main > :last-child');
    if (page instanceof LitElement) {
      await page.updateComplete;
      await (page as LitElement & { pageReady?: Promise<unknown> }).pageReady;
      await page.updateComplete;
    }
    const heading = page?.shadowRoot?.querySelector('h1');
    (heading ?? this.renderRoot.querySelector('main'))?.focus();
  }

  private onLocaleChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    if (isAppLocale(value)) void setAppLocale(value);
  }

  /** The board fills the window below the header: the page itself never scrolls there (wide screens). */
  private fill(): boolean {
    return this.route.name === 'workshop' && this.route.tab === 'board';
  }

  /** The board, the vision editor and the charter use the whole window width; forms stay narrow. */
  private wide(): boolean {
    return this.route.name === 'workshop' && (this.route.tab === 'board' || this.route.tab === 'vision' || this.route.tab === 'charter');
  }

  override render() {
    const active = appLocale();
    return html`
      <header>
        <div class="bar ${this.wide() ? 'wide' : ''}">
          <a class="brand" href="/">
            <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28"><rect width="32" height="32" rx="7" fill="currentColor" /><circle cx="12" cy="13" r="5" fill="#fff" opacity=".9" /><circle cx="20" cy="13" r="5" fill="#fff" opacity=".6" /><circle cx="16" cy="20" r="5" fill="#fff" opacity=".75" /></svg>
            <span>Samskap</span>
          </a>
          <div class="language">
            <label for="language">${msg('Language', { id: 'app_language' })}</label>
            <select id="language" @change=${this.onLocaleChange}>
              ${LOCALES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === active}>${LOCALE_NAMES[l]}</option>`)}
            </select>
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1" class=${this.wide() ? 'wide' : ''}>${this.renderNotice()}${this.renderPage()}</main>
      <footer class=${this.wide() ? 'wide' : ''}>
        ${msg('Samskap is free software (AGPL-3.0-or-later).', { id: 'app_footer_free' })}
        <a href=${this.about?.sourceUrl ?? '/source'} ?download=${(this.about?.sourceUrl ?? '/source') === '/source'}>${msg('Source code', { id: 'app_footer_source' })}</a>${this.about
          ? html` · ${msg(str`Version ${this.about.version}`, { id: 'app_footer_version' })}`
          : nothing}
      </footer>
    `;
  }

  private renderNotice() {
    if (this.notice === 'signed-out') return html`<p class="notice" role="status">${msg('You are signed out of the workshop on this device. Your other devices stay signed in.', { id: 'app_notice_signed_out' })}</p>`;
    if (this.notice !== 'workshop-deleted') return null;
    return html`<p class="notice" role="status">${msg('The workshop and everything in it has been deleted.', { id: 'app_notice_deleted' })}</p>`;
  }

  private renderPage() {
    const route = this.route;
    if (this.pageFailed) {
      return html`<section class="card">
        <h1 tabindex="-1">Samskap</h1>
        <p role="alert">${msg('This page could not be loaded. Check your connection and reload the page.', { id: 'app_page_load_failed' })}</p>
      </section>`;
    }
    switch (route.name) {
      case 'start':
        return html`<sk-start-page></sk-start-page>`;
      case 'join':
        return html`<sk-join-page .token=${route.token}></sk-join-page>`;
      case 'reenter':
        return html`<sk-reenter-page></sk-reenter-page>`;
      case 'workshop':
        return html`<sk-workshop-page .workshopId=${route.id} .tab=${route.tab} .section=${route.section ?? 'actors'} .boardId=${route.boardId ?? null}></sk-workshop-page>`;
      case 'not-found':
        return html`<section class="card">
          <h1 tabindex="-1">${msg('Page not found', { id: 'app_not_found_title' })}</h1>
          <p>${msg('There is nothing at this address.', { id: 'app_not_found_text' })}</p>
          <p><a href="/">${msg('Go to the start page', { id: 'app_go_home' })}</a></p>
        </section>`;
    }
  }
}
