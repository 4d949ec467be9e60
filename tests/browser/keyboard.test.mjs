// A keyboard-only walkthrough: Tab reaches every control of the story in document
// order with a visible focus and no trap, and each view's controls work from the keys.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settledSearch, useSession, withShotOnFailure } from './browser.mjs';
import { A11Y, BREACH, OWNERSHIP, SECTION_ORDER, TIMELINE, VIEWS } from './page.mjs';

const session = useSession();

/** Number every visible interactive element in document order (data-kbd), return how many. */
async function markInteractive(page) {
  return page.evaluate((selector) => {
    const visible = (el) => {
      if (el.closest('[inert], [hidden], dialog:not([open])')) return false;
      if (el.disabled) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none' && el.getClientRects().length > 0;
    };
    const all = [...document.querySelectorAll(selector)].filter(visible);
    all.forEach((el, i) => el.setAttribute('data-kbd', String(i)));
    return all.length;
  }, A11Y.interactive);
}

/** What the focused element is: its number, section, whether its focus shows and is on screen. */
async function focusedInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    // SVG items show focus with a ring drawn in the focus colour (a child's stroke).
    const probe = document.createElement('span');
    probe.style.color = 'var(--focus)';
    document.body.append(probe);
    const focusColour = getComputedStyle(probe).color;
    probe.remove();
    const ring = [...el.querySelectorAll('*')].some((child) => {
      const s = getComputedStyle(child);
      return s.visibility === 'visible' && s.stroke === focusColour && parseFloat(s.strokeWidth) >= 2;
    });
    const rect = el.getBoundingClientRect();
    const onScreen = rect.bottom > 0 && rect.top < window.innerHeight && rect.right > 0 && rect.left < window.innerWidth;
    let covered = false;
    if (onScreen && rect.width > 0 && rect.height > 0) {
      const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(rect.top + rect.height / 2, 0), window.innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      covered = Boolean(top && !el.contains(top) && !top.contains(el) && !el.closest('svg')?.contains(top));
    }
    return {
      kbd: el.getAttribute('data-kbd'),
      section: el.closest('main#story > section[id]')?.id ?? null,
      describe: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className?.baseVal ?? el.className ? `.${String(el.className?.baseVal ?? el.className).split(' ')[0]}` : ''} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)}"`,
      focusShows: outline || shadow || ring,
      onScreen,
      covered,
      inFooter: Boolean(el.closest('footer')),
    };
  });
}

/** Tab from the top of `path` to the footer, checking reach, order, visible focus and no trap. */
async function tabWalk(path, shotName) {
  const opened = await session.openPage(path);
  await withShotOnFailure(opened, shotName, async ({ page }) => {
    const total = await markInteractive(page);
    assert.ok(total > 3, `${path} has ${total} interactive elements`);
    const reached = new Set();
    const problems = [];
    let last = -1;
    let reachedFooter = false;
    let wrapped = false;
    const hasFooter = await page.evaluate(() =>
      [...document.querySelectorAll('footer')].some((f) => f.getClientRects().length > 0 && f.querySelector('a[href], button')),
    );
    const sectionsSeen = [];
    for (let i = 0; i < total * 2 + 20; i += 1) {
      await page.keyboard.press('Tab');
      const info = await focusedInfo(page);
      if (!info) continue;
      if (info.kbd === null) {
        problems.push(`focus went to an element the walkthrough does not count: ${info.describe}`);
        continue;
      }
      const index = Number(info.kbd);
      if (reached.has(index)) {
        wrapped = true; // back at the top: focus went round the page, not stuck in it
        break;
      }
      reached.add(index);
      if (index < last) problems.push(`order: ${info.describe} (#${index}) came after #${last}`);
      last = index;
      if (!info.focusShows) problems.push(`no visible focus on ${info.describe}`);
      if (!info.onScreen) problems.push(`focused but off screen: ${info.describe}`);
      if (info.covered) problems.push(`focused but covered: ${info.describe}`);
      if (info.section && sectionsSeen.at(-1) !== info.section) sectionsSeen.push(info.section);
      if (info.inFooter) {
        reachedFooter = true;
      }
    }
    const missed = await page.evaluate(
      (reachedList) =>
        [...document.querySelectorAll('[data-kbd]')]
          .filter((el) => !reachedList.includes(Number(el.getAttribute('data-kbd'))))
          .map((el) => `${el.tagName.toLowerCase()}.${String(el.className?.baseVal ?? el.className).split(' ')[0]} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)}" in #${el.closest('section[id]')?.id}`),
      [...reached],
    );
    if (hasFooter) assert.ok(reachedFooter, `Tab reaches the footer of ${path} (no keyboard trap)`);
    else assert.ok(wrapped, `Tab goes round ${path} and back to the top (no keyboard trap)`);
    assert.deepEqual(missed, [], `interactive elements Tab never reached on ${path}`);
    assert.deepEqual(problems.slice(0, 30), [], `focus problems on ${path}`);
    assert.deepEqual(
      sectionsSeen,
      SECTION_ORDER.filter((id) => sectionsSeen.includes(id)),
      'sections are visited in reading order',
    );
    return total;
  });
  await opened.close();
}

