// The static shell (scripts/prerender.mjs): the top of the story and of each view is in
// index.html, in the reader's language, before any wasm runs; the app replaces it with the
// same elements in the same place, so the page's largest paint stays the shell's; a URL
// that asks for more than a page (an embed, a slide, a selection) never shows it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSession, withShotOnFailure } from './browser.mjs';

const session = useSession();
const PHONE = { width: 412, height: 823 };

/** Opens `path` with the wasm request refused: what a reader sees before the app runs. */
async function openWithoutWasm(path, options = {}) {
  const opened = await session.openPage('/?view=glossary', { viewport: PHONE, ...options });
  await opened.page.route(/\.wasm$/, (route) => route.abort());
  await opened.page.goto(new URL(path, opened.page.url()).href, { waitUntil: 'load' });
  // Two frames more, as a reader's eye takes: Chromium's first layout after the load can
  // size a line a few pixels taller for one frame (seen on the timeline's first item: 188
  // then 183.6 px, with no layout-shift entry), and the shell is measured as it settles.
  await opened.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return opened;
}

const headline = (page) =>
  page.evaluate(() => {
    const h1 = document.querySelector('h1');
    const box = h1?.getBoundingClientRect();
    return {
      text: h1?.textContent ?? null,
      top: box?.top,
      height: box?.height,
      lang: document.documentElement.lang,
      theme: document.documentElement.dataset.theme,
      shells: document.querySelectorAll('[data-shell]').length,
      visible: Boolean(h1?.checkVisibility()),
    };
  });

for (const lang of ['en', 'ja', 'ko']) {
  test(`${lang}: the headline is in the page before the wasm, where the app puts it`, async (t) => {
    const before = await openWithoutWasm(`/?lang=${lang}`);
    let shell;
    await withShotOnFailure(before, `${t.name} before`, async ({ page }) => {
      shell = await headline(page);
      assert.equal(shell.shells, 1, 'one language block');
      assert.equal(shell.lang, lang);
      assert.ok(shell.visible && shell.text, 'a visible headline');
    });
    await before.close();

    const after = await session.openPage(`/?lang=${lang}`, { viewport: PHONE });
    await withShotOnFailure(after, `${t.name} after`, async ({ page }) => {
      const app = await headline(page);
      assert.equal(app.shells, 0, 'the app removed the shell');
      assert.equal(await page.locator('main').count(), 1, 'one <main>');
      assert.equal(app.text, shell.text, 'the same headline');
      assert.equal(app.top, shell.top, 'in the same place');
      assert.equal(app.height, shell.height, 'at the same size');
    });
    await after.close();
  });
}

test('the browser\'s language picks the shell when the URL does not', async (t) => {
  const opened = await openWithoutWasm('/', { locale: 'ko-KR' });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const shell = await headline(page);
    assert.equal(shell.lang, 'ko');
    assert.equal(shell.shells, 1);
  });
  await opened.close();
});

/** A view's top: its section heading and introduction, where they are. */
const sectionTop = (page, key) =>
  page.evaluate((key) => {
    const heading = document.querySelector(`section#${key} h2`);
    const intro = document.querySelector(`section#${key} > p.intro`);
    // Where a list fills the first screen, its first item is the page's largest paint.
    const item = document.querySelector(`section#${key} > :is(ol.timeline, ol.sources, dl.glossary) > :first-child`);
    return {
      item: item ? [item.textContent, item.getBoundingClientRect().top, item.getBoundingClientRect().height] : null,
      heading: heading?.textContent ?? null,
      headingTop: heading?.getBoundingClientRect().top,
      intro: intro?.textContent ?? null,
      introTop: intro?.getBoundingClientRect().top,
      introHeight: intro?.getBoundingClientRect().height,
      lang: document.documentElement.lang,
      shells: document.querySelectorAll('[data-shell]').length,
      visible: Boolean(intro?.checkVisibility()),
    };
  }, key);

for (const [key, lang] of [['ownership', 'en'], ['breach', 'ja'], ['guidance', 'ko'], ['timeline', 'en'], ['numbers', 'en'], ['sources', 'ja'], ['glossary', 'en']]) {
  test(`${key} (${lang}): the view's heading and introduction are in the page before the wasm, where the app puts them`, async (t) => {
    const path = `/?view=${key}&lang=${lang}`;
    const before = await openWithoutWasm(path);
    let shell;
    await withShotOnFailure(before, `${t.name} before`, async ({ page }) => {
      shell = await sectionTop(page, key);
      assert.equal(shell.shells, 1, 'one block');
      assert.equal(shell.lang, lang);
      assert.ok(shell.visible && shell.heading && shell.intro, 'a visible heading and introduction');
      assert.equal(await page.locator('#hook').count(), 0, "not the story's top");
      if (['timeline', 'sources', 'glossary'].includes(key)) assert.ok(shell.item, "the list's first item");
    });
    await before.close();

    const after = await session.openPage(path, { viewport: PHONE });
    await withShotOnFailure(after, `${t.name} after`, async ({ page }) => {
      const app = await sectionTop(page, key);
      assert.equal(app.shells, 0, 'the app removed the shell');
      assert.equal(await page.locator('main').count(), 1, 'one <main>');
      assert.deepEqual(
        [app.heading, app.headingTop, app.intro, app.introTop, app.introHeight],
        [shell.heading, shell.headingTop, shell.intro, shell.introTop, shell.introHeight],
        'the same heading and introduction, in the same place, at the same size',
      );
      if (shell.item) assert.deepEqual(app.item, shell.item, "the list's first item, the same, in the same place");
    });
    await after.close();
  });
}

