// The end-to-end tests' one way into a browser, the same for Chromium and Firefox (also the page bench's).
//
// Every scenario is written once and runs in both browsers:
//
//   describe.each(BROWSERS)("popup in %s", (browser) => {
//     let ext: LaunchedExtension;
//     beforeAll(async () => { ext = await launchExtension(browser); });
//     afterAll(() => ext?.close());
//     it("…", async () => { const page = await ext.newPage(); await page.goto(`${ext.baseUrl}/seed-article.html`); … });
//   });
//
// Driver: puppeteer-core for both browsers — Chromium over the DevTools protocol, Firefox ESR over
// WebDriver BiDi (Playwright's Firefox needs its own patched build, which these machines cannot
// get). One driver means one page API and one set of quirks to smooth over here, not two.
//
// `LaunchedExtension` (one browser with the built extension installed, fresh profile):
//   browser, baseUrl (the local test server: /seed-article.html, /pages/…, /fixtures/…),
//   extensionOrigin ("chrome-extension://<id>" | "moz-extension://<uuid>"),
//   newPage(), openPopup(forTabUrl?) (popup.html in a tab, describing that tab),
//   openExtensionPage("library.html" | "options.html" | …), tabIdOf(url),
//   sendToTab(tabId, message) (what the background sends for a command or the context menu),
//   setSiteEnabled(host, on), inExtension(fn, arg) (runs fn in an extension page, where
//   `browser`/`chrome` APIs exist), manifest(), backgroundUrl(), downloads(trigger), close().
//
// `TestPage` (a tab), close to Playwright's Page where tests already used it:
//   goto(url, {waitUntil}), reload(), url(), evaluate(fn, arg), addInitScript(fn),
//   mouse.move(x, y, {steps}) / mouse.click(x, y), keyboard.type(text) / keyboard.press("Alt+Shift+N"),
//   click(sel), hover(sel), fill(sel, value), check(sel), press(sel, key), setInputFile(sel, file),
//   waitFor(sel), count(sel), text(sel), texts(sel), attr(sel, name), attrs(sel, name), isChecked(sel),
//   inShadow(hostSel, fn, arg) (reads inside our closed shadow roots, as the browser's own tools can),
//   screenshot(), bringToFront(), onConsole(cb), onPageError(cb), close(); `raw` is the puppeteer Page.
//   serve({ url: html }) answers this tab's requests for those addresses itself (pages on origins of
//   their own, e.g. http://hostile.example/); do it before goto.
//
// Every request that is not to the local server or the extension fails at once: both browsers go
// through a proxy address nothing listens on, which loopback bypasses.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, {
  type Browser,
  type ElementHandle,
  type KeyInput,
  type Page,
} from "puppeteer-core";
import {
  CHROMIUM_QUIET_ARGS,
  ROOT,
  siteRuleInExtension,
  startStaticServer,
  tabIdInExtension,
} from "../launch";
import { browserMissing, findBrowser, selectedBrowsers, type BrowserName } from "../browsers";

export { ROOT, startStaticServer } from "../launch";
export type { BrowserName } from "../browsers";

/** The browsers this run covers (see `SIYAQ_E2E_BROWSERS`). */
export const BROWSERS: BrowserName[] = selectedBrowsers();

export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: join(ROOT, ".output/chrome-mv3"),
  firefox: join(ROOT, ".output/firefox-mv2"),
};

/** Firefox gives each install a random UUID; a fixed one makes extension pages addressable. */
export const FIREFOX_EXTENSION_UUID = "5e1f7a3c-0b6d-4c2e-9a8f-51a9c0de0001";
const GECKO_ID = "siyaq@siyaq.example";
/** Nothing listens here: a request sent through this proxy fails at once. */
const DEAD_PROXY = "127.0.0.1:9";

export interface ConsoleEntry {
  type: string;
  text: string;
  url: string;
}

