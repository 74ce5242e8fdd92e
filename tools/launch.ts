// Used by the end-to-end tests, the demo and the page benchmark.
// Drives the built extension in real Chromium: a fresh profile with the extension loaded, a local
// static server for the seed article, the saved real pages and test fixtures, and every request to
// anything but that server aborted (the pages reference remote scripts and ads).
import { createServer, type Server } from "node:http";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve, normalize, sep } from "node:path";
import { chromium, type BrowserContext, type Page, type Worker } from "playwright-core";
import { findChromium, CHROMIUM_MISSING } from "./chromium";
import { sharedPath } from "./lib/shared-dir";

export const ROOT = resolve(import.meta.dirname, "..");
export const EXTENSION_DIR = join(ROOT, ".output/chrome-mv3");
const SHARED_PAGES = sharedPath("corpora/pages");

const ROUTES: { prefix: string; dir: string }[] = [
  { prefix: "/pages/", dir: SHARED_PAGES },
  { prefix: "/fixtures/", dir: join(ROOT, "tests/e2e/fixtures") },
  { prefix: "/", dir: join(ROOT, "demo") },
];

/** Serves files read-only from the route folders on 127.0.0.1, bytes as they are. */
export async function startStaticServer(): Promise<{
  baseUrl: string;
  close: () => Promise<void>;
}> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    // Browsers ask for it on their own; a 404 would be a console error on every page.
    if (path === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    const route = ROUTES.find((r) => path.startsWith(r.prefix));
    const file = route ? normalize(join(route.dir, path.slice(route.prefix.length))) : null;
    if (!route || !file || !file.startsWith(route.dir + sep)) {
      response.writeHead(404).end("not found");
      return;
    }
    try {
      const body = await readFile(file);
      // No charset: pages declare their own (one real page is windows-1256).
      const type = file.endsWith(".html")
        ? "text/html"
        : file.endsWith(".json")
          ? "application/json"
          : "text/plain";
      response.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server did not bind");
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The extension API in an extension context: `browser` in Firefox (its `chrome` takes callbacks), `chrome` in Chromium. */
interface InExtensionApi {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    };
  };
}

/**
 * Run inside the extension (passed to an evaluate, so self-contained): the tab id showing `url`,
 * the newest such tab when several do (tab ids grow in both browsers).
 */
export async function tabIdInExtension(url: string): Promise<number | null> {
  const api =
    (globalThis as unknown as { browser?: InExtensionApi }).browser ??
    (globalThis as unknown as { chrome: InExtensionApi }).chrome;
  const ids = (await api.tabs.query({}))
    .filter((tab) => tab.url === url && tab.id !== undefined)
    .map((tab) => tab.id!);
  return ids.length > 0 ? Math.max(...ids) : null;
}

/** Run inside the extension: sets the per-site rule the way the popup's switch does, in storage. */
export async function siteRuleInExtension({
  host,
  enabled,
}: {
  host: string;
  enabled: boolean;
}): Promise<void> {
  const api =
    (globalThis as unknown as { browser?: InExtensionApi }).browser ??
    (globalThis as unknown as { chrome: InExtensionApi }).chrome;
  const key = "siyaq.settings";
  const stored = ((await api.storage.local.get(key))[key] ?? {}) as {
    sites?: { host: string; enabled: boolean }[];
  };
  const sites = (stored.sites ?? []).filter((rule) => rule.host !== host);
  sites.push({ host, enabled });
  await api.storage.local.set({ [key]: { ...stored, sites } });
}

/** Chromium switches for a quiet, reproducible test browser (no GPU, no background traffic). */
export const CHROMIUM_QUIET_ARGS = [
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  baseUrl: string;
  userDataDir: string;
  /** Opens the popup page in a tab, describing the tab showing `forTabUrl` (or the first page). */
  openPopup(forTabUrl?: string): Promise<Page>;
  /** The browser's tab id of the page showing `url`. */
  tabIdOf(url: string): Promise<number>;
  /** Sets the per-site rule the way the popup's switch does: in the extension's storage. */
  setSiteEnabled(host: string, enabled: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (e.g. to test what survives a restart); a fresh one otherwise. */
  userDataDir?: string;
  /** Keep the profile folder on close. */
  keepProfile?: boolean;
  /** Show the window (needs a display); headless by default. */
  headed?: boolean;
  /** The browser's UI language (`--lang`, `LANGUAGE`, the context locale); Arabic by default. */
  locale?: string;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const server = await startStaticServer();
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), "siyaq-e2e-")));
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    // SIYAQ_E2E_HEADED=1 shows the window for every test (needs a display; see README › Contributing).
    headless: !(options.headed ?? process.env.SIYAQ_E2E_HEADED === "1"),
    viewport: { width: 1100, height: 900 },
    locale: options.locale ?? "ar",
    // Chromium on Linux takes its UI language from LANGUAGE/--lang; `locale` alone sets navigator.language.
    env: { ...process.env, LANGUAGE: (options.locale ?? "ar").replace("-", "_") },
    args: [
      `--lang=${options.locale ?? "ar"}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(isRoot ? ["--no-sandbox"] : []),
      ...CHROMIUM_QUIET_ARGS,
    ],
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (
      url.startsWith(server.baseUrl) ||
      url.startsWith("chrome-extension://") ||
      url.startsWith("data:")
    ) {
      return route.continue();
    }
    return route.abort();
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const extensionId = new URL(serviceWorker.url()).host;

  const tabIdOf = async (url: string) => {
    const id = await serviceWorker.evaluate(tabIdInExtension, url);
    if (id === null) throw new Error(`no tab shows ${url}`);
    return id;
  };

  return {
    context,
    extensionId,
    serviceWorker,
    baseUrl: server.baseUrl,
    userDataDir,
    tabIdOf,
    async setSiteEnabled(host, enabled) {
      await serviceWorker.evaluate(siteRuleInExtension, { host, enabled });
    },
    async openPopup(forTabUrl) {
      const target =
        forTabUrl ??
        context
          .pages()
          .find((p) => p.url().startsWith("http"))
          ?.url();
      const query = target ? `?tab=${await tabIdOf(target)}` : "";
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return popup;
    },
    async close() {
      await context.close();
      await server.close();
      if (!options.keepProfile && !options.userDataDir)
        await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
