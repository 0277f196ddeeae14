/// <reference lib="dom" />
/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (which downloads
 * no browser). The report must open offline without a single error or request, draw a pie that
 * says what the JSON says, fit a phone, print, and show hostile tweet text as text.
 *
 * Without Chromium the suite is skipped, except under CI (which installs it): there it fails.
 * Set CHROMIUM_PATH to use another Chromium. `UPDATE_SCREENSHOTS=1 npx vitest run test/browser`
 * rewrites docs/screenshots/html-report{,-phone}.png and html-trend{,-phone}.png (a long trend); a
 * plain run writes nothing outside a temp dir.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBinary, sampleArchive, sharedArchives } from '../support/cli.js';
import { writeLongArchive, writeModernArchive } from '../support/long-archive.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const updateScreenshots = Boolean(process.env.UPDATE_SCREENSHOTS);
const screenshotDir = path.join(repoRoot, 'docs/screenshots');
const SCREENSHOT_BUDGET = 400 * 1024;
const HOOK_TIMEOUT = 30_000;
/** How long the long trend is: five and a half years, the length that once ran off the page. */
const LONG_MONTHS = 66;

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '"><svg onload=alert(1)>',
];

interface CategoryJson {
  count: number;
  share: number;
}
interface TrendJson {
  month: string;
  total: number;
  shares: Record<string, number>;
}
interface MonthJson {
  month: string;
  total: number;
  categories: Record<string, CategoryJson>;
  trend: TrendJson[];
}

/** Everything a page did that an offline, script-free report must never do. */
interface Watch {
  errors: string[];
  requests: string[];
  dialogs: string[];
}

async function open(context: BrowserContext, file: string): Promise<{ page: Page; watch: Watch }> {
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const watch: Watch = { errors: [], requests: [], dialogs: [] };
  page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (request.url() !== url) watch.requests.push(request.url());
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, watch };
}

/** A modern X archive (data/tweets.js + data/account.js) of the given texts, one a day in Nov 2024. */
function writeArchive(dir: string, texts: string[]): Promise<void> {
  return writeModernArchive(
    dir,
    texts.map((text, i) => ({
      id: String(1_855_000_000_000_000_000n + BigInt(i)),
      createdAt: `Sat Nov ${String(i + 2).padStart(2, '0')} 12:14:18 +0000 2024`,
      text,
    })),
  );
}

async function mustRun(args: string[]): Promise<string> {
  const result = await runBinary(args);
  if (result.code !== 0) throw new Error(`${result.command} exited ${result.code}:\n${result.stderr}`);
  return result.stdout;
}

if (!hasChromium && process.env.CI) {
  describe('HTML report in Chromium', () => {
    it('has a Chromium to run in', () => {
      throw new Error(
        `No Chromium at ${chromiumPath}. CI must install it (.ci/run: apt-get install -y chromium) ` +
          'or set CHROMIUM_PATH; outside CI this suite is skipped instead.',
      );
    });
  });
}

