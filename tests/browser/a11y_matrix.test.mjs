// axe-core on every view × language × theme × mode, and after the interactions that
// change what is on screen (a selection, a later step, controls on, a requirement, an
// open citation, the Embed-this dialog). Any violation of any impact fails.
//
// One browser, a few lanes of pages run side by side; each lane reuses its page and
// navigates, so the ~170 checks stay within a couple of minutes on two cores.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { OUTPUT_DIR, bringInEverySection, useSession, waitForApp } from './browser.mjs';
import { A11Y, LANGS, THEMES, VIEWS } from './page.mjs';

const session = useSession();
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const LANES = Number(process.env.A11Y_LANES || 3);
const DEADLINE_S = 480;
const CASE_LIMIT_S = 60;

/** `work()`, or an error once it has taken `seconds`. */
async function within(seconds, work) {
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`took over ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([work(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** What a URL is checked for; `act(page)` puts the page into the state to check. */
function matrix() {
  const cases = [];
  for (const lang of LANGS) {
    for (const theme of THEMES) {
      const base = `lang=${lang}&theme=${theme}`;
      for (const view of ['', ...VIEWS]) {
        const viewKey = view ? `view=${view}&` : '';
        const act = view ? undefined : scrollThrough;
        cases.push({ name: `page ${view || 'story'} ${lang} ${theme}`, query: `${viewKey}${base}`, act });
        cases.push({ name: `embed ${view || 'story'} ${lang} ${theme}`, query: `${viewKey}${base}&embed=1`, act });
      }
      for (const slide of A11Y.presentSlides) {
        cases.push({ name: `present slide ${slide} ${lang} ${theme}`, query: `${base}&present=1&slide=${slide}` });
      }
      for (const state of A11Y.interactionStates) {
        cases.push({ name: `state ${state} ${lang} ${theme}`, query: `${state}&${base}` });
      }
      cases.push({
        name: `open citation ${lang} ${theme}`,
        query: `view=breach&${base}`,
        act: async (page) => {
          await page.locator(A11Y.firstCite).first().click();
          await page.waitForSelector(A11Y.openCitePop, { state: 'visible' });
        },
      });
      cases.push({
        name: `embed dialog ${lang} ${theme}`,
        query: `view=ownership&${base}`,
        act: async (page) => {
          await page.locator(A11Y.embedButton).first().click();
          await page.waitForSelector(A11Y.openDialog, { state: 'visible' });
        },
      });
    }
  }
  return cases;
}

/**
 * Scrolls the story page from top to bottom and back, as a reader would. Its sections skip
 * rendering until they near the screen (`content-visibility: auto`), holding a 1,500 px
 * placeholder until then: the layout axe reads of a section never shown puts its content
 * over the next section's, and target-size reports a button there as covered. Once shown,
 * a section keeps its real height (`contain-intrinsic-size: auto`).
 */
async function scrollThrough(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await frame();
    }
    scrollTo(0, 0);
    await frame();
  });
}

/** Every axe violation on the page as "rule (impact): help — targets". */
async function violations(page) {
  const result = await page.evaluate(async (tags) => {
    if (!window.axe) return { violations: [{ id: 'axe-not-loaded', impact: 'n/a', help: 'axe-core missing', nodes: [] }] };
    return window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, A11Y.axeTags);
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 4)
        .map((n) => `${n.target.join(' ')}${n.any?.[0]?.message ? ` [${n.any[0].message.slice(0, 120)}]` : ''}`)
        .join(', ')}`,
  );
}

