// Japanese and Korean: every view, presenter and embed, in each language, shows no
// untranslated English, sets <html lang>, writes numbers and dates natively, fits 360 px,
// and switching language keeps every other part of the state.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settledSearch, useSession, withShotOnFailure } from './browser.mjs';
import { I18N } from './page.mjs';

const session = useSession();

const VIEWS = ['story', 'ownership', 'breach', 'guidance', 'timeline', 'numbers', 'sources', 'glossary'];
const PAGES = [
  ...VIEWS.map((view) => (view === 'story' ? '/?' : `/?view=${view}&`)),
  '/?present=1&slide=1&',
  '/?view=breach&embed=1&',
  // The what-if's badges and verdicts only show with controls on.
  '/?view=breach&step=6&controls=two-factor,soc-japan,network-separation&',
];

/** Visible text outside English-marked quotes and code, with English words of 3+ letters. */
function untranslatedWords(page, allow) {
  return page.evaluate((allowed) => {
    const allowSet = new Set(allowed.map((w) => w.toLowerCase()));
    const found = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('[lang="en"], code, textarea, script, style, [hidden], .print-only')) continue;
      if (!el.checkVisibility?.() && !el.closest('.visually-hidden')) continue;
      for (const word of node.textContent.match(/[A-Za-z][A-Za-z’'&-]{2,}/g) || []) {
        if (!allowSet.has(word.toLowerCase())) found.add(word);
      }
    }
    for (const el of document.querySelectorAll('[aria-label]')) {
      if (el.closest('[lang="en"]')) continue;
      for (const word of el.getAttribute('aria-label').match(/[A-Za-z][A-Za-z’'&-]{2,}/g) || []) {
        if (!allowSet.has(word.toLowerCase())) found.add(word);
      }
    }
    return [...found];
  }, allow);
}

for (const lang of ['ja', 'ko']) {
  for (const path of PAGES) {
    test(`${lang}: ${path} sets lang and fits 360 px`, async (t) => {
      const opened = await session.openPage(`${path}lang=${lang}`, { viewport: { width: 360, height: 740 } });
      await withShotOnFailure(opened, t.name, async ({ page }) => {
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 360, `no horizontal overflow (${width} px)`);
      });
      await opened.close();
    });

    // Report titles and quotes stay in English, marked lang="en"; everything else is translated.
    test(`${lang}: ${path} has no untranslated string`, async () => {
      const opened = await session.openPage(`${path}lang=${lang}`, { viewport: { width: 360, height: 740 } });
      try {
        const words = await untranslatedWords(opened.page, I18N.latinAllowed);
        assert.deepEqual(words, [], `untranslated words on ${path}lang=${lang}`);
      } finally {
        await opened.close();
      }
    });
  }
}

for (const lang of ['ja', 'ko']) {
  test(`${lang}: every presenter slide has no untranslated string`, async (t) => {
    const opened = await session.openPage(`/?present=1&slide=1&lang=${lang}`);
    await withShotOnFailure(opened, t.name, async ({ page }) => {
      const count = Number((await page.locator('.slide-count').innerText()).split('/')[1]);
      assert.ok(count > 5, `a deck of ${count} slides`);
      for (let slide = 1; slide <= count; slide += 1) {
        await page.waitForFunction((n) => new URL(location.href).searchParams.get('slide') === String(n) || n === 1, slide);
        const words = await untranslatedWords(page, I18N.latinAllowed);
        assert.deepEqual(words, [], `untranslated words on slide ${slide}`);
        await page.keyboard.press('PageDown');
      }
    });
    await opened.close();
  });
}

test('the story writes numbers and dates in each language\'s own form', async (t) => {
  for (const [lang, number, date] of [
    ['ja', '万件', '2024年3月5日'],
    ['ko', '만 건', '2024년 3월 5일'],
  ]) {
    const opened = await session.openPage(`/?lang=${lang}`);
    await withShotOnFailure(opened, `${t.name} ${lang}`, async ({ page }) => {
      const text = await page.evaluate(() => document.body.innerText);
      assert.ok(text.includes(number), `${lang}: a native count (${number})`);
      assert.ok(text.includes(date), `${lang}: a native date (${date})`);
    });
  }
});

test('switching language keeps every other part of the state', async (t) => {
  const cases = [
    '/?view=breach&step=4&controls=two-factor,soc-japan',
    '/?view=ownership&stake=60&select=a-holdings-owns-ly',
    '/?view=guidance&req=a-1-plans',
    '/?present=1&slide=3',
  ];
  for (const path of cases) {
    const opened = await session.openPage(path);
    await withShotOnFailure(opened, `${t.name} ${path}`, async ({ page }) => {
      const before = new URL(page.url()).searchParams;
      await page.locator(`${I18N.option('ko')}:visible`).first().click();
      await page.waitForFunction(() => document.documentElement.lang === 'ko');
      const after = new URLSearchParams(await settledSearch(page));
      assert.equal(after.get('lang'), 'ko');
      for (const key of ['view', 'step', 'controls', 'stake', 'select', 'req', 'present', 'slide']) {
        assert.equal(after.get(key), before.get(key), `${path}: ${key} kept`);
      }
      assert.equal(await page.locator(I18N.current).first().getAttribute('lang'), 'ko');
    });
  }
});

test('links to another view follow a language switch', async (t) => {
  const opened = await session.openPage('/?view=timeline&lang=ja');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const link = page.locator('main#story section#timeline a.event-section').first();
    assert.match(await link.getAttribute('href'), /lang=ja/);
    await page.locator(`${I18N.option('ko')}:visible`).first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    const href = await link.getAttribute('href');
    assert.match(href, /lang=ko/, `the link leads on in Korean (${href})`);
  });
  await opened.close();
});

