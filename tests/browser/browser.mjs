// Launches Debian's headless Chromium through playwright-core and opens pages of
// the built site, recording what a test needs to check: console errors, page
// errors, every request and every failed or error response.
//
// Never run `npx playwright install`: this machine cannot download browsers.
// CHROMIUM_PATH overrides the browser (default /usr/bin/chromium).

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { isDeepStrictEqual } from 'node:util';
import { REPO_ROOT, startServer } from './server.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const OUTPUT_DIR = join(REPO_ROOT, 'tests', 'browser', 'output');

/** How long to wait for the app to mount, in ms. */
export const READY_TIMEOUT = Number(process.env.READY_TIMEOUT_MS || 20_000);
/** ... once a page of the same session has already failed to mount. */
const FAILED_READY_TIMEOUT = Math.min(READY_TIMEOUT, 3_000);

// Playwright itself adds --headless (headless: true), --no-sandbox
// (chromiumSandbox defaults to false) and a fresh temporary --user-data-dir
// for every launch (it refuses a --user-data-dir in args). The rest keep
// Chromium from reaching for the network, which is closed here.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/**
 * Start the static server and the browser. Returns
 * { server, browser, openPage(pathAndQuery, options), close() }.
 */
export async function startSession() {
  const server = await startServer();
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    throw error;
  }
  const opened = new Set();
  let mountFailed = false;

  /**
   * Open `pathAndQuery` (e.g. "/?view=sources" or "/some/sub/path/") on the
   * test server in a fresh browser context.
   *
   * options: viewport {width, height} (default 1280x800), locale (default
   * "en-US"), colorScheme ("light" | "dark", default "light"), ready (default
   * true: wait until the app has mounted), initScripts (functions run before
   * the page's own scripts), storage (default true; false makes storage throw),
   * whole (default true: once mounted, also bring in every story section still
   * waiting for its wasm chunk, as a reader's first scroll does; false leaves the
   * page as it first loads).
   */
  async function openPage(pathAndQuery = '/', options = {}) {
    const {
      viewport = { width: 1280, height: 800 },
      locale = 'en-US',
      colorScheme = 'light',
      ready = true,
      initScripts = [],
      storage = true,
      whole = true,
      bypassCSP = false,
    } = options;
    // bypassCSP: only for tools injected by a test (axe-core); never to make the app pass.
    const context = await browser.newContext({ viewport, locale, colorScheme, serviceWorkers: 'block', bypassCSP });
    context.setDefaultTimeout(READY_TIMEOUT);
    // Count history.pushState / replaceState calls, so a test can tell a
    // rewritten address from a new history entry.
    await context.addInitScript(() => {
      const calls = { push: 0, replace: 0 };
      Object.defineProperty(window, '__historyCalls', { value: calls });
      for (const [name, key] of [
        ['pushState', 'push'],
        ['replaceState', 'replace'],
      ]) {
        const original = History.prototype[name];
        History.prototype[name] = function (...args) {
          calls[key] += 1;
          return original.apply(this, args);
        };
      }
    });
    // Record CSP violations from the first script on.
    await context.addInitScript(() => {
      const violations = [];
      Object.defineProperty(window, '__cspViolations', { value: violations });
      document.addEventListener('securitypolicyviolation', (event) => {
        violations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    if (!storage) {
      // As in a sandboxed iframe without allow-same-origin: touching storage throws.
      await context.addInitScript(() => {
        for (const name of ['localStorage', 'sessionStorage']) {
          Object.defineProperty(window, name, {
            get() {
              throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
            },
          });
        }
      });
    }
    for (const script of initScripts) await context.addInitScript(script);
    const page = await context.newPage();
    const record = {
      page,
      context,
      url: new URL(pathAndQuery, server.url).href,
      consoleErrors: [],
      pageErrors: [],
      requests: [],
      failedRequests: [],
      badResponses: [],
    };
    page.on('console', (msg) => {
      if (msg.type() === 'error') record.consoleErrors.push(`${msg.text()} @ ${JSON.stringify(msg.location())}`);
    });
    page.on('pageerror', (error) => record.pageErrors.push(String(error?.stack || error)));
    context.on('request', (request) => record.requests.push(request.url()));
    context.on('requestfailed', (request) =>
      record.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`),
    );
    context.on('response', (response) => {
      if (response.status() >= 400) record.badResponses.push(`${response.status()} ${response.url()}`);
    });
    /** CSP violations the page reported ("directive blocked-uri"). */
    record.cspViolations = () => page.evaluate(() => [...window.__cspViolations]);
    /** { push, replace }: how often the page called history.pushState / replaceState. */
    record.historyCalls = () => page.evaluate(() => ({ ...window.__historyCalls }));
    record.close = async () => {
      opened.delete(record);
      await context.close().catch(() => {});
    };
    /** Save a screenshot to tests/browser/output/NAME.png (for a person to look at). */
    record.shot = async (name) => {
      await mkdir(OUTPUT_DIR, { recursive: true });
      const path = join(OUTPUT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    };
    opened.add(record);
    await page.goto(record.url, { waitUntil: 'load' });
    if (ready) {
      // After one page of this session failed to mount, don't wait long for the next.
      try {
        await waitForApp(page, record, mountFailed ? FAILED_READY_TIMEOUT : READY_TIMEOUT);
        if (whole) await bringInEverySection(page);
      } catch (error) {
        mountFailed = true;
        await record.shot(`NOT_MOUNTED_${pathAndQuery.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)}`).catch(() => {});
        await record.close();
        throw error;
      }
    }
    return record;
  }

  async function close() {
    for (const record of [...opened]) await record.close();
    await browser.close().catch(() => {});
    await server.close();
  }

  return { server, browser, openPage, close };
}

/**
 * The app writes the address bar a moment after a change: ADDRESS_BAR_DELAY in
 * src/app/browser.rs (100 ms, from a task after the change's frame), then in an idle
 * callback within ADDRESS_BAR_IDLE_WAIT (100 ms more). A timer the page sets later, for
 * longer (by more than a frame and that task, even on a busy machine), fires after the
 * app's; an idle callback requested after that runs after the app's: so this reads what
 * the address bar settles on.
 */
export const ADDRESS_BAR_DELAY_MS = 100;
export const ADDRESS_BAR_IDLE_WAIT_MS = 100;
export async function settledLocation(page) {
  return page.evaluate(
    ({ delay, idle }) =>
      new Promise((ok) => {
        const read = () => ok({ search: location.search, href: location.href, hash: location.hash });
        setTimeout(() => (window.requestIdleCallback ? requestIdleCallback(read, { timeout: idle + 30 }) : setTimeout(read, idle + 30)), delay + 80);
      }),
    { delay: ADDRESS_BAR_DELAY_MS, idle: ADDRESS_BAR_IDLE_WAIT_MS },
  );
}
export async function settledSearch(page) {
  return (await settledLocation(page)).search;
}

/**
 * Wait until the app has mounted: <html data-ready="1"> and <main id="story">.
 * Gives up early when the page throws (a Rust panic ends the wasm), and says
 * what the page logged when it gives up.
 */
export async function waitForApp(page, record = null, timeout = READY_TIMEOUT) {
  let onError;
  const crashed = new Promise((_, reject) => {
    onError = (error) => reject(new Error(`page error before the app mounted: ${error?.message || error}`));
    page.on('pageerror', onError);
  });
  try {
    await Promise.race([
      page.waitForSelector('html[data-ready="1"] main#story', { state: 'attached', timeout }),
      crashed,
    ]);
  } catch (error) {
    const logged = record ? [...record.pageErrors, ...record.consoleErrors].slice(0, 10) : [];
    const body = await page
      .evaluate(() => document.body?.innerText.slice(0, 300) ?? '')
      .catch(() => '(unreadable)');
    throw new Error(
      `the app did not mount on ${page.url()}: ${error.message.split('\n')[0]}\n` +
        `  page text: ${JSON.stringify(body)}\n  logged: ${JSON.stringify(logged, null, 2)}`,
    );
  } finally {
    page.off('pageerror', onError);
    crashed.catch(() => {});
  }
}

/** The placeholder of a story section whose wasm chunk has not come in (src/app/chunks.rs). */
export const PENDING_SECTION = 'section.chunk-pending';

/**
 * Brings in every story section still waiting for its chunk, as the reader's first scroll
 * does (a scroll event, without moving), and waits until all are rendered.
 */
export async function bringInEverySection(page, timeout = READY_TIMEOUT) {
  const pending = await page.evaluate((selector) => {
    const waiting = document.querySelector(selector) !== null;
    if (waiting) dispatchEvent(new Event('scroll'));
    return waiting;
  }, PENDING_SECTION);
  if (!pending) return;
  await page.waitForFunction(
    (selector) => document.documentElement.dataset.ready === '1' && document.querySelector(selector) === null,
    PENDING_SECTION,
    { timeout },
  );
  // Two frames more, as a reader's eye takes: observers of the new sections (which is on
  // screen, src/app/section_lang.rs) first report in the frame after they start.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * Scroll `locator` into view and wait until it stays put for `frames` frames in a row.
 * A jump lands among parts that were skipped (content-visibility: auto) at an estimated
 * height; they take their real heights over the next few frames, and a click in the
 * middle of that can press on one element and release on another (Playwright's own
 * check waits for two still frames, which a loaded machine can give mid-way).
 */
export async function scrollIntoViewAndSettle(locator, frames = 5, timeout = 2000) {
  await locator.scrollIntoViewIfNeeded();
  await locator.evaluate(
    (el, { frames, timeout }) =>
      new Promise((done) => {
        const start = performance.now();
        let last = '';
        let still = 0;
        const look = () => {
          const r = el.getBoundingClientRect();
          const now = `${r.x},${r.y},${r.width},${r.height}`;
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= frames || performance.now() - start > timeout) done();
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
    { frames, timeout },
  );
}

/**
 * Polls `read()` until its value deep-equals `want` and returns the last value read, for
 * the caller's assertion (after `timeout` ms at the latest): for what a page shows a frame
 * after an input (the breach diagram follows its controls a frame behind).
 */
export async function eventually(read, want, timeout = 2000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (isDeepStrictEqual(value, want) || Date.now() > deadline) return value;
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

/**
 * Fixture for a test file: starts one server and one browser before its tests
 * and closes them after. Fields are filled in by the time tests run.
 */
export function useSession() {
  const session = {};
  before(async () => {
    Object.assign(session, await startSession());
  });
  after(async () => {
    await session.close?.();
  });
  return session;
}

/** Fixture: no console error and no uncaught page error happened on this page. */
export function assertNoConsoleErrors(record) {
  assert.deepEqual(record.consoleErrors, [], `console errors on ${record.url}`);
  assert.deepEqual(record.pageErrors, [], `uncaught page errors on ${record.url}`);
}

/** Fixture: every request went to the test server's own origin and none failed. */
export function assertSameOriginOnly(record, origin) {
  const foreign = record.requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    try {
      return new URL(url).origin !== origin;
    } catch {
      return true;
    }
  });
  assert.deepEqual(foreign, [], `requests that left ${origin}`);
}

/**
 * Run `fn(record)` and, if it throws, save a screenshot named after the test
 * before re-throwing, so a failure can be looked at.
 */
export async function withShotOnFailure(record, name, fn) {
  try {
    return await fn(record);
  } catch (error) {
    const safe = name.replace(/[^a-z0-9]+/gi, '_').slice(0, 80);
    await record.shot(`FAILED_${safe}`).catch(() => {});
    throw error;
  }
}
