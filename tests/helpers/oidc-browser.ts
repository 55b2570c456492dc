/**
 * A "browser" for sign-in tests: a cookie jar per host name (as browsers share cookies across
 * ports), redirects followed by hand so each hop can be looked at, and the oidc-provider
 * development interactions (login form, consent form) answered like a person would.
 */
export class OidcBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).hostname)?.get(name);
  }

  setCookie(url: string, name: string, value: string): void {
    const host = new URL(url).hostname;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    this.jar.get(host)!.set(name, value);
  }

  /** One request, no redirect followed; Set-Cookie is stored (Max-Age=0 deletes). */
  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const host = new URL(url).hostname;
    const cookies = [...(this.jar.get(host) ?? new Map<string, string>()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(cookies ? { cookie: cookies } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...init.headers },
      body: init.form ? new URLSearchParams(init.form).toString() : init.body,
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      if (/max-age=0/i.test(line)) this.jar.get(host)?.delete(name);
      else this.setCookie(url, name, pair.slice(eq + 1).trim());
    }
    return res;
  }

  /**
   * From Samskap's `/auth/oidc/start…` through the provider's login (as `login`) and consent, up
   * to the redirect back to Samskap's callback: returns that callback URL without opening it.
   * `tamper` may change the authorization request on its way to the provider.
   */
  async throughProvider(startUrl: string, login: string, opts: { tamper?: (authUrl: URL) => URL; abort?: boolean } = {}): Promise<string> {
    const start = await this.request(startUrl);
    if (start.status !== 302) throw new Error(`start answered ${start.status}`);
    let url = new URL(start.headers.get('location')!);
    if (opts.tamper) url = opts.tamper(url);
    const origin = new URL(startUrl).origin;
    for (let hop = 0; hop < 20; hop++) {
      if (url.origin === origin) return url.href;
      const res = await this.request(url.href);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url);
        continue;
      }
      const page = await res.text();
      if (res.status !== 200 || !url.pathname.startsWith('/interaction/')) throw new Error(`provider answered ${res.status} at ${url.pathname}: ${page.slice(0, 300)}`);
      if (opts.abort) {
        url = new URL(`${url.pathname}/abort`, url);
        continue;
      }
      const form: Record<string, string> = page.includes('name="login"') ? { prompt: 'login', login, password: 'any' } : { prompt: 'consent' };
      const sent = await this.request(url.href, { method: 'POST', form });
      url = new URL(sent.headers.get('location')!, url);
    }
    throw new Error('too many redirects');
  }
}
