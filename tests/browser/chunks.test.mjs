// Code splitting (src/app/chunks.rs, tools/wasm-split): a phone's first load of the story
// fetches the main wasm module only; each section arrives as a chunk of its own when it is
// on screen or the reader shows intent to read on; a view's chunk is in before its first
// frame; a chunk that cannot be fetched costs its section, not the page.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PENDING_SECTION, bringInEverySection, useSession, waitForApp, withShotOnFailure } from './browser.mjs';

const session = useSession();
const PHONE = { width: 412, height: 823 };
const SECTIONS = ['ownership', 'breach', 'guidance', 'timeline', 'numbers', 'sources', 'glossary'];

/** The wasm files a page fetched, by file name. */
function wasmFetched(opened) {
  return opened.requests.filter((url) => url.endsWith('.wasm')).map((url) => new URL(url).pathname.split('/').pop());
}

test("the story's first load on a phone fetches the main module and no section's chunk", async (t) => {
  const opened = await session.openPage('/', { viewport: PHONE, whole: false });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    await page.waitForLoadState('networkidle');
    const wasm = wasmFetched(opened);
    assert.deepEqual(
      wasm.filter((name) => !name.endsWith('_bg.wasm')),
      [],
      `section chunks fetched before any scroll: ${wasm.join(', ')}`,
    );
    assert.equal(wasm.length, 1, 'the main module once');
    // Each section still to come holds its place with its heading and introduction.
    const placeholders = await page.$$eval(PENDING_SECTION, (sections) =>
      sections.map((s) => ({ id: s.id, busy: s.getAttribute('aria-busy'), heading: s.querySelector('h2')?.textContent ?? '' })),
    );
    assert.deepEqual(
      placeholders.map((p) => p.id),
      SECTIONS,
    );
    for (const p of placeholders) {
      assert.equal(p.busy, 'true', p.id);
      assert.ok(p.heading.length > 3, `${p.id} has its heading`);
    }
    assert.deepEqual(opened.consoleErrors, []);
  });
  await opened.close();
});

test('a first scroll brings in every section, each rendered once, and the page is ready again', async (t) => {
  const opened = await session.openPage('/', { viewport: PHONE, whole: false });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    await page.mouse.wheel(0, 200);
    await page.waitForFunction(
      (selector) => document.documentElement.dataset.ready === '1' && !document.querySelector(selector),
      PENDING_SECTION,
    );
    const ids = await page.$$eval('main#story > section', (sections) => sections.map((s) => s.id));
    assert.deepEqual(ids, ['hook', ...SECTIONS]);
    const chunks = wasmFetched(opened).filter((name) => !name.endsWith('_bg.wasm'));
    assert.ok(chunks.length >= SECTIONS.length, `chunks fetched: ${chunks.length}`);
    assert.equal(new Set(chunks).size, chunks.length, 'no chunk fetched twice');
    assert.deepEqual(opened.consoleErrors, []);
    assert.deepEqual(opened.pageErrors, []);
  });
  await opened.close();
});

test('once every section is in, no placeholder is still watched for the screen', async (t) => {
  // Counts the page's IntersectionObservers that are still connected (each costs a check at
  // every frame): a placeholder's watch ends when its section is in.
  const countObservers = () => {
    const Native = window.IntersectionObserver;
    const live = new Set();
    window.__liveObservers = live;
    window.IntersectionObserver = class extends Native {
      observe(target) {
        live.add(this);
        super.observe(target);
      }
      disconnect() {
        live.delete(this);
        super.disconnect();
      }
    };
  };
  const opened = await session.openPage('/', { viewport: PHONE, whole: false, initScripts: [countObservers] });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const before = await page.evaluate(() => window.__liveObservers.size);
    await page.mouse.wheel(0, 200);
    await page.waitForFunction(
      (selector) => document.documentElement.dataset.ready === '1' && !document.querySelector(selector),
      PENDING_SECTION,
    );
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => window.__liveObservers.size);
    assert.ok(before >= SECTIONS.length, `each placeholder was watched (${before} observers)`);
    // What stays: each section's nearness (its language) and the ownership details' top.
    assert.ok(after <= SECTIONS.length + 1, `${after} observers still connected once every section is in`);
  });
  await opened.close();
});