test('Tab reaches every control of the story in document order, with visible focus and no trap', async (t) => {
  await tabWalk('/', t.name);
});

test('Tab reaches every control of each single view, embedded view and presenter mode', async (t) => {
  for (const path of [...VIEWS.map((v) => `/?view=${v}`), ...VIEWS.map((v) => `/?view=${v}&embed=1`), '/?present=1', '/?present=1&slide=10']) {
    await tabWalk(path, `${t.name} ${path}`);
  }
});

test('the breach stepper follows the arrow keys and a control toggles with Space', async (t) => {
  const opened = await session.openPage('/?view=breach');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const step = async () => new URLSearchParams(await settledSearch(page)).get('step');
    await page.locator(BREACH.stage).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '3');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '2');
    assert.equal(await step(), '2');
    const control = page.locator(`${BREACH.root} input[type="checkbox"]`).first();
    await control.focus();
    await page.keyboard.press('Space');
    assert.equal(await control.isChecked(), true, 'Space turns a control on');
    assert.ok(new URLSearchParams(await settledSearch(page)).has('controls'));
    await page.keyboard.press('Space');
    assert.equal(await control.isChecked(), false, 'Space turns it off again');
  });
  await opened.close();
});

test('the ownership diagram moves with arrows, selects with Enter and clears with Escape; the slider follows arrows', async (t) => {
  const opened = await session.openPage('/?view=ownership');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const first = page.locator(OWNERSHIP.anyNode).first();
    await first.focus();
    const start = await page.evaluate(() => document.activeElement?.dataset?.node);
    let moved = null;
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft']) {
      await page.keyboard.press(key);
      const now = await page.evaluate(() => document.activeElement?.dataset?.node ?? document.activeElement?.dataset?.edge);
      if (now && now !== start) {
        moved = now;
        break;
      }
    }
    assert.ok(moved, 'an arrow key moves the focus to another box');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).has('select'));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('select'));

    const slider = page.locator(OWNERSHIP.slider);
    await slider.focus();
    const before = Number(await slider.inputValue());
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const after = Number(await slider.inputValue());
    assert.ok(after > before, `the slider moves right from ${before} (now ${after})`);
    await page.waitForFunction(() => new URLSearchParams(location.search).has('stake'));
  });
  await opened.close();
});

test('a guidance requirement selects with Enter; the timeline moves with arrows', async (t) => {
  const opened = await session.openPage('/');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const select = page.locator('main#story section#guidance button.req-select').first();
    await select.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).has('req'));
    assert.equal(await select.getAttribute('aria-pressed'), 'true');
    const said = await page.locator(A11Y.requirementAnnouncement).textContent();
    assert.ok(said.trim().length > 0, 'a live region names the selected requirement');

    const events = page.locator(TIMELINE.event);
    await events.first().focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.id), await events.nth(1).getAttribute('id'));
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.id), await events.last().getAttribute('id'));
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => document.activeElement.id), await events.first().getAttribute('id'));
  });
  await opened.close();
});

test('a citation opens with Enter and closes with Escape; the Embed dialog opens with Enter, closes with Escape and gives focus back', async (t) => {
  const opened = await session.openPage('/?view=breach');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const marker = page.locator(A11Y.firstCite).first();
    await marker.focus();
    await page.keyboard.press('Enter');
    assert.equal(await marker.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Escape');
    assert.equal(await marker.getAttribute('aria-expanded'), 'false');

    const button = page.locator(A11Y.embedButton).first();
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(A11Y.openDialog, { state: 'visible' });
    assert.ok(await page.evaluate(() => Boolean(document.activeElement.closest('dialog[open]'))), 'focus moves into the dialog');
    await page.keyboard.press('Escape');
    await page.waitForSelector(A11Y.openDialog, { state: 'detached' });
    assert.ok(await button.evaluate((el) => el === document.activeElement), 'focus returns to the Embed button');
  });
  await opened.close();
});

test('presenter mode pages with PageDown and PageUp and Escape leaves it', async (t) => {
  const opened = await session.openPage('/?present=1');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const slide = async () => new URLSearchParams(await settledSearch(page)).get('slide');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('slide') === '3');
    await page.keyboard.press('PageUp');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('slide') === '2');
    assert.equal(await slide(), '2');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('main#story').dataset.view !== 'present');
    assert.ok(!new URLSearchParams(await settledSearch(page)).has('present'));
  });
  await opened.close();
});
