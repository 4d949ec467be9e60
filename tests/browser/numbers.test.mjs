// The numbers (three charts from the model, each with a table and a CSV) and the
// timeline (every dated event, cited, linked, and walkable by keyboard).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoConsoleErrors, useSession, withShotOnFailure } from './browser.mjs';
import { NUMBERS, TIMELINE, loadContent } from './page.mjs';

const session = useSession();

/** Each chart's id, SVG width, aria-label and text, and its table's caption. */
function readCharts(page) {
  return page.locator(NUMBERS.chart).evaluateAll(
    (figures, sel) =>
      figures.map((figure) => {
        const svg = figure.querySelector(sel.svg);
        return {
          id: figure.id,
          caption: figure.querySelector('figcaption')?.textContent.trim() ?? '',
          svgWidth: svg ? svg.getBoundingClientRect().width : 0,
          svgAttrWidth: svg ? Number(svg.getAttribute('width')) : 0,
          label: svg?.getAttribute('aria-label') ?? '',
          text: svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()).join('\n') : '',
          fills: svg ? [...new Set([...svg.querySelectorAll('text')].map((t) => t.getAttribute('fill')))] : [],
          tableCaption: figure.querySelector(`${sel.table} caption`)?.textContent.trim() ?? '',
          tableRows: figure.querySelectorAll(`${sel.table} tbody tr`).length,
          uncited: [...figure.querySelectorAll(`${sel.table} span.figure`)].filter(
            (span) => !span.parentElement.querySelector('button.cite'),
          ).length,
          fitsWidth: figure.scrollWidth <= figure.clientWidth + 1,
        };
      }),
    { svg: NUMBERS.svg, table: NUMBERS.table },
  );
}