test('a section on screen comes in without a scroll, and is not rendered again when the others arrive', async (t) => {
  const opened = await session.openPage('/', { viewport: { width: 1280, height: 2400 }, whole: false });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    await page.waitForFunction(() => {
      const ownership = document.querySelector('section#ownership');
      return document.documentElement.dataset.ready === '1' && ownership && !ownership.classList.contains('chunk-pending');
    });
    assert.ok(await page.$(`${PENDING_SECTION}#glossary`), 'the glossary, far below, is still to come');
    // A marker on the rendered section survives the arrival of every other one.
    await page.$eval('section#ownership', (s) => s.setAttribute('data-test-marker', '1'));
    await bringInEverySection(page);
    assert.equal(await page.$eval('section#ownership', (s) => s.getAttribute('data-test-marker')), '1');
  });
  await opened.close();
});

test("a view's chunk is in before the app's first frame: its section, never its placeholder", async (t) => {
  // Watches from the first script on whether a placeholder is ever attached.
  const watchPlaceholders = () => {
    window.__placeholderSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('section.chunk-pending')) window.__placeholderSeen = true;
    }).observe(document, { childList: true, subtree: true });
  };
  const opened = await session.openPage('/?view=breach', { viewport: PHONE, whole: false, initScripts: [watchPlaceholders] });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    assert.equal(await page.evaluate(() => window.__placeholderSeen), false);
    assert.ok(await page.$('section#breach .section-head h2'));
    const chunks = wasmFetched(opened).filter((name) => !name.endsWith('_bg.wasm'));
    assert.ok(chunks.some((name) => name.startsWith('breach-')), `chunks: ${chunks.join(', ')}`);
    assert.ok(!chunks.some((name) => /^(ownership|guidance|glossary)-/.test(name)), `other views' chunks: ${chunks.join(', ')}`);
  });
  await opened.close();
});

test('the loader and the chunks are served with the page: same origin, hashed names, wasm type', async (t) => {
  const opened = await session.openPage('/?view=ownership', { viewport: PHONE });
  await withShotOnFailure(opened, t.name, async () => {
    const origin = new URL(opened.url).origin;
    const fetched = opened.requests.filter((url) => url.endsWith('.wasm') || url.includes('__wasm_split'));
    assert.ok(fetched.some((url) => url.endsWith('/__wasm_split.js')), 'the chunk loader');
    for (const url of fetched) assert.equal(new URL(url).origin, origin, url);
    // Trunk writes the main module's 64-bit hash without leading zeros (one build in 16 has
    // 15 digits); the splitter pads the chunks' to 16. The same rule as postbuild.mjs's.
    for (const url of fetched.filter((u) => u.endsWith('.wasm'))) {
      assert.match(new URL(url).pathname, /-[0-9a-f]{12,16}(_bg)?\.wasm$/, url);
    }
    assert.deepEqual(opened.badResponses, []);
  });
  await opened.close();
});

test('every section still renders after the reader scrolls through (helper used by the other tests)', async (t) => {
  const opened = await session.openPage('/', { viewport: PHONE, whole: false });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    await bringInEverySection(page);
    for (const id of SECTIONS) {
      assert.ok(await page.$(`section#${id}.story-section:not(.chunk-pending) .section-head h2`), id);
    }
  });
  await opened.close();
});

test('a chunk that cannot be fetched leaves its section with a retry, and the retry brings it in', async (t) => {
  const opened = await session.openPage('/?view=sources', { viewport: PHONE });
  await withShotOnFailure(opened, t.name, async ({ page, context }) => {
    let offline = true;
    await context.route(/\/(breach|chunk)-[0-9a-f]{16}\.wasm$/, (route) =>
      offline ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(new URL('/?view=breach', opened.url).href);
    await waitForApp(page, opened);
    const retry = page.locator(`${PENDING_SECTION}#breach button.chunk-retry`);
    await retry.waitFor();
    assert.equal(await page.$eval(`${PENDING_SECTION}#breach`, (s) => s.getAttribute('aria-busy')), 'false');
    assert.ok(await page.$('section#breach .section-head h2'), 'the heading stays');
    // Once every fetch of the failed attempt has ended, as by the time a reader reacts (a
    // retry while one is still failing joins it, and fails with it).
    await page.waitForLoadState('networkidle');
    offline = false;
    await retry.click();
    await page.waitForSelector('section#breach:not(.chunk-pending) .section-head h2');
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
    assert.deepEqual(opened.pageErrors, [], 'no panic: the app lives on');
  });
  await opened.close();
});