test('an embed, a slide or a selection never shows a shell', async (t) => {
  for (const path of ['/?view=breach&embed=1', '/?embed=1', '/?present=1&slide=2', '/?lang=ja&select=naver', '/?view=ownership&select=naver']) {
    const opened = await openWithoutWasm(path);
    await withShotOnFailure(opened, `${t.name} ${path}`, async ({ page }) => {
      const shell = await headline(page);
      assert.equal(shell.shells, 0, `${path}: no shell`);
      assert.equal(shell.text, null, `${path}: no headline`);
      assert.equal(await page.locator('p.intro').count(), 0, `${path}: no section`);
    });
    await opened.close();
  }
});

test('an unknown view is the story, as the URL parser has it', async (t) => {
  const opened = await openWithoutWasm('/?view=nonsense');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const shell = await headline(page);
    assert.equal(shell.shells, 1);
    assert.ok(shell.visible && shell.text, "the story's headline");
  });
  await opened.close();
});

test('a dark theme is set before the wasm, so the page never flashes white', async (t) => {
  for (const [path, scheme, theme] of [
    ['/?theme=dark', 'light', 'dark'],
    ['/', 'dark', 'dark'],
    ['/?theme=light', 'dark', 'light'],
    ['/?view=numbers', 'dark', 'dark'],
  ]) {
    const opened = await openWithoutWasm(path, { colorScheme: scheme });
    await withShotOnFailure(opened, `${t.name} ${path}`, async ({ page }) => {
      assert.equal((await headline(page)).theme, theme, `${path} with a ${scheme} system`);
    });
    await opened.close();
  }
});

for (const path of ['/', '/?view=ownership', '/?view=glossary']) {
test(`${path}: the largest paint is the shell's, not a later copy by the app`, async (t) => {
  const opened = await session.openPage(path, { viewport: PHONE });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const entries = await page.evaluate(
      () =>
        new Promise((ok) => {
          // A removed element's entry keeps its time but no longer names the element.
          new PerformanceObserver((list) => ok(list.getEntries().map((e) => ({ time: e.startTime, app: Boolean(e.element?.closest('main#story')) }))))
            .observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
    assert.ok(entries.length >= 1, 'a largest paint');
    assert.ok(!entries.at(-1).app, `the last candidate is the shell's, not the app's (${JSON.stringify(entries)})`);
  });
  await opened.close();
});
}

for (const path of ['/', '/?view=ownership', '/?lang=ko&view=timeline']) {
  test(`${path}: the app builds its first screen behind the shell, then takes its place in one task`, async (t) => {
    // From the first script on, every frame notes which headings are visible, the shell's
    // (its <main> is inside a block) or the app's (its <main> is <body>'s own); each batch
    // of changes to <body> (one per task at most) notes what it did.
    const watch = () => {
      const seen = { frames: [], batches: [] };
      window.__shellSwap = seen;
      const visible = (selector) => Boolean(document.querySelector(selector)?.checkVisibility());
      const frame = () => {
        seen.frames.push({ shell: visible('[data-shell] h1, [data-shell] h2'), app: visible('body > main#story h1, body > main#story h2') });
        if (seen.frames.length < 600) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      addEventListener('DOMContentLoaded', () => {
        new MutationObserver((records) => {
          const nodes = (key) => records.flatMap((r) => [...r[key]]).filter((n) => n.nodeType === 1);
          seen.batches.push({
            appAdded: nodes('addedNodes').some((n) => n.matches('main#story')),
            shellRemoved: nodes('removedNodes').some((n) => n.matches('[data-shell]')),
            appBuilt: Boolean(document.querySelector('body > main#story h1, body > main#story h2')),
            building: document.body.hasAttribute('data-app-building'),
          });
        }).observe(document.body, { childList: true });
      });
    };
    const opened = await session.openPage(path, { viewport: PHONE, initScripts: [watch] });
    await withShotOnFailure(opened, t.name, async ({ page }) => {
      const seen = await page.evaluate(() => window.__shellSwap);
      const added = seen.batches.findIndex((b) => b.appAdded);
      const swapped = seen.batches.findIndex((b) => b.shellRemoved);
      assert.ok(added >= 0 && swapped >= 0, `the app came and the shell went (${JSON.stringify(seen.batches)})`);
      assert.ok(added < swapped, 'the shell went in a later task than the app came');
      assert.ok(seen.batches[added].building, 'the app came hidden behind the shell');
      assert.ok(seen.batches[swapped].appBuilt && !seen.batches[swapped].building, 'the shell went with the app built and shown');
      const shown = seen.frames.filter((f) => f.shell || f.app);
      const first = seen.frames.indexOf(shown[0]);
      assert.ok(shown.length > 0, 'a heading was visible');
      assert.deepEqual(seen.frames.slice(first).filter((f) => f.shell === f.app), [], 'from the first paint on, no frame shows both or neither');
    });
    await opened.close();
  });
}