// ~150 page loads: about 90 s on an idle two-core machine; the margin is for a busy one.
test('axe-core finds no violation on any view, language, theme, mode or interaction state', { timeout: 600_000 }, async () => {
  const cases = matrix();
  const axe = await AXE_SOURCE;
  const found = {};
  let next = 0;
  // Stop short of the test's timeout, so that a slow run says how far it got.
  const deadline = Date.now() + DEADLINE_S * 1000;
  const open = () =>
    session.openPage(`/?${cases[0].query}`, {
      bypassCSP: true, // axe-core is injected as a script, which the app's CSP rightly refuses
      initScripts: [{ content: axe }],
    });
  async function lane() {
    let opened = await open();
    try {
      while (next < cases.length) {
        if (Date.now() > deadline) {
          found['(out of time)'] = [`${cases.length - next} cases not checked: the first ${next} took over ${DEADLINE_S} s`];
          break;
        }
        const item = cases[next++];
        const { page } = opened;
        try {
          // Within a minute: page.evaluate has no timeout of its own, and a script waiting
          // for frames of a page that no longer draws would wait for ever.
          const list = await within(CASE_LIMIT_S, async () => {
            await page.goto(new URL(`/?${item.query}`, session.server.url).href, { waitUntil: 'domcontentloaded' });
            await waitForApp(page);
            await bringInEverySection(page);
            if (item.act) await item.act(page);
            return violations(page);
          });
          if (list.length > 0) found[item.name] = list;
        } catch (error) {
          const crashed = opened.pageErrors.length > 0 || page.isClosed() ? ' (the page had crashed or erred)' : '';
          found[item.name] = [`could not check${crashed}: ${String(error.message).split('\n')[0]}`];
          // A fresh page for the rest of the lane: one that crashed under load would
          // otherwise make every later case wait out its timeouts (it once took the whole
          // file past its ten minutes, with nothing said about why).
          await opened.close().catch(() => {});
          opened = await open();
        }
      }
    } finally {
      await opened.close();
    }
  }
  await Promise.all(Array.from({ length: LANES }, lane));
  // The full list, for a person to read: tests/browser/output/a11y_matrix.json.
  await mkdir(OUTPUT_DIR, { recursive: true });
  await writeFile(join(OUTPUT_DIR, 'a11y_matrix.json'), JSON.stringify({ cases: cases.length, found }, null, 2));
  assert.ok(cases.length >= 150, `the matrix has ${cases.length} cases`);
  assert.deepEqual(found, {}, 'axe-core violations, by case');
});

test('every view fits a 320 px screen and a 1280 px window at 200 % zoom without sideways scrolling', async () => {
  const overflowing = {};
  // 200 % zoom of a 1280 × 800 window lays out like a 640 × 400 viewport.
  for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
    const opened = await session.openPage('/', { viewport });
    try {
      for (const view of ['', ...VIEWS]) {
        for (const extra of ['', '&embed=1']) {
          const query = `${view ? `view=${view}` : ''}${extra}`;
          await opened.page.goto(new URL(`/?${query}`, session.server.url).href, { waitUntil: 'load' });
          await waitForApp(opened.page);
          await bringInEverySection(opened.page);
          const wide = await opened.page.evaluate(() => {
            const width = document.documentElement.clientWidth;
            const over = document.documentElement.scrollWidth - width;
            // Name what sticks out, so a failure says where to look.
            const culprits = [...document.querySelectorAll('main *')]
              .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.visually-hidden, svg, [hidden]'))
              .filter((el) => getComputedStyle(el).position !== 'absolute')
              .slice(0, 3)
              .map((el) => `${el.tagName.toLowerCase()}.${String(el.className?.baseVal ?? el.className).split(' ')[0]}`);
            return { over, culprits };
          });
          if (wide.over > 1) overflowing[`${viewport.width}px ?${query}`] = `${wide.over}px too wide: ${wide.culprits.join(', ')}`;
        }
      }
    } finally {
      await opened.close();
    }
  }
  assert.deepEqual(overflowing, {}, 'pages wider than the screen');
});

test('with forced colours and reduced motion the story still shows focus and nothing moves', async () => {
  const opened = await session.openPage('/?view=breach');
  try {
    const { page } = opened;
    await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    await page.locator(A11Y.firstCite).first().focus();
    const focus = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    });
    assert.ok(focus, 'a focused control shows an outline in forced-colours mode');
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => {
          const s = getComputedStyle(el);
          const long = (list) => list.split(',').some((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1) > 0.05);
          return (s.animationName !== 'none' && long(s.animationDuration)) || long(s.transitionDuration);
        })
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className?.baseVal ?? el.className).split(' ')[0]}`),
    );
    assert.deepEqual(moving, [], 'elements that still animate under prefers-reduced-motion');
  } finally {
    await opened.close();
  }
});
