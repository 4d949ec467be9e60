// The ownership explorer: every company and tie of the reports on the diagram, with
// citations; selection by mouse and keyboard; the capital what-if and its link; the
// requirement highlight; the BODS download; and a layout without overlaps in real fonts.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoConsoleErrors, settledSearch, useSession, withShotOnFailure } from './browser.mjs';
import { OWNERSHIP, OwnershipView, loadOwnershipContent } from './page.mjs';

const session = useSession();

const search = async (page) => (await settledSearch(page)).replace(/^\?/, '');
const param = async (page, key) => new URLSearchParams(await settledSearch(page)).get(key);

test('every entity and tie of the reports is on the diagram, and each shows cited details', async (t) => {
  const content = await loadOwnershipContent();
  assert.ok(content, 'content/entities.json is readable');
  const opened = await session.openPage('/?view=ownership');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const view = new OwnershipView(page);
    const nodes = await view.nodeIds();
    const edges = await view.edgeIds();
    for (const id of content.nodes) assert.ok(nodes.includes(id), `entity ${id} is a box on the diagram`);
    for (const id of content.edges) assert.ok(edges.includes(id), `relation ${id} is a line on the diagram`);
    // The derived rest of LY's shares is drawn too, and says it is derived.
    assert.ok(nodes.includes('rest-of-ly'));
    assert.match(await view.labelText('rest-of-ly-shares'), /35\.5–35\.6%.*derived/);
    for (const id of [...content.nodes, ...content.edges]) {
      const target = content.nodes.includes(id) ? view.node(id) : view.edgeLabel(id);
      await target.click();
      assert.equal(await param(page, 'select'), id, `clicking ${id} selects it in the URL`);
      assert.ok((await view.detailsCitations().count()) > 0, `the details of ${id} carry citations`);
    }
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('the disputed stake says the reports differ, and its details give each report with its citation', async (t) => {
  const opened = await session.openPage('/?view=ownership&select=a-holdings-owns-ly');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const view = new OwnershipView(page);
    assert.match(await view.labelText('a-holdings-owns-ly'), /64\.4–64\.5%\s*reports differ/);
    const values = await page.locator(OWNERSHIP.reportedValue).evaluateAll((lis) =>
      lis.map((li) => ({ text: li.textContent, cited: Boolean(li.querySelector('button.cite')) })),
    );
    assert.ok(values.some((v) => v.text.includes('64.4%')) && values.some((v) => v.text.includes('64.5%')));
    assert.ok(values.every((v) => v.cited), 'each reported value has its citation marker');
    // The Readable's and News Rebeat's different versions are shown, each cited.
    const versions = await page.locator(OWNERSHIP.disagreementVersion).evaluateAll((lis) =>
      lis.map((li) => ({ text: li.textContent, cited: Boolean(li.querySelector('button.cite')) })),
    );
    assert.ok(versions.some((v) => /The Readable/.test(v.text) && /50/.test(v.text)));
    assert.ok(versions.some((v) => /News Rebeat/.test(v.text)));
    assert.ok(versions.every((v) => v.cited));
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('the keyboard reaches, moves between, selects and clears diagram items', async (t) => {
  const opened = await session.openPage('/?view=ownership');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const view = new OwnershipView(page);
    await view.node('softbank').focus();
    assert.equal(await view.focusedItem(), 'softbank');
    // Tab goes on to SoftBank's own tie, then onwards through the diagram.
    await page.keyboard.press('Tab');
    assert.equal(await view.focusedItem(), 'softbank-owns-a-holdings');
    await view.node('softbank').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await view.focusedItem(), 'naver', 'ArrowRight moves to the box to the right');
    await page.keyboard.press('Enter');
    assert.equal(await param(page, 'select'), 'naver');
    assert.match(await view.detailsTitle(), /Naver Corp/);
    assert.equal(await view.node('naver').getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('ArrowDown');
    const below = await view.focusedItem();
    assert.ok(below && below !== 'naver', 'ArrowDown moves to a box below');
    await page.keyboard.press(' ');
    assert.equal(await param(page, 'select'), below, 'Space selects');
    await page.keyboard.press('Escape');
    assert.equal(await param(page, 'select'), null, 'Escape clears the selection');
    assert.match(await view.detailsTitle(), /Details/);
    // An edge label is a button too.
    await view.edgeLabel('a-holdings-owns-ly').focus();
    await page.keyboard.press('Enter');
    assert.equal(await param(page, 'select'), 'a-holdings-owns-ly');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('the what-if slider changes the diagram, the look-through stakes and the verdict', async (t) => {
  const opened = await session.openPage('/?view=ownership');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const view = new OwnershipView(page);
    assert.match(await view.verdict(), /jointly/);
    assert.equal(await view.lookThrough('softbank'), '50% × 64.4–64.5% = 32.2–32.25%');
    await page.locator(OWNERSHIP.slider).focus();
    const writesBefore = (await opened.historyCalls()).replace;
    // Ten steps inside one pause of the address bar's write (src/app/browser.rs).
    await page.evaluate(() => {
      const slider = document.querySelector('#own-stake');
      for (let i = 1; i <= 10; i += 1) {
        slider.value = String(50 + i);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    assert.equal(await param(page, 'stake'), '60', 'the slider is in the URL');
    const writes = (await opened.historyCalls()).replace - writesBefore;
    assert.equal(writes, 1, `ten quick steps rewrite the address bar once, not ${writes} times`);
    assert.match(await view.verdict(), /SoftBank Corp holds 60%.*SoftBank Corp controls LY through A Holdings/);
    assert.equal(await view.lookThrough('softbank'), '60% × 64.4–64.5% = 38.64–38.7%');
    assert.equal(await view.lookThrough('naver'), '40% × 64.4–64.5% = 25.76–25.8%');
    assert.match(await view.labelText('softbank-owns-a-holdings'), /60%\s*what-if/);
    assert.match(await view.labelText('naver-owns-a-holdings'), /40%\s*what-if/);
    const widths = await page.evaluate(() =>
      ['softbank-owns-a-holdings', 'naver-owns-a-holdings'].map((id) =>
        parseFloat(getComputedStyle(document.querySelector(`.own-edge[data-edge="${id}"] .own-edge-line`)).strokeWidth),
      ),
    );
    assert.ok(widths[0] > widths[1], `the bigger stake is the thicker line (${widths})`);
    // The other way: Naver takes control.
    await page.locator(OWNERSHIP.slider).fill('30');
    assert.equal(await param(page, 'stake'), '30');
    assert.match(await view.verdict(), /Naver Corp holds 70%/);
    // Back to the reported split drops the key.
    await page.getByRole('button', { name: 'Back to the reported 50:50' }).click();
    assert.equal(await param(page, 'stake'), null);
    assert.match(await view.verdict(), /jointly/);
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('a what-if drag, to and from the reported split too, changes two labels and two lines, moves nothing, and announces no selection again', async (t) => {
  const opened = await session.openPage('/?view=ownership&stake=51&select=softbank-owns-a-holdings');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const view = new OwnershipView(page);
    const geometry = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.own-node-box, .own-label-box')].map((el) =>
          ['x', 'y', 'width', 'height'].map((a) => el.getAttribute(a)).join(','),
        ),
      );
    const status = () => page.locator('#own-details p[role=status]').textContent();
    const before = { geometry: await geometry(), status: await status() };
    assert.match(before.status, /51%/, 'the status names the selected line as it was selected');
    const drag = (values) =>
      page.evaluate((values) => {
        const slider = document.querySelector('#own-stake');
        for (const value of values) {
          slider.value = String(value);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }, values);
    await drag([60, 75, 100, 0, 9, 50]);
    await view.whatIfCaughtUp();
    // The reported split: its labels say so, in the same place (the layout is one for all).
    assert.match(await view.labelText('softbank-owns-a-holdings'), /50%\s*as reported/);
    assert.match(await view.labelText('naver-owns-a-holdings'), /50%\s*as reported/);
    assert.deepEqual(await geometry(), before.geometry, 'at the reported split, no box or label moved or changed size');
    await drag([49]);
    await view.whatIfCaughtUp();
    assert.match(await view.labelText('softbank-owns-a-holdings'), /49%\s*what-if/);
    assert.match(await view.labelText('naver-owns-a-holdings'), /51%\s*what-if/);
    assert.deepEqual(await geometry(), before.geometry, 'no box or label moved or changed size');
    assert.equal(await status(), before.status, 'the live region did not change at each step');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('a panel built before is kept, shown again as it is, and caught up with the language and the what-if', async (t) => {
  const opened = await session.openPage('/?view=ownership');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const view = new OwnershipView(page);
    await view.node('softbank').click();
    assert.match(await view.detailsTitle(), /SoftBank Corp/);
    await page.locator(OWNERSHIP.shownDetails).evaluate((el) => { el.dataset.mark = 'first'; });
    await view.node('naver').click();
    assert.match(await view.detailsTitle(), /Naver Corp/);
    // One panel shown and labelling the aside; the one built before is hidden, out of the
    // accessibility tree, and carries no duplicate id.
    assert.equal(await page.locator(OWNERSHIP.shownDetails).count(), 1);
    assert.ok((await page.locator(OWNERSHIP.keptDetails).count()) >= 3, 'the hint, SoftBank, Naver at least');
    assert.equal(await page.locator('[id="own-details-title"]').count(), 1);
    const label = await page.locator(OWNERSHIP.details).evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby'))?.textContent);
    assert.match(label, /Naver Corp/);
    // Changed while SoftBank's panel is hidden: the language and the what-if.
    await page.locator(OWNERSHIP.slider).fill('60');
    await page.locator('button.lang-option[data-lang="ja"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    await view.node('softbank').click();
    await view.detailsCaughtUp();
    const shown = page.locator(OWNERSHIP.shownDetails);
    assert.equal(await shown.getAttribute('data-mark'), 'first', 'the panel built first is shown again, not rebuilt');
    const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
    const kept = await shown.evaluate(text);
    // The same as a panel built fresh in that state.
    const fresh = await session.openPage('/?view=ownership&select=softbank&stake=60&lang=ja');
    const built = await fresh.page.locator(OWNERSHIP.shownDetails).evaluate(text);
    await fresh.close();
    assert.match(kept, /60%/);
    assert.equal(kept, built);
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('once the reader goes on, every box and line has its panel built, hidden, before it is tapped', async (t) => {
  const opened = await session.openPage('/?view=ownership');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const view = new OwnershipView(page);
    const kept = page.locator(OWNERSHIP.keptDetails);
    // Not while the page loads: only the panel shown.
    await page.waitForTimeout(300);
    assert.equal(await kept.count(), 1, 'nothing built ahead before the reader goes on');
    await page.evaluate(() => dispatchEvent(new Event('scroll')));
    const selectable = (await view.nodeIds()).length + (await view.edgeIds()).length + 1;
    await page.waitForFunction(
      ({ sel, n }) => document.querySelectorAll(sel).length === n && document.documentElement.dataset.ready === '1',
      { sel: OWNERSHIP.keptDetails, n: selectable },
    );
    assert.equal(await page.locator(OWNERSHIP.shownDetails).count(), 1);
    const ly = page.locator(`${OWNERSHIP.keptDetails}[hidden][data-selection="ly"]`);
    await ly.evaluate((el) => { el.dataset.mark = 'ahead'; });
    await view.node('ly').click();
    await view.detailsCaughtUp();
    assert.equal(await page.locator(OWNERSHIP.shownDetails).getAttribute('data-mark'), 'ahead', 'the panel built ahead is shown');
    assert.match(await view.detailsTitle(), /LY Corporation/);
    assert.equal(await kept.count(), selectable, 'and nothing is built twice');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('a tap while panels are being built ahead never waits for one before its frame', async (t) => {
  // The reader going on starts the building ahead, while they are tapping: a panel built
  // between a tap and its frame (up to 30 ms on a slow phone) would hold that frame up.
  const opened = await session.openPage('/?view=ownership');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const trials = await page.evaluate(async ([details, nodes, kept]) => {
      const order = [];
      const watcher = new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) order.push(`built ${n.dataset.selection ?? ''}`);
      });
      watcher.observe(document.querySelector(details), { childList: true });
      const boxes = [...document.querySelectorAll(nodes)];
      dispatchEvent(new Event('scroll'));
      const trials = [];
      const total = boxes.length;
      for (let k = 0; k < 40; k += 1) {
        // Right after a frame, where a piece of work queued in it runs next.
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        order.length = 0;
        boxes[k % total].dispatchEvent(new MouseEvent('click', { bubbles: true }));
        order.push('tap');
        await new Promise((done) => requestAnimationFrame(() => { order.push('frame'); done(); }));
        trials.push([...order]);
      }
      watcher.disconnect();
      return { trials, built: document.querySelectorAll(kept).length };
    }, [OWNERSHIP.details, OWNERSHIP.anyNode, OWNERSHIP.keptDetails]);
    for (const order of trials.trials) {
      assert.deepEqual(order, ['tap', 'frame'], `a tap, then its frame, with no panel built between: ${order.join(', ')}`);
    }
    assert.ok(trials.built > 10, `panels were being built meanwhile (${trials.built})`);
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('a link with the slider state and a selection restores both', async (t) => {
  const opened = await session.openPage('/?view=ownership&select=softbank&stake=60');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const view = new OwnershipView(page);
    assert.equal(await page.locator(OWNERSHIP.slider).inputValue(), '60');
    assert.match(await view.verdict(), /SoftBank Corp controls LY/);
    assert.match(await view.detailsTitle(), /SoftBank Corp/);
    const details = await page.locator(OWNERSHIP.shownDetails).textContent();
    assert.match(details, /60% × 64\.4–64\.5% = 38\.64–38\.7%/);
    assert.match(details, /as reported: 50% × 64\.4–64\.5% = 32\.2–32\.25%/);
    assert.equal(await search(page), 'view=ownership&select=softbank&stake=60');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('a selected requirement highlights the ties it targets', async (t) => {
  const opened = await session.openPage('/?view=ownership&req=m-capital');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const highlighted = await page
      .locator(OWNERSHIP.highlightedLabel)
      .evaluateAll((els) => els.map((el) => el.dataset.edge).sort());
    assert.deepEqual(highlighted, ['a-holdings-owns-ly', 'naver-owns-a-holdings']);
    assert.ok(await page.locator(OWNERSHIP.requirementNotice).isVisible());
    await page.locator(OWNERSHIP.requirementNotice).getByRole('button', { name: 'Clear' }).click();
    assert.equal(await param(page, 'req'), null);
    assert.equal(await page.locator(OWNERSHIP.highlightedLabel).count(), 0);
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('the details link to what the ministry demanded', async (t) => {
  const opened = await session.openPage('/?view=ownership&select=a-holdings-owns-ly');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const hrefs = await page.locator(OWNERSHIP.requirementLink).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0);
    const params = new URLSearchParams(hrefs[0]);
    assert.equal(params.get('view'), 'guidance');
    assert.ok(params.get('req'));
  });
  await opened.close();
  const story = await session.openPage('/?select=a-holdings-owns-ly');
  await withShotOnFailure(story, `${t.name} (story)`, async ({ page }) => {
    const link = page.locator(OWNERSHIP.requirementLink).first();
    assert.match(await link.getAttribute('href'), /^#req-/);
    await link.click();
    assert.ok(await param(page, 'req'), 'following the link selects the requirement');
  });
  assertNoConsoleErrors(story);
  await story.close();
});

test('a what-if survives a reload once the address bar has caught up', async (t) => {
  const opened = await session.openPage('/?view=ownership');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    await page.locator(OWNERSHIP.slider).fill('70');
    assert.equal(await param(page, 'stake'), '70');
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('html[data-ready="1"] main#story', { state: 'attached' });
    assert.equal(await page.locator(OWNERSHIP.slider).inputValue(), '70', 'the reloaded page shows the what-if');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('"Download data" saves a BODS statement array with the disputed stake as a range', async (t) => {
  const opened = await session.openPage('/?view=ownership&stake=70');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(OWNERSHIP.download).click()]);
    assert.equal(download.suggestedFilename(), 'line-ownership-bods.json');
    const statements = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.ok(Array.isArray(statements) && statements.length > 0);
    for (const s of statements) {
      assert.ok(s.statementId.length >= 32 && s.statementId.length <= 64);
      assert.ok(['entity', 'relationship'].includes(s.recordType));
      assert.ok(s.source.assertedBy.length > 0, `${s.recordId} names its reports`);
    }
    const stake = statements.find((s) => s.recordId === 'a-holdings-owns-ly');
    assert.deepEqual(stake.recordDetails.interests[0].share, { minimum: 64.4, maximum: 64.5 });
    const softbank = statements.find((s) => s.recordId === 'softbank-owns-a-holdings');
    assert.deepEqual(softbank.recordDetails.interests[0].share, { exact: 50 }, 'the export is as reported, not the what-if');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

for (const [width, theme] of [
  [360, 'light'],
  [768, 'dark'],
  [1280, 'light'],
]) {
  test(`at ${width}px (${theme}) boxes and labels do not overlap and titles fit their boxes`, async (t) => {
    const opened = await session.openPage(`/?view=ownership&theme=${theme}`, { viewport: { width, height: 900 } });
    await withShotOnFailure(opened, t.name, async ({ page }) => {
      const view = new OwnershipView(page);
      const { nodes, labels, svg } = await view.geometry();
      const items = [...nodes, ...labels];
      const overlap = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
      const found = [];
      for (let i = 0; i < items.length; i += 1) {
        for (let j = i + 1; j < items.length; j += 1) {
          if (overlap(items[i].box, items[j].box)) found.push(`${items[i].id} × ${items[j].id}`);
        }
      }
      assert.deepEqual(found, [], 'overlapping boxes or labels');
      const overflowing = items
        .filter(({ box, text }) => text.x < box.x - 1 || text.x + text.w > box.x + box.w + 1)
        .map((i) => i.id);
      assert.deepEqual(overflowing, [], 'text wider than its box');
      assert.ok(svg.x >= 0 && svg.x + svg.w <= width + 0.5, `the diagram fits the ${width}px viewport`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= width, `no horizontal scrolling (${scrollWidth} > ${width})`);
      await opened.shot(`ownership-${width}-${theme}`);
    });
    assertNoConsoleErrors(opened);
    await opened.close();
  });
}

test('the text version stays below the diagram as the accessible alternative', async (t) => {
  const opened = await session.openPage('/?view=ownership');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const order = await page.evaluate(
      ({ svg, text }) => {
        const a = document.querySelector(svg);
        const b = document.querySelector(text);
        return Boolean(a && b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      },
      { svg: OWNERSHIP.svg, text: OWNERSHIP.textVersion },
    );
    assert.ok(order, 'the text version follows the diagram');
    assert.ok((await page.locator(`${OWNERSHIP.textVersion} button.cite`).count()) > 10);
  });
  await opened.close();
});

test('on a phone a tap brings the details into view, and leaves the page still when their top is on screen', async (t) => {
  const opened = await session.openPage('/?view=ownership', { viewport: { width: 360, height: 740 } });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const view = new OwnershipView(page);
    const title = page.locator(OWNERSHIP.detailsTitle);
    const detailsTop = () => page.locator(OWNERSHIP.details).evaluate((el) => el.getBoundingClientRect().top);
    const settle = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 50)))));
    // Off screen: the tap scrolls the details' top onto the screen.
    await page.evaluate(() => scrollTo(0, 0));
    await settle();
    assert.ok((await detailsTop()) > (await page.evaluate(() => innerHeight)), 'the details start below the screen');
    await view.node('softbank').click();
    await title.filter({ hasText: 'SoftBank' }).waitFor();
    await settle();
    const top = await detailsTop();
    assert.ok(top >= -1 && top < (await page.evaluate(() => innerHeight)), `the details' top is on screen (${top})`);

    // On screen, in the upper part, with a box above it: the tap changes the details in place.
    await page.evaluate((sel) => {
      const panel = document.querySelector(sel).getBoundingClientRect().top + scrollY;
      scrollTo(0, panel - innerHeight * 0.6);
    }, OWNERSHIP.details);
    await settle();
    const target = await page.evaluate((sel) => {
      const panelTop = document.querySelector(sel.details).getBoundingClientRect().top;
      const boxes = [...document.querySelectorAll(`${sel.anyNode}[tabindex]`)]
        .map((el) => ({ id: el.dataset.node, r: el.getBoundingClientRect() }))
        .filter(({ id, r }) => id !== 'softbank' && r.top >= 0 && r.bottom < panelTop);
      boxes.sort((a, b) => b.r.bottom - a.r.bottom);
      return boxes[0]?.id;
    }, { details: OWNERSHIP.details, anyNode: OWNERSHIP.anyNode });
    assert.ok(target, 'a box is on screen above the details');
    const before = await page.evaluate(() => scrollY);
    await view.node(target).click();
    await page.waitForFunction((sel) => !/SoftBank/.test(document.querySelector(sel)?.textContent ?? 'SoftBank'), OWNERSHIP.detailsTitle);
    await settle();
    assert.equal(await page.evaluate(() => scrollY), before, 'the page did not move');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});