export interface TestPage {
  readonly raw: Page;
  readonly browser: BrowserName;
  goto(url: string, options?: { waitUntil?: "load" | "domcontentloaded" }): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  addInitScript(fn: () => void): Promise<void>;
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  keyboard: { type(text: string): Promise<void>; press(combo: string): Promise<void> };
  click(selector: string, options?: { timeout?: number }): Promise<void>;
  hover(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  check(selector: string): Promise<void>;
  press(selector: string, combo: string): Promise<void>;
  setInputFile(selector: string, file: { name: string; buffer: Buffer }): Promise<void>;
  waitFor(selector: string, options?: { timeout?: number }): Promise<void>;
  count(selector: string): Promise<number>;
  text(selector: string): Promise<string | null>;
  texts(selector: string): Promise<string[]>;
  attr(selector: string, name: string): Promise<string | null>;
  attrs(selector: string, name: string): Promise<(string | null)[]>;
  isChecked(selector: string): Promise<boolean>;
  /** Runs `fn` on the closed shadow root of the first `hostSelector` (null when there is none). */
  inShadow<A, R>(
    hostSelector: string,
    fn: (root: ShadowRoot, arg: A) => R,
    arg: A,
  ): Promise<R | null>;
  screenshot(): Promise<Buffer>;
  /** Makes this the active tab (a background tab may not run animation frames). */
  bringToFront(): Promise<void>;
  onConsole(listener: (entry: ConsoleEntry) => void): void;
  onPageError(listener: (error: { message: string; stack: string }) => void): void;
  /** Answers this tab's requests for exactly these addresses with these HTML documents; others go on as usual. */
  serve(pages: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchedExtension {
  readonly browser: BrowserName;
  /** The puppeteer Browser (the page bench reaches the service worker and heap through it). */
  readonly raw: Browser;
  readonly baseUrl: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  readonly extensionOrigin: string;
  readonly extensionId: string;
  newPage(): Promise<TestPage>;
  /** Opens the popup page in a tab, describing the tab showing `forTabUrl` (or the first web page). */
  openPopup(forTabUrl?: string): Promise<TestPage>;
  /** Opens one of the extension's pages (`library.html`, `options.html`, …) in a tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** The browser's tab id of the page showing `url`. */
  tabIdOf(url: string): Promise<number>;
  /** Sends `message` to the tab's content script, as the background does for a command or menu click. */
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
  /** Sets the per-site rule the way the popup's switch does: in the extension's storage. */
  setSiteEnabled(host: string, enabled: boolean): Promise<void>;
  /** Runs `fn` in an extension page, where the `browser` (Firefox) or `chrome` APIs are at hand. */
  inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  manifest(): Promise<{ manifest_version: number; name: string } & Record<string, unknown>>;
  /** The background's address: the service worker (Chromium) or the event page (Firefox). */
  backgroundUrl(): Promise<string>;
  /** Runs `trigger` (e.g. a click on an export button) and returns the file it downloaded. */
  download(trigger: () => Promise<unknown>): Promise<{ name: string; text: string }>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Show the window (needs a display); headless by default. */
  headed?: boolean;
  /**
   * The browser's UI language (what `i18n.getUILanguage()` answers), "ar" by default: `--lang` and
   * LANGUAGE for Chromium, `intl.locale.requested` for Firefox (en-US is built in; other languages
   * need their langpack, e.g. Debian's firefox-esr-l10n-ar).
   */
  locale?: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Launches `name` with the built extension installed, a fresh profile and the local test server. */
export async function launchExtension(
  name: BrowserName,
  options: LaunchOptions = {},
): Promise<LaunchedExtension> {
  const executablePath = findBrowser(name);
  if (!executablePath) throw new Error(browserMissing(name));
  const server = await startStaticServer();
  const scratch = await mkdtemp(join(tmpdir(), `siyaq-e2e-${name}-`));
  const downloadDir = join(scratch, "downloads");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const locale = options.locale ?? "ar";
  let browser: Browser;
  if (name === "chromium") {
    browser = await puppeteer.launch({
      executablePath,
      headless: !options.headed,
      pipe: true,
      enableExtensions: true,
      userDataDir: join(scratch, "profile"),
      defaultViewport: { width: 1100, height: 900 },
      // The UI language (i18n.getUILanguage) on Linux comes from the environment; --lang elsewhere.
      env: {
        ...process.env,
        LANGUAGE: locale.replace("-", "_"),
        ...(locale === "ar" ? { LANG: "ar_EG.UTF-8" } : {}),
      },
      args: [
        ...(isRoot ? ["--no-sandbox"] : []),
        `--lang=${locale}`,
        ...CHROMIUM_QUIET_ARGS,
        `--proxy-server=${DEAD_PROXY}`,
      ],
    });
    const session = await browser.target().createCDPSession();
    await session.send("Browser.setDownloadBehavior", {
      behavior: "allow",
      downloadPath: downloadDir,
    });
  } else {
    browser = await puppeteer.launch({
      browser: "firefox",
      protocol: "webDriverBiDi",
      executablePath,
      headless: !options.headed,
      userDataDir: join(scratch, "profile"),
      defaultViewport: { width: 1100, height: 900 },
      extraPrefsFirefox: {
        "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        // The UI language (i18n.getUILanguage): Debian's firefox-esr-l10n-ar langpack, which
        // .ci/run installs with Firefox.
        "intl.locale.requested": locale,
        "intl.accept_languages": locale,
        "network.proxy.type": 1,
        "network.proxy.http": DEAD_PROXY.split(":")[0],
        "network.proxy.http_port": Number(DEAD_PROXY.split(":")[1]),
        "network.proxy.ssl": DEAD_PROXY.split(":")[0],
        "network.proxy.ssl_port": Number(DEAD_PROXY.split(":")[1]),
        "network.proxy.no_proxies_on": "127.0.0.1,localhost",
        "browser.download.folderList": 2,
        "browser.download.dir": downloadDir,
        "browser.download.useDownloadDir": true,
        "browser.download.start_downloads_in_tmp_dir": false,
        "browser.download.always_ask_before_handling_new_types": false,
        "browser.download.alwaysOpenPanel": false,
      },
    });
  }
  let extensionId: string;
  try {
    extensionId = await browser.installExtension(EXTENSION_DIRS[name]);
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
  const extensionOrigin =
    name === "chromium"
      ? `chrome-extension://${extensionId}`
      : `moz-extension://${FIREFOX_EXTENSION_UUID}`;

  const wrap = (page: Page) => wrapPage(page, name, extensionOrigin, scratch);
  const newPage = async () => wrap(await browser.newPage());
  const openExtensionPage = async (path: string) => {
    const page = await newPage();
    await page.goto(`${extensionOrigin}/${path}`);
    return page;
  };

  // One extension page kept open for API calls (tabs, storage): the same in both browsers, where a
  // Chromium service worker and a Firefox event page would each need their own way in.
  // Opened now, before any test page: a tab opened later would come up over the page under test,
  // which then has no focus for typed keys (and, in Firefox, may go unreported while it loads).
  let control: Promise<TestPage> | undefined = openExtensionPage("popup.html?tab=-1");
  try {
    await control;
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
  const inExtension = async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    control ??= openExtensionPage("popup.html?tab=-1");
    return (await control).evaluate(fn, arg);
  };

  const tabIdOf = async (url: string) => {
    const id = await inExtension(tabIdInExtension, url);
    if (id === null) throw new Error(`no tab shows ${url}`);
    return id;
  };

  return {
    browser: name,
    raw: browser,
    baseUrl: server.baseUrl,
    extensionOrigin,
    extensionId,
    newPage,
    openExtensionPage,
    inExtension,
    tabIdOf,
    async openPopup(forTabUrl) {
      let target = forTabUrl;
      if (!target) {
        for (const page of await browser.pages()) {
          if (page.url().startsWith("http")) {
            target = page.url();
            break;
          }
        }
      }
      const query = target ? `?tab=${await tabIdOf(target)}` : "";
      return openExtensionPage(`popup.html${query}`);
    },
    sendToTab(tabId, message) {
      return inExtension(
        ({ tabId, message }) => {
          const api =
            (globalThis as unknown as { browser?: ExtensionApi }).browser ??
            (globalThis as unknown as { chrome: ExtensionApi }).chrome;
          return api.tabs.sendMessage(tabId, message);
        },
        { tabId, message },
      );
    },
    async setSiteEnabled(host, enabled) {
      await inExtension(siteRuleInExtension, { host, enabled });
    },
    manifest() {
      return inExtension(() => {
        const api =
          (globalThis as unknown as { browser?: ExtensionApi }).browser ??
          (globalThis as unknown as { chrome: ExtensionApi }).chrome;
        return api.runtime.getManifest();
      }, undefined);
    },
    async backgroundUrl() {
      if (name === "chromium") {
        const worker = await browser.waitForTarget(
          (t) => t.type() === "service_worker" && t.url().startsWith(extensionOrigin),
          { timeout: 10_000 },
        );
        return worker.url();
      }
      return inExtension(async () => {
        const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
        const background = await api.runtime.getBackgroundPage();
        return background.location.href;
      }, undefined);
    },
    async download(trigger) {
      const before = new Set(await readdir(downloadDir).catch(() => [] as string[]));
      await trigger();
      for (let waited = 0; waited < 15_000; waited += 200) {
        const files = (await readdir(downloadDir).catch(() => [] as string[])).filter(
          (file) => !before.has(file) && !file.endsWith(".part") && !file.endsWith(".crdownload"),
        );
        if (files.length > 0) {
          const text = await readFile(join(downloadDir, files[0]!), "utf8");
          if (text.length > 0) return { name: files[0]!, text };
        }
        await sleep(200);
      }
      throw new Error(`no download arrived in ${downloadDir}`);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

interface ExtensionApi {
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    };
  };
  runtime: {
    getManifest(): { manifest_version: number; name: string } & Record<string, unknown>;
    getBackgroundPage(): Promise<Window>;
  };
}

/** Splits "Control+Shift+Enter" into the modifiers held and the key pressed. */
export function parseKeyCombo(combo: string): { modifiers: KeyInput[]; key: KeyInput } {
  const parts = combo === "+" ? ["+"] : combo.split("+");
  const named = parts.pop()!;
  // Playwright's and the CDP keyboard's "Space"; WebDriver BiDi knows only the character.
  const key = named === "Space" ? " " : named;
  const single =
    key.length === 1 && /[a-z]/i.test(key)
      ? combo.includes("Shift")
        ? key.toUpperCase()
        : key.toLowerCase()
      : key;
  return { modifiers: parts as KeyInput[], key: single as KeyInput };
}

function wrapPage(
  page: Page,
  browser: BrowserName,
  extensionOrigin: string,
  scratch: string,
): TestPage {
  const isExtensionPage = async () =>
    (await page.evaluate(() => location.href).catch(() => page.url())).startsWith(extensionOrigin);

  /**
   * Firefox over BiDi never reports a navigation into a moz-extension:// page as finished
   * (puppeteer's goto times out although the page loads): start it, then wait for the new
   * document ourselves.
   */
  const navigateAndWait = async (start: () => Promise<unknown>) => {
    await page
      .evaluate(() => ((window as unknown as { __siyaqOld?: boolean }).__siyaqOld = true))
      .catch(() => undefined);
    void start().catch(() => undefined);
    for (let waited = 0; waited < 20_000; waited += 100) {
      await sleep(100);
      const ready = await page
        .evaluate(
          () =>
            !(window as unknown as { __siyaqOld?: boolean }).__siyaqOld &&
            document.readyState === "complete",
        )
        .catch(() => false);
      if (ready) return;
    }
    throw new Error("the extension page did not load");
  };

  const press = async (combo: string) => {
    const { modifiers, key } = parseKeyCombo(combo);
    for (const modifier of modifiers) await page.keyboard.down(modifier);
    await page.keyboard.press(key);
    for (const modifier of [...modifiers].reverse()) await page.keyboard.up(modifier);
  };

  const element = async (selector: string, timeout = 15_000): Promise<ElementHandle<Element>> => {
    const handle = await page.waitForSelector(selector, { timeout });
    if (!handle) throw new Error(`no element matches ${selector}`);
    return handle as ElementHandle<Element>;
  };

  let cdp: Promise<import("puppeteer-core").CDPSession> | undefined;

  const wrapped: TestPage = {
    raw: page,
    browser,
    async goto(url, options = {}) {
      if (browser === "firefox" && url.startsWith("moz-extension://")) {
        await navigateAndWait(() => page.goto(url, { timeout: 60_000 }));
        return;
      }
      try {
        await page.goto(url, {
          waitUntil: options.waitUntil === "domcontentloaded" ? "domcontentloaded" : "load",
        });
      } catch (error) {
        // Firefox fails the navigation when something in the page (a frame, a script sending it
        // elsewhere) is refused by the blocked network, although the document we asked for loads:
        // wait for that document instead.
        const wanted =
          options.waitUntil === "domcontentloaded" ? ["interactive", "complete"] : ["complete"];
        for (let waited = 0; waited < 30_000; waited += 200) {
          const here = await page
            .evaluate(() => [location.href, document.readyState])
            .catch(() => null);
          if (!here || here[0] !== url) throw error;
          if (wanted.includes(here[1]!)) return;
          await sleep(200);
        }
        throw error;
      }
    },
    async reload() {
      if (browser === "firefox" && (await isExtensionPage())) {
        await navigateAndWait(() => page.evaluate(() => location.reload()));
        return;
      }
      await page.reload();
    },
    url: () => page.evaluate(() => location.href),
    evaluate: ((fn: (arg: unknown) => unknown, arg?: unknown) =>
      page.evaluate(fn as (arg: unknown) => unknown, arg)) as TestPage["evaluate"],
    async addInitScript(fn) {
      await page.evaluateOnNewDocument(fn);
    },
    mouse: {
      move: (x, y, options) => page.mouse.move(x, y, options),
      click: (x, y) => page.mouse.click(x, y),
    },
    keyboard: {
      type: (text) => page.keyboard.type(text),
      press,
    },
    async click(selector, options) {
      const handle = await element(selector, options?.timeout);
      await handle.click();
    },
    async hover(selector) {
      await (await element(selector)).hover();
    },
    async fill(selector, value) {
      const handle = await element(selector);
      await handle.evaluate((input, value) => {
        const field = input as HTMLInputElement;
        field.focus();
        field.value = value;
        field.dispatchEvent(new Event("input", { bubbles: true }));
        field.dispatchEvent(new Event("change", { bubbles: true }));
      }, value);
    },
    async check(selector) {
      const handle = await element(selector);
      if (!(await handle.evaluate((input) => (input as HTMLInputElement).checked)))
        await handle.click();
    },
    async press(selector, combo) {
      await (await element(selector)).focus();
      await press(combo);
    },
    async setInputFile(selector, file) {
      const dir = await mkdtemp(join(scratch, "upload-"));
      const path = join(dir, file.name);
      await writeFile(path, file.buffer);
      const handle = (await element(selector)) as ElementHandle<HTMLInputElement>;
      await handle.uploadFile(path);
    },
    async waitFor(selector, options) {
      await element(selector, options?.timeout);
    },
    count: (selector) => page.evaluate((s) => document.querySelectorAll(s).length, selector),
    text: (selector) =>
      page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
    texts: (selector) =>
      page.evaluate(
        (s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ""),
        selector,
      ),
    attr: (selector, name) =>
      page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name),
    attrs: (selector, name) =>
      page.evaluate(
        (s, n) => [...document.querySelectorAll(s)].map((e) => e.getAttribute(n)),
        selector,
        name,
      ),
    isChecked: (selector) =>
      page.evaluate(
        (s) => Boolean((document.querySelector(s) as HTMLInputElement | null)?.checked),
        selector,
      ),
    async inShadow<A, R>(
      hostSelector: string,
      fn: (root: ShadowRoot, arg: A) => R,
      arg: A,
    ): Promise<R | null> {
      const host = await page.$(hostSelector);
      if (!host) return null;
      try {
        if (browser === "firefox") {
          // WebDriver BiDi serialises a node with its shadow root, closed ones included.
          type Remote = { value?: { shadowRoot?: unknown } };
          const remote = (host as unknown as { remoteValue(): Remote }).remoteValue();
          const root = remote.value?.shadowRoot;
          if (!root) return null;
          const HandleClass = host.constructor as unknown as {
            from(value: unknown, realm: unknown): ElementHandle<Node>;
          };
          const rootHandle = HandleClass.from(root, (host as unknown as { realm: unknown }).realm);
          return (await rootHandle.evaluate(
            fn as unknown as (root: Node, arg: unknown) => unknown,
            arg as unknown,
          )) as R;
        }
        // The DevTools protocol's DOM domain sees closed shadow roots. Object ids belong to the
        // session that made them: the host is looked up again in our own session.
        cdp ??= page.createCDPSession();
        const session = await cdp;
        const found = await session.send("Runtime.evaluate", {
          expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
        });
        const objectId = found.result.objectId;
        if (!objectId) return null;
        const { node } = await session.send("DOM.describeNode", {
          objectId,
          depth: 1,
          pierce: true,
        });
        const backendNodeId = node.shadowRoots?.[0]?.backendNodeId;
        if (backendNodeId === undefined) return null;
        const { object } = await session.send("DOM.resolveNode", { backendNodeId });
        const result = await session.send("Runtime.callFunctionOn", {
          objectId: object.objectId,
          functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
          arguments: [{ value: arg }],
          returnByValue: true,
          awaitPromise: true,
        });
        if (result.exceptionDetails)
          throw new Error(
            result.exceptionDetails.exception?.description ?? result.exceptionDetails.text,
          );
        return result.result.value as R;
      } finally {
        await host.dispose();
      }
    },
    bringToFront: () => page.bringToFront(),
    async screenshot() {
      // A tab in the background may never paint a frame to capture.
      await page.bringToFront();
      return Buffer.from(await page.screenshot());
    },
    onConsole(listener) {
      page.on("console", (message) => {
        const type = message.type() === "warn" ? "warning" : message.type();
        listener({ type, text: message.text(), url: message.location().url ?? "" });
      });
    },
    onPageError(listener) {
      page.on("pageerror", (error) =>
        listener({
          message: (error as Error).message ?? String(error),
          stack: String((error as Error).stack ?? ""),
        }),
      );
    },
    async serve(pages) {
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        if (request.isInterceptResolutionHandled()) return;
        const html = pages[request.url()];
        const answer =
          html === undefined
            ? request.continue()
            : request.respond({ status: 200, contentType: "text/html; charset=utf-8", body: html });
        void answer.catch(() => undefined);
      });
    },
    close: () => page.close(),
  };
  return wrapped;
}

/** Waits until `check` returns a truthy value (returned), polling; for setup steps outside `expect.poll`. */
export async function waitUntil<T>(
  check: () => Promise<T>,
  { timeout = 15_000, interval = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error("waitUntil: timed out");
    await sleep(interval);
  }
}
