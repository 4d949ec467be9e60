// The address bar is part of the interface: ?view, ?lang, ?theme, ?embed,
// ?present (and pym.js's keys) are read, checked, and written back in one
// canonical form with history.replaceState.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoConsoleErrors, useSession, withShotOnFailure } from './browser.mjs';
import { SECTION_ORDER, StoryPage, VIEWS } from './page.mjs';

const session = useSession();

const CANONICAL_KEYS = ['view', 'lang', 'theme', 'embed', 'present'];
const PYM_KEYS = ['childId', 'initialWidth', 'parentTitle', 'parentUrl'];

/**
 * Open `query`, then check the address bar now shows `expected` (a query
 * string, '' for none): canonical keys in the contract's order, pym.js keys
 * kept with their values (in any order after them), nothing else; and the
 * rewrite replaced the history entry instead of pushing one.
 */
async function expectCanonical(query, expected) {
  const dialogs = [];
  const opened = await session.openPage(`/${query}`);
  opened.page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  try {
    await withShotOnFailure(opened, `canonical ${query}`, async () => {
      const story = new StoryPage(opened.page);
      const search = await story.search();
      const href = await story.href();
      const got = new URLSearchParams(search);
      const want = new URLSearchParams(expected);
      const canonical = (params) => [...params].filter(([k]) => CANONICAL_KEYS.includes(k));
      const pym = (params) => Object.fromEntries([...params].filter(([k]) => PYM_KEYS.includes(k)));
      const others = [...got].filter(([k]) => !CANONICAL_KEYS.includes(k) && !PYM_KEYS.includes(k));
      assert.deepEqual(canonical(got), canonical(want), `${query} → canonical keys of ${expected || '(none)'}`);
      assert.deepEqual(pym(got), pym(want), `${query} keeps pym.js keys`);
      assert.deepEqual(others, [], `${query} drops unknown keys`);
      const keys = [...got.keys()];
      const lastCanonical = Math.max(-1, ...keys.map((k, i) => (CANONICAL_KEYS.includes(k) ? i : -1)));
      const firstPym = keys.findIndex((k) => PYM_KEYS.includes(k));
      if (firstPym >= 0) assert.ok(firstPym > lastCanonical, `${query}: pym.js keys follow the canonical keys`);
      if (expected === '') {
        assert.equal(search, '', `${query} leaves no query at all`);
        assert.ok(!href.includes('?'), `${query}: address bar ${href} has no "?"`);
      }
      const calls = await opened.historyCalls();
      assert.equal(calls.push, 0, `${query}: no new history entry (pushState) was made`);
      if (search !== query) assert.ok(calls.replace > 0, `${query}: the address was rewritten with replaceState`);
      assert.deepEqual(dialogs, [], `${query}: no script ran from the query`);
      assertNoConsoleErrors(opened);
    });
    return opened;
  } catch (error) {
    await opened.close();
    throw error;
  }
}

test('hostile query values fall back and the address bar is rewritten to the canonical form', async () => {
  const cases = [
    ['?view=bogus&lang=xx&theme=auto&foo=<script>', ''],
    ['?view=bogus&lang=xx&theme=auto&foo=%3Cscript%3Ealert(1)%3C%2Fscript%3E', ''],
    ['?theme=auto', ''],
    ['?lang=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', ''],
    ['?view=__proto__&lang=constructor&theme=toString', ''],
    ['?view=&lang=&theme=&embed=&present=', ''],
    ['?embed=0&present=yes', ''],
    ['?view=hook', ''],
    ['?view=sources%00&lang=ja%20', ''],
    ['?foo=1&view=sources&bar=2', '?view=sources'],
    ['?present=1&embed=1&theme=dark&lang=ja&view=breach', '?view=breach&lang=ja&theme=dark&embed=1&present=1'],
    ['?theme=light&view=numbers&utm_source=x', '?view=numbers&theme=light'],
    [
      '?parentUrl=https%3A%2F%2Fexample.org%2Fstory&childId=line-explainer&initialWidth=640&parentTitle=News&x=1&lang=ko',
      '?lang=ko&childId=line-explainer&initialWidth=640&parentTitle=News&parentUrl=https%3A%2F%2Fexample.org%2Fstory',
    ],
  ];
  const failures = [];
  for (const [query, expected] of cases) {
    try {
      const opened = await expectCanonical(query, expected);
      // An invalid view falls back to the whole story.
      if (!new URLSearchParams(expected).has('view')) {
        const story = new StoryPage(opened.page);
        assert.equal(await story.view(), 'story', `${query}: falls back to the whole story`);
        assert.deepEqual(await story.sectionIds(), SECTION_ORDER, `${query}: shows every section`);
      }
      await opened.close();
    } catch (error) {
      failures.push(`${query}\n    ${String(error.message).split('\n').join('\n    ')}`);
    }
  }
  assert.deepEqual(failures, [], `failing queries:\n${failures.join('\n')}`);
});

