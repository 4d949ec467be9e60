// The guidance view: every requirement with status and citation, filters, and the
// selection that travels to the ownership and breach diagrams through the URL.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoConsoleErrors, settledSearch, useSession, withShotOnFailure } from './browser.mjs';
import { GUIDANCE, GuidanceView, loadContent } from './page.mjs';

const session = useSession();

async function requirements() {
  const content = await loadContent('guidance.json');
  assert.ok(content?.requirements?.length, 'content/guidance.json lists requirements');
  return content.requirements;
}

test('every requirement and bullet of both guidances is shown with status and citation', async (t) => {
  const opened = await session.openPage('/?view=guidance');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const all = await requirements();
    const view = new GuidanceView(page);
    for (const r of all) {
      const card = view.requirement(r.id);
      assert.equal(await card.count(), 1, `requirement ${r.id} is on the page`);
      assert.ok(await card.isVisible(), `requirement ${r.id} is visible`);
      const status = (await card.locator(GUIDANCE.status).first().textContent()).trim();
      assert.ok(status, `requirement ${r.id} shows a status`);
      assert.equal(await card.getAttribute('data-status'), r.status, `requirement ${r.id} has its content status`);
      assert.equal(await card.locator(GUIDANCE.textCite).count(), 1, `requirement ${r.id} is cited`);
      const text = await card.textContent();
      assert.ok(text.includes(r.response.en), `requirement ${r.id} says what LY's report said`);
    }
    const section = page.locator(GUIDANCE.section);
    const sectionText = await section.textContent();
    assert.ok(sectionText.includes('Regarding Thorough Protection of Communications Secrecy and Ensuring Cybersecurity'));
    assert.ok(sectionText.includes('Telecommunications Business Act'));
    assert.ok(sectionText.includes('Report due: 1 July 2024'));
    for (const number of ['(1)', '(2)', '(3)']) {
      assert.ok(sectionText.includes(number), `April measure ${number} is numbered`);
    }
    assert.equal(await page.locator(GUIDANCE.filterCount).textContent(), `Showing all ${all.length} requirements`);
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('selecting a requirement sets req, marks it selected and lists what it targets', async (t) => {
  const opened = await session.openPage('/?view=guidance');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const view = new GuidanceView(page);
    await view.select('a-1-plans');
    assert.match(await settledSearch(page), /[?&]req=a-1-plans(&|$)/);
    const card = view.requirement('a-1-plans');
    assert.equal(await card.locator(GUIDANCE.select).getAttribute('aria-pressed'), 'true');
    assert.ok(await card.evaluate((el) => el.classList.contains('selected')));
    assert.ok((await card.textContent()).includes('Selected'), 'the selection is said in words, not colour only');
    const targets = await view.targetsOf('a-1-plans');
    assert.deepEqual(targets.targetedHops, ['shared-to-ly']);
    assert.deepEqual(targets.relations.map((r) => r.id), ['shared-internal-system']);
    assert.deepEqual(targets.controls, ['network-separation']);

    // Selecting another moves the selection; pressing it again clears it.
    await view.select('m-capital');
    assert.match(await settledSearch(page), /[?&]req=m-capital(&|$)/);
    assert.equal(await card.locator(GUIDANCE.targets).count(), 0, 'the earlier panel closes');
    await view.select('m-capital');
    assert.doesNotMatch(await settledSearch(page), /req=/);
    await opened.shot('guidance_selected');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('in a single view a target opens the other diagram with the edge selected, keeping req', async (t) => {
  const opened = await session.openPage('/?view=guidance&req=m-capital&embed=1');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const view = new GuidanceView(page);
    const targets = await view.targetsOf('m-capital');
    const stake = targets.relations.find((r) => r.id === 'a-holdings-owns-ly');
    assert.ok(stake, 'the capital review targets the A Holdings stake');
    const params = new URLSearchParams(stake.href);
    assert.equal(params.get('view'), 'ownership');
    assert.equal(params.get('select'), 'a-holdings-owns-ly');
    assert.equal(params.get('req'), 'm-capital');
    assert.equal(params.get('embed'), '1', 'an embed stays an embed');
    await page.locator(`${GUIDANCE.relationTarget}[data-relation="a-holdings-owns-ly"] a`).click();
    await page.waitForURL(/view=ownership/);
    await page.waitForSelector('html[data-ready="1"] main#story[data-view="ownership"]');
    const search = new URLSearchParams(await settledSearch(page));
    assert.equal(search.get('req'), 'm-capital');
    assert.equal(search.get('select'), 'a-holdings-owns-ly');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('in a single view a breach target opens the step that crosses the link', async (t) => {
  const opened = await session.openPage('/?view=guidance&req=a-1-plans');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const href = await page.locator(`${GUIDANCE.hop}[data-link="shared-to-ly"] a`).getAttribute('href');
    const params = new URLSearchParams(href);
    assert.equal(params.get('view'), 'breach');
    assert.equal(params.get('req'), 'a-1-plans');
    assert.equal(params.get('link'), 'shared-to-ly');
    assert.ok(Number(params.get('step')) > 1, 'the step that crosses the link');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('on the story page a target scrolls to the diagram and selects the edge there', async (t) => {
  const opened = await session.openPage('/?req=m-capital');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const link = page.locator(`[id="req-m-capital"] ${GUIDANCE.relationTarget}[data-relation="a-holdings-owns-ly"] a`);
    assert.equal(await link.getAttribute('href'), '#ownership');
    await link.click();
    await page.waitForFunction(() => location.hash === '#ownership');
    const search = new URLSearchParams(await settledSearch(page));
    assert.equal(search.get('select'), 'a-holdings-owns-ly');
    assert.equal(search.get('req'), 'm-capital');
    const top = await page.locator('section#ownership').evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(Math.abs(top) < 50, `the ownership section is scrolled into view (top ${top})`);
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('on the story page a breach target opens the step that crosses the link and selects it', async (t) => {
  const opened = await session.openPage('/?req=a-1-plans');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const link = page.locator(`[id="req-a-1-plans"] ${GUIDANCE.hop}[data-link="shared-to-ly"] a`);
    assert.equal(await link.getAttribute('href'), '#breach');
    await link.click();
    await page.waitForFunction(() => location.hash === '#breach');
    const search = new URLSearchParams(await settledSearch(page));
    assert.equal(search.get('link'), 'shared-to-ly');
    assert.equal(search.get('step'), '4');
    assert.equal(search.get('req'), 'a-1-plans');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('a link selected on the breach path lists the requirements aimed at it', async (t) => {
  const opened = await session.openPage('/?view=guidance&link=shared-to-ly');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const notice = page.locator(GUIDANCE.aimedAt);
    assert.ok((await notice.textContent()).includes('Selected on the breach path'));
    const listed = await notice.locator('li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(listed.includes('#req-a-1-plans'), `${listed}`);
    await notice.getByRole('button', { name: 'Clear the diagram selection' }).click();
    // The list follows the diagrams' selection a frame behind (AppState::picked_behind).
    await notice.waitFor({ state: 'detached', timeout: 2000 }).catch(() => {});
    assert.equal(await notice.count(), 0);
    assert.doesNotMatch(await settledSearch(page), /link=/);
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('an edge selected in the ownership diagram lists the requirements aimed at it', async (t) => {
  const opened = await session.openPage('/?view=guidance&select=a-holdings-owns-ly');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const notice = page.locator(GUIDANCE.aimedAt);
    assert.ok(await notice.isVisible());
    const listed = await notice.locator('li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const id of ['m-capital', 'a-2-capital']) {
      assert.ok(listed.includes(`#req-${id}`), `${id} is listed as aimed at the A Holdings stake`);
      assert.ok(await page.locator(`[id="req-${id}"]`).evaluate((el) => el.classList.contains('aimed')));
    }
    await notice.locator('a[href="#req-a-2-capital"]').click();
    assert.match(await settledSearch(page), /[?&]req=a-2-capital(&|$)/);
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('filters narrow the list, announce the count and clear back to every requirement', async (t) => {
  const opened = await session.openPage('/?view=guidance', { viewport: { width: 360, height: 800 } });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const all = await requirements();
    const view = new GuidanceView(page);
    const count = page.locator(GUIDANCE.filterCount);
    assert.equal(await count.getAttribute('role'), 'status', 'the count is a polite live region');

    await page.locator(GUIDANCE.statusChip('over-two-years')).click();
    assert.equal(await page.locator(GUIDANCE.statusChip('over-two-years')).getAttribute('aria-pressed'), 'true');
    assert.equal(await count.textContent(), `Showing 1 of ${all.length} requirements`);
    // The matching bullet, under its measure shown as context.
    assert.deepEqual(await view.visibleRequirementIds(), ['a-1', 'a-1-plans']);

    await page.locator(GUIDANCE.themeChip('governance')).click();
    assert.equal(await count.textContent(), `Showing 0 of ${all.length} requirements`);

    await page.locator(GUIDANCE.clearFilters).click();
    assert.equal(await count.textContent(), `Showing all ${all.length} requirements`);
    assert.equal((await view.visibleRequirementIds()).length, all.length);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow}px too wide)`);
    await opened.shot('guidance_phone');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});