test('the three charts render from the model, each with a cited data table', async (t) => {
  const opened = await session.openPage('/?view=numbers');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const charts = await readCharts(page);
    assert.deepEqual(
      charts.map((c) => c.id),
      ['chart-users-by-country', 'chart-leaked-items', 'chart-japan-users'],
    );
    for (const chart of charts) {
      assert.ok(chart.label.length > 40, `${chart.id}: the SVG has a summary aria-label`);
      assert.ok(chart.caption, `${chart.id}: has a caption`);
      assert.ok(chart.tableCaption.startsWith('Data: '), `${chart.id}: has a data table with a caption`);
      assert.ok(chart.tableRows > 0, `${chart.id}: the table has rows`);
      assert.equal(chart.uncited, 0, `${chart.id}: every value in the table is cited`);
    }
    const [countries, leaked, japan] = charts;
    for (const label of ['Japan', 'Thailand', 'Taiwan', 'Indonesia', 'Rest of the world', '93 million', '18 million', 'Analysis']) {
      assert.ok(countries.text.includes(label), `users by country shows "${label}"`);
    }
    for (const label of ['440,000 items', '510,000 items', '520,000 items']) {
      assert.ok(leaked.text.includes(label), `leaked items shows "${label}"`);
    }
    assert.ok(leaked.caption.includes('reports differ'), 'the leaked-items chart says the reports differ');
    for (const label of ['93 million', '95 million', '96 million']) {
      assert.ok(japan.text.includes(label), `users in Japan shows "${label}"`);
    }
    await opened.shot('numbers_desktop');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('charts are drawn for a 360 px phone and redrawn when the window widens', async (t) => {
  const opened = await session.openPage('/?view=numbers', { viewport: { width: 360, height: 800 } });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const narrow = await readCharts(page);
    for (const chart of narrow) {
      assert.ok(chart.svgAttrWidth <= 344 && chart.svgAttrWidth >= 280, `${chart.id}: drawn ${chart.svgAttrWidth} px wide`);
      assert.ok(chart.fitsWidth, `${chart.id}: nothing sticks out sideways`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow}px too wide)`);
    await opened.shot('numbers_phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(
      (sel) => Number(document.querySelector(`${sel.chart} ${sel.svg}`).getAttribute('width')) > 600,
      { chart: NUMBERS.chart, svg: NUMBERS.svg },
    );
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('charts follow the dark theme', async (t) => {
  const opened = await session.openPage('/?view=numbers&theme=dark');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const charts = await readCharts(page);
    for (const chart of charts) {
      assert.ok(!chart.fills.includes('#1A1A1A'), `${chart.id}: no dark ink on the dark background`);
      assert.ok(chart.fills.includes('#ECEBE8'), `${chart.id}: light ink (${chart.fills})`);
    }
    await opened.shot('numbers_dark');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('each chart downloads its data as CSV', async (t) => {
  const opened = await session.openPage('/?view=numbers');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const chart = page.locator(NUMBERS.chartById('leaked-items'));
    const [download] = await Promise.all([page.waitForEvent('download'), chart.locator(NUMBERS.csv).click()]);
    assert.equal(download.suggestedFilename(), 'line-breach-leaked-items.csv');
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    assert.equal(lines[0], 'row,value,unit,qualifier,as_of,derived,report,quote');
    for (const value of ['440000', '510000', '520000']) {
      assert.ok(lines.some((l) => l.includes(`,${value},items,`)), `the CSV holds ${value}`);
    }
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('the timeline holds every event, each dated, cited and linked to its section', async (t) => {
  const opened = await session.openPage('/');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const content = await loadContent('events.json');
    const events = await page.locator(TIMELINE.event).evaluateAll((items, sel) =>
      items.map((li) => ({
        id: li.id.replace(/^event-/, ''),
        date: li.querySelector('time')?.getAttribute('datetime') ?? null,
        undated: li.querySelector('.undated')?.textContent.trim() ?? null,
        cited: Boolean(li.querySelector('button.cite')),
        href: li.querySelector(sel.sectionLink)?.getAttribute('href') ?? null,
      })),
      { sectionLink: TIMELINE.sectionLink },
    );
    assert.equal(events.length, content.events.length, 'every event of content/events.json');
    for (const event of events) {
      const source = content.events.find((e) => e.id === event.id);
      assert.ok(source, `${event.id} comes from the content`);
      if (source.date) assert.equal(event.date, source.date, `${event.id} is dated as reported`);
      else assert.ok(event.undated, `${event.id} says how the reports date it`);
      assert.ok(event.cited, `${event.id} is cited`);
      assert.equal(event.href, `#${source.section}`, `${event.id} links to its section`);
    }
    const dated = events.filter((e) => e.date).map((e) => e.date);
    assert.deepEqual(dated, [...dated].sort(), 'dated events in time order');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('arrow keys, Home and End move between timeline events', async (t) => {
  const opened = await session.openPage('/?view=timeline', { viewport: { width: 360, height: 800 } });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const items = page.locator(TIMELINE.event);
    const count = await items.count();
    const tabbable = await items.evaluateAll((els) => els.filter((el) => el.tabIndex === 0).length);
    assert.equal(tabbable, 1, 'the list is one tab stop');
    const focused = () => page.evaluate(() => document.activeElement?.id ?? null);
    const ids = await items.evaluateAll((els) => els.map((el) => el.id));
    await items.first().focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), ids[1]);
    await page.keyboard.press('End');
    assert.equal(await focused(), ids[count - 1]);
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), ids[count - 2]);
    await page.keyboard.press('Home');
    assert.equal(await focused(), ids[0]);
    // In a single view the section links open that view.
    const href = await items.first().locator(TIMELINE.sectionLink).getAttribute('href');
    assert.equal(new URLSearchParams(href).get('view'), 'breach');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow}px too wide)`);
    await opened.shot('timeline_phone');
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('on a wide screen the time scale shows the dated events and leads to each in the list', async (t) => {
  const opened = await session.openPage('/?view=timeline');
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    const content = await loadContent('events.json');
    const bars = page.locator(TIMELINE.scaleBar);
    assert.equal(await bars.count(), content.events.filter((e) => e.date).length, 'one bar per dated event');
    assert.equal(await page.locator(TIMELINE.scale).getAttribute('aria-hidden'), 'true', 'the list is the accessible version');
    await bars.last().click();
    const focused = await page.evaluate(() => document.activeElement?.id ?? null);
    assert.equal(focused, 'event-deadline-july-1');
    assert.ok(await bars.last().evaluate((el) => el.classList.contains('active')));
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});

test('on a phone the time scale gives way to the list', async (t) => {
  const opened = await session.openPage('/?view=timeline', { viewport: { width: 360, height: 800 } });
  await withShotOnFailure(opened, t.name, async ({ page }) => {
    assert.equal(await page.locator(TIMELINE.scale).isVisible(), false);
  });
  assertNoConsoleErrors(opened);
  await opened.close();
});