// On the story page a switch re-renders the sections on screen at once and the others a
// moment later, each in a task of its own (src/app/section_lang.rs).
const STORY_SECTIONS = 'main#story > section.story-section';

test('a language switch on the story page: the switcher answers in the first frame, what is on screen a frame later, everything soon after', async (t) => {
  const opened = await session.openPage('/', { viewport: { width: 412, height: 823 } });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    // Looked at in animation-frame callbacks, which run before their frame is drawn and
    // after the app's own (it asks for its frame in the click, before these are asked for).
    // Each frame until the texts on screen are Korean (the second, as a rule; on a loaded
    // machine the task between can come a frame later).
    const frames = await page.evaluate(([option, sections]) => new Promise((done) => {
      const seen = [];
      const look = () => ({
        html: document.documentElement.lang,
        current: document.querySelector('.lang-switcher [aria-current="true"]')?.dataset.lang,
        onScreen: ['header.masthead', '#hook'].map((css) => document.querySelector(css)?.lang),
        headline: document.querySelector('h1')?.textContent ?? '',
        sections: [...document.querySelectorAll(sections)].map((s) => [s.id, s.lang]),
      });
      const frame = () => {
        seen.push(look());
        if (seen.at(-1).onScreen.includes('ko') || seen.length === 60) done(seen);
        else requestAnimationFrame(frame);
      };
      document.querySelector(option).click();
      requestAnimationFrame(frame);
    }), [I18N.option('ko'), STORY_SECTIONS]);
    const [firstFrame, secondFrame] = [frames[0], frames.at(-1)];
    // The frame after the tap draws the switcher's answer alone; the texts follow in the
    // task after it (AppState::lang), each part with its own lang; <html lang> (whose
    // change restyles the whole page) after that (src/app/mod.rs).
    assert.ok(frames.length >= 2 && frames.length <= 5, `the texts came in frame ${frames.length}`);
    assert.equal(firstFrame.current, 'ko', 'the switcher marks Korean in the first frame');
    assert.deepEqual(firstFrame.onScreen, ['en', 'en'], 'the texts are still English in the first frame');
    assert.deepEqual(secondFrame.onScreen, ['ko', 'ko'], 'the masthead and the hook say they are Korean together, a frame or so later');
    assert.match(secondFrame.headline, /[가-힣]/, 'and so is the headline on screen');
    assert.equal(secondFrame.sections.length, 7, 'every section is on the page');
    const late = secondFrame.sections.filter(([, lang]) => lang !== 'ko').map(([id]) => id);
    assert.ok(late.includes('glossary'), `a section far from the screen catches up later (late: ${late})`);
    // Then every section catches up, and nothing on the page is left in English.
    const allIn = (lang) => page.waitForFunction(([sections, lang]) => [...document.querySelectorAll(sections)].every((s) => s.lang === lang), [STORY_SECTIONS, lang], { timeout: 10_000 });
    await allIn('ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko', null, { timeout: 10_000 });
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
    const words = await untranslatedWords(page, I18N.latinAllowed);
    assert.deepEqual(words, [], `untranslated after the switch: ${words.join(', ')}`);
    // And back: the sections follow again.
    await page.locator(`${I18N.option('en')}:visible`).first().click();
    await allIn('en');
  });
  await opened.close();
});

test('a section catching up on a language switch never runs before the frame of the switch', async (t) => {
  // The browser counts the moments between a tap's task and its frame as idle, so an idle
  // callback can run there; a far section's catch-up must wait until the frame is drawn.
  // Whether the browser offers that moment varies, so the switch is made several times.
  const opened = await session.openPage('/', { viewport: { width: 412, height: 823 } });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const trials = await page.evaluate(async ([optionCss, sections]) => {
      const order = [];
      const far = [...document.querySelectorAll(sections)].filter((s) => s.getBoundingClientRect().top > innerHeight);
      const watcher = new MutationObserver((records) => {
        for (const r of records) order.push(`catch-up ${r.target.id}`);
      });
      for (const section of far) watcher.observe(section, { attributes: true, attributeFilter: ['lang'] });
      const caughtUp = (lang) => new Promise((done) => {
        const poll = () => (far.every((s) => s.lang === lang) ? done() : setTimeout(poll, 50));
        poll();
      });
      const trials = [];
      for (const lang of ['ko', 'en', 'ja', 'en', 'ko', 'en', 'ja', 'en']) {
        order.length = 0;
        await new Promise((done) => setTimeout(done, 100));
        document.querySelector(optionCss.replace('LANG', lang)).click();
        order.push('tap');
        requestAnimationFrame(() => order.push('frame'));
        await caughtUp(lang);
        trials.push({ lang, far: far.length, order: [...order] });
      }
      watcher.disconnect();
      return trials;
    }, [I18N.option('LANG'), STORY_SECTIONS]);
    for (const { lang, far, order } of trials) {
      assert.ok(far >= 3, `sections start below the screen (${far})`);
      assert.equal(order[0], 'tap');
      assert.equal(order[1], 'frame', `switching to ${lang}, the switch's frame came before any catch-up: ${order.join(', ')}`);
      assert.equal(order.filter((o) => o.startsWith('catch-up')).length, far, `every far section caught up: ${order.join(', ')}`);
    }
  });
  await opened.close();
});
