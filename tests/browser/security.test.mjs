// Security and privacy: a strict CSP that the page never violates, no request to any
// other origin, no cookies, and a page that works where storage is forbidden.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertNoConsoleErrors, assertSameOriginOnly, useSession, withShotOnFailure } from './browser.mjs';
import { VIEWS } from './page.mjs';
import { DIST_DIR } from './server.mjs';

const session = useSession();

test('the shipped CSP forbids inline code and eval, and covers the loader and the shell script by hash', async () => {
  const html = await readFile(join(DIST_DIR, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(meta, 'index.html carries a CSP meta tag');
  const policy = meta[1];
  assert.doesNotMatch(policy, /'unsafe-inline'/);
  assert.doesNotMatch(policy, /'unsafe-eval'/);
  assert.match(policy, /script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+ 'wasm-unsafe-eval'/);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const hashes = policy.match(/'sha256-[^']+'/g);
  assert.equal(hashes.length, inline.length, 'one hash per inline script');
  for (const body of inline) {
    const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
    assert.ok(hashes.includes(hash), 'every inline script is covered by its hash');
  }
  assert.match(policy, /default-src 'none'/);
  const headers = await readFile(join(DIST_DIR, '_headers'), 'utf8');
  assert.ok(headers.includes(`Content-Security-Policy: ${policy}; frame-ancestors *`), '_headers repeats the policy');
  assert.match(headers, /\/index\.html\n {2}Cache-Control: no-cache/);
  assert.match(headers, /_bg\.wasm\n {2}Cache-Control: public, max-age=31536000, immutable/);
});

for (const view of ['', ...VIEWS]) {
  const query = view ? `/?view=${view}` : '/';
  test(`no CSP violation, foreign request or cookie on ${query}`, async (t) => {
    const opened = await session.openPage(query);
    await withShotOnFailure(opened, t.name, async () => {
      // Open every citation, so every lazily rendered part is on screen.
      const markers = opened.page.locator('button.cite:visible');
      const count = Math.min(await markers.count(), 12);
      for (let i = 0; i < count; i++) {
        await markers.nth(i).click();
        await markers.nth(i).press('Escape');
      }
      assert.deepEqual(await opened.cspViolations(), [], 'CSP violations');
      assertSameOriginOnly(opened, new URL(session.server.url).origin);
      assert.deepEqual(await opened.context.cookies(), [], 'cookies');
      assert.equal(await opened.page.evaluate(() => document.cookie), '', 'document.cookie');
      assertNoConsoleErrors(opened);
    });
    await opened.close();
  });
}

test('works where storage throws (sandboxed iframe without allow-same-origin)', async (t) => {
  const opened = await session.openPage('/?view=breach&lang=ja&theme=dark', { storage: false });
  await withShotOnFailure(opened, t.name, async () => {
    assert.equal(await opened.page.locator('main#story section#breach').count(), 1);
    assertNoConsoleErrors(opened);
  });
  await opened.close();
});