test('view=ownership shows only that section', async (t) => {
  const opened = await session.openPage('/?view=ownership');
  await withShotOnFailure(opened, t.name, async () => {
    const story = new StoryPage(opened.page);
    assert.equal(await story.view(), 'ownership');
    assert.deepEqual(await story.sectionIds(), ['ownership']);
    assert.equal(await story.search(), '?view=ownership');
  });
  await opened.close();
});

test('every view shows only its own section', async () => {
  for (const view of VIEWS) {
    const opened = await session.openPage(`/?view=${view}`);
    await withShotOnFailure(opened, `view ${view}`, async () => {
      const story = new StoryPage(opened.page);
      assert.equal(await story.view(), view, `data-view for ?view=${view}`);
      const sections = await story.sections();
      assert.deepEqual(
        sections.map((s) => s.id),
        [view],
        `?view=${view} renders only #${view}`,
      );
      assert.ok(sections[0].heading, `#${view} has a heading`);
      assert.equal(await story.search(), `?view=${view}`, `?view=${view} is already canonical`);
    });
    await opened.close();
  }
});

test('lang=ja sets html lang', async (t) => {
  for (const lang of ['ja', 'ko', 'en']) {
    const opened = await session.openPage(`/?lang=${lang}`);
    await withShotOnFailure(opened, `${t.name} ${lang}`, async () => {
      const story = new StoryPage(opened.page);
      assert.equal((await story.documentState()).lang, lang, `?lang=${lang}`);
      assert.equal(await story.search(), `?lang=${lang}`);
      if (lang === 'ja') await opened.shot('story_page_ja');
    });
    await opened.close();
  }
});

test('without lang the browser preference decides, and unsupported ones fall back to English', async () => {
  for (const [locale, lang] of [
    ['ja-JP', 'ja'],
    ['ko-KR', 'ko'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
  ]) {
    const opened = await session.openPage('/', { locale });
    await withShotOnFailure(opened, `locale ${locale}`, async () => {
      const story = new StoryPage(opened.page);
      assert.equal((await story.documentState()).lang, lang, `browser locale ${locale}`);
      assert.equal(await story.search(), '', 'the preference is not written into the address');
    });
    await opened.close();
  }
});

test('theme=dark sets data-theme', async (t) => {
  const cases = [
    ['/?theme=dark', 'light', 'dark'],
    ['/?theme=light', 'dark', 'light'],
    ['/', 'dark', 'dark'],
    ['/', 'light', 'light'],
    ['/?theme=auto', 'dark', 'dark'],
  ];
  for (const [path, colorScheme, theme] of cases) {
    const opened = await session.openPage(path, { colorScheme });
    await withShotOnFailure(opened, `${t.name} ${path} ${colorScheme}`, async () => {
      const story = new StoryPage(opened.page);
      assert.equal(
        (await story.documentState()).theme,
        theme,
        `${path} with the system in ${colorScheme} mode resolves to ${theme}`,
      );
      if (path === '/?theme=dark') await opened.shot('story_page_dark');
    });
    await opened.close();
  }
});

test('a drag rewrites the address bar at most ten times a second, and ends on its last value', async (t) => {
  const opened = await session.openPage('/?view=ownership');
  t.after(() => opened.close());
  await withShotOnFailure(opened, t.name, async () => {
    const { page } = opened;
    const slider = page.locator('section#ownership input#own-stake');
    await slider.waitFor();
    const before = (await opened.historyCalls()).replace;
    // 120 input events a frame apart: two seconds of dragging.
    const last = await page.evaluate(async () => {
      const el = document.querySelector('section#ownership input#own-stake');
      let value = 50;
      for (let i = 0; i < 120; i += 1) {
        value = 30 + (i % 40);
        el.value = String(value);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((ok) => requestAnimationFrame(ok));
        await new Promise((ok) => setTimeout(ok, 0));
      }
      return value;
    });
    const search = await new StoryPage(page).search();
    const writes = (await opened.historyCalls()).replace - before;
    assert.equal(new URLSearchParams(search).get('stake'), String(last), 'the address bar ends on the last value');
    assert.ok(writes >= 2, `the address bar followed the drag while it lasted (${writes} rewrites)`);
    assert.ok(writes <= 24, `${writes} rewrites in about two seconds: at most one per 100 ms`);
    assertNoConsoleErrors(opened);
  });
});
