// Robustness: mangled links and hostile messages never break the page, and a panic
// never leaves a blank page.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bringInEverySection, launchBrowser, useSession, waitForApp, withShotOnFailure } from './browser.mjs';
import { random } from './seeded.mjs';
import { REPO_ROOT, startServer } from './server.mjs';

const session = useSession();

const KEYS = ['view', 'lang', 'theme', 'embed', 'present', 'select', 'stake', 'step', 'controls', 'link', 'req', 'slide', 'childId', 'x', ''];
const NASTY = [
  '', '%', '%%', '%zz', '%E0%A4%A', '%00', '\u0000', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)', '../../etc/passwd', '-1', '1e309', 'NaN', '99999999999999999999', ' 1', '１', 'ownership',
  'breach', 'ja', 'dark', '1', 'two-factor,two-factor,,', 'ly', 'a-1-plans', '💥'.repeat(300), 'x'.repeat(3000),
  '&&&', '===', '#frag', '+', '%2B', 'null', 'undefined', '[]', '{}',
];

function malformedQuery(next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const parts = [];
  const count = 1 + Math.floor(next() * 5);
  for (let i = 0; i < count; i++) {
    const key = pick(KEYS);
    // Any characters but lone surrogates, which no URL can carry.
    const value = next() < 0.15 ? String.fromCharCode(...Array.from({ length: 8 }, () => Math.floor(next() * 0xd7ff))) : pick(NASTY);
    parts.push(next() < 0.5 ? `${key}=${encodeURIComponent(value)}` : `${key}=${value}`);
  }
  return `?${parts.join(next() < 0.1 ? ';' : '&')}`;
}

test('a hundred mangled links all render the explainer, canonicalised, without errors', async (t) => {
  const next = random(20231009);
  const queries = Array.from({ length: 100 }, () => malformedQuery(next));
  // Three pages at once: each link is a full load of the app.
  const lanes = 3;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const opened = await session.openPage('/');
      await withShotOnFailure(opened, `${t.name} lane ${lane}`, async () => {
        const { page } = opened;
        for (const query of queries.filter((_, i) => i % lanes === lane)) {
          await page.goto(new URL(query, session.server.url).href, { waitUntil: 'load' }).catch(() => {});
          await waitForApp(page, opened);
          await bringInEverySection(page);
          const state = await page.evaluate(() => ({
            search: location.search,
            sections: document.querySelectorAll('main#story section').length,
            // Markup a hostile value could inject; an empty placeholder <script> (leptos_i18n's) holds no code.
            injected:
              document.querySelectorAll('img[src="x"]').length +
              [...document.querySelectorAll('script:not([type="module"]):not([src])')].filter(
                (el) => el.textContent.replace(/<!---->/g, '').trim() !== '',
              ).length,
          }));
          assert.ok(state.sections >= 1, `${query}: something is shown`);
          assert.equal(state.injected, 0, `${query}: no markup injected`);
          // The canonical form only ever holds known keys with plain values.
          assert.match(
            state.search,
            /^(\?((view|lang|theme|embed|present|select|stake|step|controls|link|req|slide|childId)=[A-Za-z0-9%,._~-]*&?)+)?$/,
            `${query} → ${state.search}`,
          );
        }
        assert.deepEqual(opened.pageErrors, []);
        assert.deepEqual(opened.consoleErrors, []);
      });
      await opened.close();
    }),
  );
});

test('a few hundred hostile postMessages from the parent are ignored without errors', async (t) => {
  const next = random(20240305);
  const opened = await session.openPage('/');
  await withShotOnFailure(opened, t.name, async () => {
    const { page } = opened;
    const frameUrl = new URL('/?embed=1&view=timeline&childId=graphic', session.server.url).href;
    // A parent page on the same server (any served file will do), written in place.
    await page.goto(new URL('/embed.js', session.server.url).href);
    await page.setContent(
      `<iframe id="f" src="${frameUrl}" style="width:600px;height:300px;border:0"></iframe>`,
      { waitUntil: 'load' },
    );
    const frame = await (await page.waitForSelector('#f')).contentFrame();
    await frame.waitForSelector('html[data-ready="1"]');
    const messages = [];
    for (let i = 0; i < 300; i++) {
      const kind = Math.floor(next() * 6);
      const junk = String.fromCharCode(...Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 0xffff)));
      messages.push(
        [
          `pymxPYMxgraphicxPYMxwidthxPYMx${junk}`,
          `pymxPYMxgraphicxPYMxnavigateToxPYMxjavascript:alert(1)`,
          `pymxPYMxotherxPYMxwidthxPYMx600`,
          { sentinel: 'amp', type: 'embed-size', height: junk },
          { 'datawrapper-height': { x: junk } },
          junk,
        ][kind],
      );
    }
    await page.evaluate((list) => {
      const target = document.getElementById('f').contentWindow;
      for (const message of list) target.postMessage(message, '*');
      target.postMessage(null, '*');
      target.postMessage(new ArrayBuffer(8), '*');
    }, messages);
    await page.waitForTimeout(300);
    assert.ok(await frame.locator('main#story section#timeline').count(), 'the embedded view is still there');
    assert.deepEqual(opened.pageErrors, []);
    // The bare parent page has no favicon link, so Chromium's favicon request 404s.
    assert.deepEqual(opened.consoleErrors.filter((e) => !e.includes('favicon') && !e.includes('Failed to load resource')), []);
  });
  await opened.close();
});

const PANIC_DIST = join(REPO_ROOT, 'target', 'panic-dist');

test('a panic shows a readable notice with a reload link, never a blank page', { skip: !existsSync(PANIC_DIST) && 'no panic-test build (scripts/test.sh makes one)' }, async () => {
  const server = await startServer({ root: PANIC_DIST });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(new URL('/?view=timeline&trigger-panic', server.url).href);
    const notice = page.locator('#panic-notice[role="alert"]');
    await notice.waitFor({ timeout: 20_000 });
    assert.match(await notice.innerText(), /went wrong/);
    const reload = notice.locator('a');
    assert.equal(await reload.innerText(), 'Reload the explainer');
    assert.match(await reload.getAttribute('href'), /view=timeline/);
    assert.ok(errors.some((e) => e.includes('unreachable') || e.includes('RuntimeError')), 'the panic did happen');
  } finally {
    await browser.close();
    await server.close();
  }
});
