// Embed, share and teach: a parent page receives our height in every format newsrooms
// listen for, presenter mode steps by keyboard and clicker keys, print shows a clean
// handout, and downloads produce real SVG and PNG files.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoConsoleErrors, settledSearch, useSession, withShotOnFailure } from './browser.mjs';
import { A11Y, BREACH, GUIDANCE } from './page.mjs';

const session = useSession();

/**
 * Opens a parent page on the test server with our view in an iframe; collects its messages.
 * `sandbox`: the iframe's sandbox attribute, if any.
 */
async function parentWithFrame(opened, query, sandbox = null) {
  const { page } = opened;
  await page.goto(new URL('/embed.js', session.server.url).href);
  const src = new URL(query, session.server.url).href;
  await page.evaluate(({ frameSrc, sandbox }) => {
    document.open();
    document.write('<!doctype html><title>A news article</title><body></body>');
    document.close();
    window.__messages = [];
    window.addEventListener('message', (event) => {
      const frame = document.getElementById('graphic');
      if (frame && event.source === frame.contentWindow) window.__messages.push(event.data);
    });
    const frame = document.createElement('iframe');
    frame.id = 'graphic';
    if (sandbox !== null) frame.setAttribute('sandbox', sandbox);
    frame.src = frameSrc;
    frame.style.cssText = 'width:640px;height:200px;border:0';
    document.body.appendChild(frame);
  }, { frameSrc: src, sandbox });
  const frame = await (await page.waitForSelector('#graphic')).contentFrame();
  await frame.waitForSelector('html[data-ready="1"]');
  return frame;
}

/** The latest height each format reported, or undefined. */
async function latestHeights(page) {
  return page.evaluate(() => {
    const found = {};
    for (const data of window.__messages) {
      if (typeof data === 'string' && data.startsWith('pym')) {
        const [, , kind, value] = data.split('xPYMx');
        if (kind === 'height') found.pym = Number(value);
      } else if (typeof data === 'string') {
        try {
          const json = JSON.parse(data);
          if (json.context === 'iframe.resize') found.flourish = json.height;
        } catch {}
      } else if (data && data['datawrapper-height']) {
        found.datawrapper = Object.values(data['datawrapper-height'])[0];
      } else if (data && data.sentinel === 'amp' && data.type === 'embed-size') {
        found.amp = data.height;
      }
    }
    return found;
  });
}

async function contentHeight(frame) {
  return frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
}