describe.skipIf(!hasChromium)('HTML report in Chromium', () => {
  let tmp: string;
  let browser: Browser;
  let desktop: BrowserContext;
  let sampleHtml: string;
  let hostileHtml: string;
  let json: MonthJson;
  let longHtml: string;
  let longTrend: TrendJson[];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'tweet-audit-browser-'));
    sampleHtml = path.join(tmp, 'report.html');
    const hostileArchive = path.join(tmp, 'hostile-archive');
    hostileHtml = path.join(tmp, 'hostile.html');
    await writeArchive(hostileArchive, [...HOSTILE, 'Lunch with the team: tacos & salsa']);
    const longArchive = path.join(tmp, 'long-archive');
    longHtml = path.join(tmp, 'long-trend.html');
    await writeLongArchive(longArchive, LONG_MONTHS);
    const [, jsonText, , , longJson] = await Promise.all([
      mustRun(['report', sampleArchive, '--format', 'html', '--out', sampleHtml]),
      mustRun(['report', sampleArchive, '--format', 'json']),
      // Four tweets, all in one month: --examples 5 shows every one of them.
      mustRun(['report', hostileArchive, '--format', 'html', '--examples', '5', '--tz', 'UTC', '--out', hostileHtml]),
      mustRun(['trend', longArchive, '--all', '--format', 'html', '--tz', 'UTC', '--out', longHtml]),
      mustRun(['trend', longArchive, '--all', '--format', 'json', '--tz', 'UTC']),
    ]);
    json = JSON.parse(jsonText) as MonthJson;
    longTrend = (JSON.parse(longJson) as { trend: TrendJson[] }).trend;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }, HOOK_TIMEOUT);

  it('notices errors, requests, dialogs and running scripts (the checks below can fail)', async () => {
    const canary = path.join(tmp, 'canary.html');
    await writeFile(
      canary,
      '<!DOCTYPE html><title>canary</title><img src="http://127.0.0.1:9/x.png">' +
        '<script>window.__pwned = 3; alert("hi"); throw new Error("boom")</script>',
    );
    const { page, watch } = await open(desktop, canary);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(3);
    expect(watch.requests).toEqual(['http://127.0.0.1:9/x.png']);
    expect(watch.dialogs).toEqual(['alert: hi']);
    expect(watch.errors.some((e) => e.includes('boom'))).toBe(true);
    await page.close();
  });

  it('opens offline: no error, no request beyond the file itself', async () => {
    const { page, watch } = await open(desktop, sampleHtml);
    expect(watch).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.close();
  });

  it("draws one pie slice per category with tweets, each at the JSON's share, where the share says", async () => {
    const { page } = await open(desktop, sampleHtml);
    const categories = Object.entries(json.categories);
    const withTweets = categories.filter(([, c]) => c.count > 0).map(([name]) => name);
    expect(withTweets.length).toBeGreaterThan(1);

    const slices = await page.locator('figure.pie svg path.slice').evaluateAll((elements) =>
      elements.map((e) => ({
        category: e.getAttribute('data-category') ?? '',
        share: Number(e.getAttribute('data-share')),
      })),
    );
    expect(slices).toHaveLength(withTweets.length);
    expect(new Set(slices.map((s) => s.category))).toEqual(new Set(withTweets));
    for (const slice of slices) {
      expect(slice.share, slice.category).toBeCloseTo(json.categories[slice.category]!.share, 3);
    }

    // The drawing itself: a point halfway along each category's arc (clockwise from 12 o'clock, in
    // the order of the JSON's categories, angles from counts), at half the radius, lies in that
    // category's slice and in no other.
    const probes: Array<{ category: string; turn: number }> = [];
    let start = 0;
    for (const [name, c] of categories) {
      if (c.count === 0) continue;
      const size = c.count / json.total;
      probes.push({ category: name, turn: start + size / 2 });
      start += size;
    }
    const hits = await page.locator('figure.pie svg').evaluate((svg, points) => {
      const box = (svg as SVGSVGElement).viewBox.baseVal;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      const d = Math.min(box.width, box.height) / 4;
      const paths = Array.from(svg.querySelectorAll<SVGPathElement>('path.slice'));
      return points.map(({ turn }) => {
        const point = new DOMPoint(cx + d * Math.sin(turn * 2 * Math.PI), cy - d * Math.cos(turn * 2 * Math.PI));
        return paths.filter((p) => p.isPointInFill(point)).map((p) => p.getAttribute('data-category'));
      });
    }, probes);
    expect(hits).toEqual(probes.map((p) => [p.category]));

    for (const slice of await page.locator('figure.pie svg path.slice').all()) {
      const box = await slice.boundingBox();
      expect(box && box.width * box.height).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('names the month and its n, and stacks one bar per trend month', async () => {
    const { page } = await open(desktop, sampleHtml);
    const text = await page.locator('body').innerText();
    expect(text).toContain(json.month);
    expect(text).toContain(`n = ${json.total}`);

    // The HTML trend ends at the reported month (the JSON's trend runs to the archive's end) and
    // shows at most the last 12 months.
    const trend = json.trend.filter((p) => p.month <= json.month).slice(-12);
    expect(trend.length).toBeGreaterThanOrEqual(2);
    await expect(page.locator('.trend-chart svg.trend-svg').isVisible()).resolves.toBe(true);
    const bars = await page.locator('.trend-chart svg rect[data-month]').evaluateAll((elements) =>
      elements.map((e) => ({
        month: e.getAttribute('data-month') ?? '',
        category: e.getAttribute('data-category'),
        share: Number(e.getAttribute('data-share')),
      })),
    );
    expect([...new Set(bars.map((b) => b.month))]).toEqual(trend.map((p) => p.month));
    for (const bar of bars) {
      const point = trend.find((p) => p.month === bar.month)!;
      if (point.total === 0) continue;
      expect(bar.share, `${bar.month} ${bar.category}`).toBeCloseTo(point.shares[bar.category!]!, 3);
    }
    await page.close();
  });

  it('fits a 390x844 phone without sideways scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { page, watch } = await open(phone, sampleHtml);
    const widths = await page.evaluate(() => ({
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      // The breakdown is the table a reader came for: it must fit without its own scrollbar.
      breakdown: (() => {
        const wrap = document.querySelector('table.breakdown')!.parentElement!;
        return { scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth };
      })(),
    }));
    expect(widths.innerWidth).toBe(390);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.innerWidth + 1);
    expect(widths.breakdown.scrollWidth).toBeLessThanOrEqual(widths.breakdown.clientWidth + 1);
    await expect(page.locator('figure.pie svg').isVisible()).resolves.toBe(true);
    expect(watch).toEqual({ errors: [], requests: [], dialogs: [] });
    await phone.close();
  });

  /** Where the long trend's parts sit in a window of the given width. */
  async function measureLongTrend(file: string, width: number, height: number) {
    const context = await browser.newContext({
      viewport: { width, height },
      isMobile: width < 600,
      hasTouch: width < 600,
    });
    const { page, watch } = await open(context, file);
    const measured = await page.evaluate(() => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width };
      };
      const chart = document.querySelector('.trend-chart')!;
      const bars = Array.from(chart.querySelectorAll('rect[data-month]')).map((e) => ({
        month: e.getAttribute('data-month')!,
        ...box(e),
      }));
      const labels = Array.from(chart.querySelectorAll('text[data-month]'))
        .filter((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0)
        .map((e) => ({ month: e.getAttribute('data-month')!, ...box(e) }));
      // Every box that scrolls sideways, and whether it shows that it does (a shadow at the edge).
      const scrolling = Array.from(document.querySelectorAll('body *'))
        .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
        .map((e) => ({
          what: `${e.tagName.toLowerCase()}.${e.className}`,
          cue: getComputedStyle(e).backgroundAttachment.includes('local'),
        }));
      return {
        innerWidth: window.innerWidth,
        scrollWidth: document.documentElement.scrollWidth,
        chart: { ...box(chart), scrollWidth: chart.scrollWidth, clientWidth: chart.clientWidth },
        table: (() => {
          const wrap = document.querySelector('table.trend-table')!.parentElement!;
          return { scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth };
        })(),
        bars,
        labels,
        scrolling,
      };
    });
    await context.close();
    return { ...measured, watch };
  }

  /**
   * The long trend at one window width: nothing sideways but tables that say they scroll, the chart
   * as wide as the page, one column per month in order, the latest month and its name on screen.
   */
  async function checkLongTrend(file: string, months: string[], width: number, height: number): Promise<void> {
    const m = await measureLongTrend(file, width, height);
    expect(m.watch).toEqual({ errors: [], requests: [], dialogs: [] });
    expect(m.innerWidth).toBe(width);
    expect(m.scrollWidth).toBeLessThanOrEqual(m.innerWidth + 1);
    // The chart itself never scrolls: every month is on screen at once.
    expect(m.chart.scrollWidth).toBeLessThanOrEqual(m.chart.clientWidth + 1);
    // Whatever scrolls sideways (a wide table on a phone) says so; on a desktop nothing does.
    for (const s of m.scrolling) expect(s.cue, s.what).toBe(true);
    if (width >= 1000) expect(m.scrolling).toEqual([]);
    // The month-by-month table fits too, even on a phone: its long headers break with a hyphen.
    expect(m.table.scrollWidth).toBeLessThanOrEqual(m.table.clientWidth + 1);

    const columns = months.map((month) => {
      const parts = m.bars.filter((b) => b.month === month);
      expect(parts.length, month).toBeGreaterThan(0);
      return { month, left: Math.min(...parts.map((b) => b.left)), right: Math.max(...parts.map((b) => b.right)) };
    });
    // Fills the width: the columns run from the axis labels on the left to the chart's right edge.
    expect(columns[0]!.left - m.chart.left).toBeLessThan(60);
    expect(m.chart.right - columns.at(-1)!.right).toBeLessThan(30);
    // One visible column per month, in order, none on top of the next.
    for (const [i, column] of columns.entries()) {
      expect(column.right - column.left, column.month).toBeGreaterThanOrEqual(2);
      if (i > 0) expect(column.left, column.month).toBeGreaterThanOrEqual(columns[i - 1]!.right);
    }
    // The latest month, the one being audited, is on screen with its name under it.
    const latest = columns.at(-1)!;
    expect(latest.month).toBe(months.at(-1));
    expect(latest.left).toBeGreaterThanOrEqual(0);
    expect(latest.right).toBeLessThanOrEqual(Math.min(m.innerWidth, m.chart.right) + 1);
    const label = m.labels.find((l) => l.month === latest.month);
    expect(label, `label of ${latest.month}`).toBeDefined();
    expect(label!.right).toBeLessThanOrEqual(m.innerWidth);
    // Enough month names to read the axis, spaced so that the slanted names do not touch.
    expect(m.labels.length).toBeGreaterThanOrEqual(5);
    const ends = m.labels.map((l) => l.right).sort((a, b) => a - b);
    for (let i = 1; i < ends.length; i++) expect(ends[i]! - ends[i - 1]!).toBeGreaterThanOrEqual(15);
  }

  const WINDOWS = [
    [1280, 900],
    [390, 844],
  ] as const;
  for (const [width, height] of WINDOWS) {
    it(`fits a ${LONG_MONTHS}-month trend into ${width} px: the chart fills the width and shows the latest month`, async () => {
      expect(longTrend).toHaveLength(LONG_MONTHS);
      await checkLongTrend(
        longHtml,
        longTrend.map((p) => p.month),
        width,
        height,
      );
    });
  }

  // A real archive's 70 months, many of them empty, when ../shared/archives is there.
  const realArchive = path.join(sharedArchives, 'alrocar-2024');
  for (const [width, height] of WINDOWS) {
    it.runIf(existsSync(realArchive))(`fits alrocar-2024's trend into ${width} px`, async () => {
      const html = path.join(tmp, `alrocar-${width}.html`);
      const [, jsonText] = await Promise.all([
        mustRun(['trend', realArchive, '--all', '--format', 'html', '--out', html]),
        mustRun(['trend', realArchive, '--all', '--format', 'json']),
      ]);
      const months = (JSON.parse(jsonText) as { trend: TrendJson[] }).trend.map((p) => p.month);
      expect(months.length).toBeGreaterThan(60);
      await checkLongTrend(html, months, width, height);
    });
  }

  it('prints: the pie stays in print media and page.pdf() gives at least one page', async () => {
    const { page, watch } = await open(desktop, sampleHtml);
    await page.emulateMedia({ media: 'print' });
    const pie = page.locator('figure.pie svg');
    await expect(pie.isVisible()).resolves.toBe(true);
    const box = await pie.boundingBox();
    expect(box && box.width * box.height).toBeGreaterThan(0);
    expect(await page.locator('figure.pie svg path.slice').count()).toBeGreaterThan(0);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(watch).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.close();
  });

  it('shows hostile tweet text as text: nothing runs, no dialog, the strings appear literally', async () => {
    const source = await readFile(hostileHtml, 'utf8');
    expect(source).not.toMatch(/<script|<img|<svg onload/iu);
    const { page, watch } = await open(desktop, hostileHtml);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(watch).toEqual({ errors: [], requests: [], dialogs: [] });
    const examples = await page.locator('.examples li').allInnerTexts();
    for (const text of HOSTILE) expect(examples.some((item) => item.endsWith(` ${text}`))).toBe(true);
    const body = await page.locator('body').innerText();
    for (const text of HOSTILE) expect(body).toContain(text);
    expect(await page.locator('main img, main script, main svg[onload]').count()).toBe(0);
    await page.close();
  });

  it.runIf(updateScreenshots)('writes docs/screenshots/html-report.png and html-report-phone.png', async () => {
    await mkdir(screenshotDir, { recursive: true });
    // Desktop: the first two screens of a 1280 px wide window, scaled to 0.75; the whole page
    // (examples, engagement, trend) has grown past the budget.
    const wide = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 0.75 });
    const { page: desk } = await open(wide, sampleHtml);
    const deskPng = await desk.screenshot({
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 900 * 2 },
      animations: 'disabled',
    });
    await wide.close();
    // Phone: the first two screens (month header, pie, breakdown) at 390x844.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { page: mobile } = await open(phone, sampleHtml);
    const phonePng = await mobile.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: 390, height: 844 * 2 } });
    await phone.close();
    for (const [name, png] of [
      ['html-report.png', deskPng],
      ['html-report-phone.png', phonePng],
    ] as const) {
      expect(png.length, name).toBeLessThan(SCREENSHOT_BUDGET);
      await writeFile(path.join(screenshotDir, name), png);
    }
  });

  it.runIf(updateScreenshots)('writes docs/screenshots/html-trend.png and html-trend-phone.png', async () => {
    // The first screen of the long trend: the chart and the top of its table, at 1280 and 390 px.
    const shots: Array<[string, Buffer]> = [];
    for (const [name, options] of [
      ['html-trend.png', { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 0.75 }],
      ['html-trend-phone.png', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
    ] as const) {
      const context = await browser.newContext(options);
      const { page } = await open(context, longHtml);
      shots.push([name, await page.screenshot({ animations: 'disabled' })]);
      await context.close();
    }
    for (const [name, png] of shots) {
      expect(png.length, name).toBeLessThan(SCREENSHOT_BUDGET);
      await writeFile(path.join(screenshotDir, name), png);
    }
  });
});