async function expectHeights(page, frame, label) {
  let heights;
  let expected;
  // Heights follow a ResizeObserver: give the last one a moment to arrive.
  for (let i = 0; i < 40; i++) {
    expected = await contentHeight(frame);
    heights = await latestHeights(page);
    const values = ['pym', 'datawrapper', 'amp', 'flourish'].map((k) => heights[k]);
    if (values.every((v) => v === expected)) return expected;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(heights, { pym: expected, datawrapper: expected, amp: expected, flourish: expected }, label);
  return expected;
}

test('an embedded view tells its parent its height in all four formats, before and after an interaction', async (t) => {
  const opened = await session.openPage('/');
  await withShotOnFailure(opened, t.name, async () => {
    const frame = await parentWithFrame(opened, '/?embed=1&view=guidance&childId=graphic');
    const before = await expectHeights(opened.page, frame, 'on load');
    assert.ok(before > 200, 'the guidance view is taller than the initial frame');
    assert.equal(await frame.locator('header.masthead').count(), 0, 'no page chrome in an embed');
    assert.equal(await frame.locator('.embed-footer a[target="_blank"]').count(), 1, 'a way out to the full explainer');
    // Filtering to one status shrinks the view: the height must follow, downwards too.
    await frame.locator(GUIDANCE.statusChip('over-two-years')).click();
    const after = await expectHeights(opened.page, frame, 'after filtering');
    assert.ok(after < before, `the height shrank (${before} → ${after})`);
    // pym asks for the height by sending the width; the child answers.
    await opened.page.evaluate(() => {
      window.__messages.length = 0;
      document.getElementById('graphic').contentWindow.postMessage('pymxPYMxgraphicxPYMxwidthxPYMx640', '*');
    });
    await expectHeights(opened.page, frame, 'after pym width');
  });
  await opened.close();
});

test('a sandboxed frame of another origin (no storage, no same-origin) still works and reports its height', async (t) => {
  const opened = await session.openPage('/');
  await withShotOnFailure(opened, t.name, async () => {
    // allow-scripts without allow-same-origin: an opaque origin, where storage throws.
    const frame = await parentWithFrame(opened, '/?embed=1&view=breach&step=3&controls=two-factor&childId=graphic', 'allow-scripts');
    assert.equal(await frame.evaluate(() => window.origin), 'null', 'the frame has an opaque origin');
    assert.ok(await frame.locator('main#story section#breach').count(), 'the view renders');
    await expectHeights(opened.page, frame, 'from the sandboxed frame');
    assert.deepEqual(opened.pageErrors, []);
  });
  await opened.close();
});

test('embed.js sizes our iframe on a host page without pym or Datawrapper', async (t) => {
  const opened = await session.openPage('/');
  await withShotOnFailure(opened, t.name, async () => {
    const { page } = opened;
    await page.goto(new URL('/embed.js', session.server.url).href);
    const src = new URL('/?embed=1&view=timeline', session.server.url).href;
    await page.evaluate(async ({ frameSrc, script }) => {
      document.open();
      document.write(`<!doctype html><body><iframe id="f" data-line-explainer src="${frameSrc}" title="t"></iframe></body>`);
      document.close();
      const tag = document.createElement('script');
      tag.src = script;
      document.body.appendChild(tag);
      await new Promise((resolve) => (tag.onload = resolve));
    }, { frameSrc: src, script: new URL('/embed.js', session.server.url).href });
    const frame = await (await page.waitForSelector('#f')).contentFrame();
    await frame.waitForSelector('html[data-ready="1"]');
    const expected = await contentHeight(frame);
    await page.waitForFunction((h) => document.getElementById('f').style.height === `${h}px`, expected, { timeout: 5000 });
  });
  await opened.close();
});

test('"Embed this" gives the code for the view as it is at the moment it opens', async (t) => {
  const opened = await session.openPage('/?view=breach', { viewport: { width: 1280, height: 900 } });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const code = async () => {
      await page.locator(A11Y.embedButton).first().click();
      await page.waitForSelector(A11Y.openDialog, { state: 'visible' });
      const value = await page.locator(`${A11Y.openDialog} textarea`).inputValue();
      const selected = await page.evaluate(() => {
        const area = document.querySelector('dialog[open] textarea');
        return area.value.slice(area.selectionStart, area.selectionEnd);
      });
      await page.keyboard.press('Escape');
      await page.waitForSelector(A11Y.openDialog, { state: 'detached' });
      return { src: new URL(value.match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&')), value, selected };
    };
    await page.locator(BREACH.next).click();
    const first = await code();
    assert.equal(first.selected, first.value, 'the code is selected, ready to copy');
    assert.equal(first.src.searchParams.get('view'), 'breach');
    assert.equal(first.src.searchParams.get('embed'), '1');
    assert.equal(first.src.searchParams.get('step'), '2');
    await page.locator(BREACH.next).click();
    assert.equal((await code()).src.searchParams.get('step'), '3', 'a change made while it was closed is in the code');
    assertNoConsoleErrors(opened);
  });
  await opened.close();
});

test('presenter mode steps by keyboard and clicker keys, and Esc leaves', async (t) => {
  const opened = await session.openPage('/?present=1', { viewport: { width: 1920, height: 1080 } });
  await withShotOnFailure(opened, t.name, async () => {
    const { page } = opened;
    const slide = async () => new URLSearchParams(await settledSearch(page)).get('slide') ?? '1';
    assert.equal(await page.locator('main#story[data-view="present"] .slide').count(), 1);
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.slide p, .slide li')).fontSize));
    assert.ok(fontSize >= 28, `presenter text is large (${fontSize}px)`);
    for (const [key, expected] of [['PageDown', '2'], ['ArrowRight', '3'], [' ', '4'], ['ArrowDown', '5'], ['PageUp', '4'], ['ArrowLeft', '3'], ['ArrowUp', '2'], ['End', null], ['Home', '1']]) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      const now = await slide();
      if (expected) assert.equal(now, expected, `after ${key}`);
      else assert.ok(Number(now) > 10, `End goes to the last slide (${now})`);
    }
    await page.keyboard.press('PageDown');
    await page.keyboard.press('Escape');
    assert.equal(new URLSearchParams(await settledSearch(page)).get('present'), null, 'Esc leaves');
    // The story's sections arrive one task each (`<Later>`): wait for the first.
    await page.locator('main#story section#ownership').waitFor({ timeout: 10_000 });
    assertNoConsoleErrors(opened);
  });
  await opened.close();
});

test('a slide link opens that slide', async (t) => {
  const opened = await session.openPage('/?present=1&slide=6', { viewport: { width: 1920, height: 1080 } });
  await withShotOnFailure(opened, t.name, async () => {
    assert.match(await opened.page.locator('.slide-count').innerText(), /^6 \//);
  });
  await opened.close();
});

test('printing gives a handout: no buttons, content expanded, sources and the page address', async (t) => {
  const opened = await session.openPage('/?view=breach&step=3');
  await withShotOnFailure(opened, t.name, async () => {
    const { page } = opened;
    await page.emulateMedia({ media: 'print' });
    const state = await page.evaluate(() => {
      const visible = (el) => {
        const style = getComputedStyle(el);
        return style.display !== 'none' && style.visibility !== 'hidden' && el.getClientRects().length > 0;
      };
      return {
        buttons: [...document.querySelectorAll('button:not(.cite), input, select')].filter(visible).length,
        footer: visible(document.querySelector('.print-footer')),
        url: document.querySelector('.print-url')?.textContent ?? '',
        reports: document.querySelectorAll('.print-reports li').length,
        text: visible(document.querySelector('main#story section#breach')),
      };
    });
    assert.equal(state.buttons, 0, 'no buttons or inputs on paper');
    assert.ok(state.footer, 'the print footer is shown');
    assert.match(state.url, /view=breach/);
    assert.equal(state.reports, 5);
    assert.ok(state.text);
    await page.pdf({ path: '/dev/null' }).catch(() => {});
  });
  await opened.close();
});

for (const [query, selector] of [
  ['/?view=ownership', '#ownership .picture-downloads'],
  ['/?view=breach', '#breach .picture-downloads'],
  ['/?view=numbers', '#numbers .picture-downloads'],
]) {
  test(`downloads of ${query} are valid SVG and PNG files`, async (t) => {
    const opened = await session.openPage(query);
    await withShotOnFailure(opened, t.name, async () => {
      const { page } = opened;
      const group = page.locator(selector).first();
      const [svgDownload] = await Promise.all([page.waitForEvent('download'), group.locator('button').nth(0).click()]);
      const svg = await readFile(await svgDownload.path(), 'utf8');
      assert.match(svgDownload.suggestedFilename(), /\.svg$/);
      assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return { error: doc.querySelector('parsererror') !== null, texts: doc.querySelectorAll('text').length };
      }, svg);
      assert.equal(parsed.error, false, 'the SVG is well-formed');
      assert.ok(parsed.texts > 0, 'the SVG keeps its labels');
      const [pngDownload] = await Promise.all([page.waitForEvent('download'), group.locator('button').nth(1).click()]);
      const png = await readFile(await pngDownload.path());
      assert.match(pngDownload.suggestedFilename(), /\.png$/);
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      assert.ok(png.length > 2000, 'the PNG has content');
      assertNoConsoleErrors(opened);
    });
    await opened.close();
  });
}
