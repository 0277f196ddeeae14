import { CATEGORIES, FLAGS, type Category } from '../../classify/taxonomy.js';
import { subcategoryEntries } from '../breakdown.js';
import { LOW_VOLUME_THRESHOLD } from '../constants.js';
import { escapeHtml } from '../escape.js';
import { formatPercent, formatPoints, plural } from '../format.js';
import { renderPieSlices } from '../pie-svg.js';
import type { AuditReport, MonthReport, PeriodReport, Review, TrendPoint } from '../types.js';
import {
  activityLines,
  topAsShown,
  archiveLine,
  CATEGORY_HEX,
  emptyInPeriod,
  guessLines,
  oneLine,
  periodShown,
  periodSparklines,
  permalink,
  selectTrend,
  SHOWN_FLAGS,
  shownObservations,
  shownTweets,
  type RenderOptions,
} from './shared.js';
import type { ReportAccount, ShownTweet } from '../types.js';

// Inline only: the file must open offline, print, and fit a phone. The CSP below forbids every
// script and every network fetch, so even a bug in escaping could not run code or load anything.
const CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
main { max-width: 960px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 32px 0 4px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 24px 0 8px; }
.meta { color: var(--muted); margin: 0 0 12px; }
.warning { border-left: 4px solid var(--warn); background: #fff8c5; padding: 8px 12px; }
.guess { color: var(--warn); margin: 0 0 4px; }
.overview { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.pie { margin: 0; flex: 0 1 260px; }
.pie svg { width: 100%; max-width: 260px; height: auto; display: block; }
.legend { list-style: none; padding: 0; margin: 8px 0 0; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; }
/* A table too wide for the screen scrolls in its frame; a shadow on the side with more says so.
   The white layers scroll with the table and cover the shadow once an edge is reached. */
.table-wrap {
  flex: 1 1 380px;
  overflow-x: auto;
  background:
    linear-gradient(to right, #fff 40%, #fff0) left / 24px 100% no-repeat local,
    linear-gradient(to left, #fff 40%, #fff0) right / 24px 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, #0003, #0000) left / 12px 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, #0003, #0000) right / 12px 100% no-repeat scroll;
}
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr.category td { font-weight: 600; }
tr.sub td:first-child { padding-left: 24px; color: var(--muted); }
.bar-cell { width: 30%; min-width: 48px; }
.bar { display: inline-block; height: 10px; }
dt { font-weight: 600; margin-top: 12px; }
dd { margin: 4px 0 0 0; }
.ids { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
.tweets { margin: 0; padding-left: 1.1em; overflow-wrap: anywhere; }
pre.activity { max-width: 100%; overflow-x: auto; margin: 0; }
.tweets time { font-variant-numeric: tabular-nums; color: #59636e; white-space: nowrap; }
blockquote { margin: 4px 0 12px; padding-left: 12px; border-left: 3px solid var(--line); overflow-wrap: anywhere; }
.trend-chart { margin: 0; }
/* Room on the left for the axis's percentages, which are drawn outside the chart's box. */
svg.trend-svg { display: block; width: calc(100% - 44px); margin-left: 40px; overflow: visible; }
@media (max-width: 719px) { .trend-chart .minor { display: none; } }
footer { color: var(--muted); margin-top: 40px; font-size: 0.85rem; }
.trend-table td:first-child { white-space: nowrap; }
.trend-table th.n { white-space: normal; }
.spark { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; white-space: nowrap; letter-spacing: 1px; }
@media (max-width: 600px) { body { font-size: 14px; } main { padding: 10px; } th, td { padding: 3px 4px; } .breakdown .bar-cell { display: none; } }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  section.month + section.month { break-before: page; }
  table, figure, .overview, dl { break-inside: avoid; }
}
`.trim();

function swatch(color: string): string {
  return `<span class="swatch" style="background:${color}"></span>`;
}

function renderPieFigure(month: Review, title: string): string {
  const legend = CATEGORIES.map((category) => {
    const c = month.categories[category];
    return `<li>${swatch(CATEGORY_HEX[category])}${category} ${formatPercent(c.share, 1)} (${c.count})</li>`;
  }).join('');
  return [
    '<figure class="pie">',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 220 220" role="img" aria-label="Tweets by category, ${escapeHtml(title)}, n=${month.total}">`,
    renderPieSlices(month, 110, 110, 100),
    '</svg>',
    `<figcaption><ul class="legend">${legend}</ul></figcaption>`,
    '</figure>',
  ].join('\n');
}

/** The breakdown table; a period's has no change column (its trend says how the months moved). */
function renderBreakdownTable(month: Review, withChange: boolean): string {
  const rows: string[] = [];
  const cells = (name: string, count: number, share: number, change: number | null, color: string, cls: string) =>
    `<tr class="${cls}"><td>${name}</td><td class="n">${count}</td><td class="n">${formatPercent(share, 1)}</td>${withChange ? `<td class="n">${formatPoints(change)}</td>` : ''}` +
    `<td class="bar-cell"><span class="bar" style="width:${(share * 100).toFixed(1)}%;background:${color}"></span></td></tr>`;
  for (const category of CATEGORIES) {
    const c = month.categories[category];
    rows.push(cells(category, c.count, c.share, c.changePoints, CATEGORY_HEX[category], 'category'));
    for (const [sub, s] of subcategoryEntries(month.categories, category)) {
      rows.push(cells(sub, s.count, s.share, s.changePoints, `${CATEGORY_HEX[category]}99`, 'sub'));
    }
  }
  return [
    '<div class="table-wrap"><table class="breakdown">',
    `<thead><tr><th>Category</th><th class="n">Count</th><th class="n">Share</th>${withChange ? '<th class="n">Change (pts)</th>' : ''}<th class="bar-cell">Bar</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table></div>',
  ].join('\n');
}

/** The listed tweets with their local time, each a link to its page where there is one. */
function tweetList(
  tweets: readonly ShownTweet[],
  count: number,
  account: ReportAccount | undefined,
  limit?: number,
): string {
  const { tweets: shown, more } = shownTweets(tweets, count, limit);
  const items = shown.map((t) => {
    const url = permalink(account, t);
    const text = escapeHtml(oneLine(t.text));
    const body = url ? `<a href="${escapeHtml(url)}" rel="noreferrer noopener">${text}</a>` : text;
    return `<li><time>${escapeHtml(t.local)}</time> ${body}</li>`;
  });
  if (more) items.push(`<li class="more">${more}</li>`);
  return `<ul class="tweets">${items.join('')}</ul>`;
}

/** The period's months as sparklines, then the months that stood out. */
function renderPeriodTrend(period: PeriodReport): string {
  const { months, rows } = periodSparklines(period.trend, 60);
  const body = rows
    .map((row) => {
      const range =
        row.name === 'tweets' ? `${row.low}–${row.high}` : `${formatPercent(row.low, 1)}–${formatPercent(row.high, 1)}`;
      const color = row.name === 'tweets' ? 'inherit' : CATEGORY_HEX[row.name];
      return `<tr><td>${row.name}</td><td class="spark" style="color:${color}">${row.marks}</td><td class="n">${range}</td></tr>`;
    })
    .join('\n');
  const standouts =
    period.standouts.length === 0
      ? '<li>None: every month stayed close to the period as a whole.</li>'
      : period.standouts.map((s) => `<li data-month="${s.month}">${escapeHtml(s.text)}</li>`).join('\n');
  return [
    '<h3>Over the period</h3>',
    `<p class="meta">One mark ${months === 1 ? 'a month' : `per ${months} months`} from ${period.from} to ${period.to}; · no tweets.</p>`,
    `<div class="table-wrap"><table class="period-trend"><thead><tr><th></th><th>Per month</th><th class="n">Range</th></tr></thead><tbody>${body}</tbody></table></div>`,
    '<h3>Months that stood out</h3>',
    `<ul class="standouts">${standouts}</ul>`,
  ].join('\n');
}

function renderMonthSection(month: MonthReport | PeriodReport, report: AuditReport): string {
  const { account } = report;
  const out: string[] = [];
  const period = 'from' in month ? month : undefined;
  const title = period ? `${period.from}..${period.to}` : (month as MonthReport).month;
  out.push(`<section class="${period ? 'period' : 'month'}" id="${period ? 'period' : 'month'}-${escapeHtml(title)}">`);
  out.push(`<h2>${escapeHtml(title)}</h2>`);
  if (!period && emptyInPeriod(report, month)) {
    out.push('<p class="meta">No tweets this month.</p>', '</section>');
    return out.join('\n');
  }
  out.push(
    `<p class="meta">n = ${month.total} · ${month.period.start} to ${month.period.end} · time zone ${escapeHtml(month.timezone)}</p>`,
  );
  if (month.lowVolume) {
    out.push(
      `<p class="warning" role="note">Only ${plural(month.total, 'tweet')}, fewer than ${LOW_VOLUME_THRESHOLD}: the shares say little.</p>`,
    );
  }
  out.push('<div class="overview">', renderPieFigure(month, title), renderBreakdownTable(month, !period), '</div>');
  out.push(
    `<p class="professional">Professional (promotion): <strong>${formatPercent(month.professionalShare, 1)}</strong></p>`,
  );
  if (period) out.push(renderPeriodTrend(period));
  out.push(
    '<h3>Observations</h3>',
    `<ul class="observations">${shownObservations(report, month)
      .map((o) => `<li data-kind="${o.kind}">${escapeHtml(o.text)}</li>`)
      .join('\n')}</ul>`,
  );
  out.push(
    '<h3>Questions</h3>',
    `<dl class="questions">${month.questions.map((q) => `<dt>${escapeHtml(q.question)}</dt><dd>${escapeHtml(q.answer)}</dd>`).join('\n')}</dl>`,
  );
  out.push(
    '<h3>Flags</h3>',
    '<div class="table-wrap"><table class="flags"><thead><tr><th>Flag</th><th class="n">Count</th><th class="n">Share</th><th>Tweets</th></tr></thead><tbody>',
    FLAGS.map((flag) => {
      const t = month.flags[flag];
      return `<tr><td>${flag}</td><td class="n">${t.count}</td><td class="n">${formatPercent(t.share, 1)}</td><td>${t.count > 0 && SHOWN_FLAGS.has(flag) ? tweetList(t.tweets, t.count, account) : ''}</td></tr>`;
    }).join('\n'),
    '</tbody></table></div>',
  );
  if (month.engagement) {
    const engagement = month.engagement;
    const show = (value: number | undefined) => (value === undefined ? '–' : String(value));
    out.push(
      '<h3>Engagement (own tweets)</h3>',
      '<div class="table-wrap"><table class="engagement"><thead><tr><th>Category</th><th class="n">Tweets</th><th class="n">Likes mean</th><th class="n">Likes median</th><th class="n">RTs mean</th><th class="n">RTs median</th></tr></thead><tbody>',
      CATEGORIES.map((category) => {
        const e = engagement[category];
        return `<tr><td>${category}</td><td class="n">${e.tweets}</td><td class="n">${show(e.likes?.mean)}</td><td class="n">${show(e.likes?.median)}</td><td class="n">${show(e.retweets?.mean)}</td><td class="n">${show(e.retweets?.median)}</td></tr>`;
      }).join('\n'),
      '</tbody></table></div>',
    );
    for (const category of CATEGORIES) {
      const top = engagement[category].top;
      if (top.length > 0)
        out.push(
          `<p class="meta">Most liked and retweeted: ${category}</p>`,
          tweetList(top.map(topAsShown), top.length, account),
        );
    }
  }
  if (month.activity && month.total > 0)
    out.push(
      '<h3>When you tweet</h3>',
      `<pre class="activity">${escapeHtml(activityLines(month.activity).join('\n'))}</pre>`,
    );
  if (month.examples) {
    const examples = month.examples;
    out.push('<h3>Examples</h3>', '<div class="examples">');
    for (const category of CATEGORIES) {
      const list = examples[category];
      if (list.length === 0) continue;
      const count = month.categories[category].count;
      out.push(`<p class="meta">${category} (${count})</p>`, tweetList(list, count, account, list.length));
    }
    out.push('</div>');
  }
  if (month.lowConfidence.count > 0) {
    out.push(
      '<h3>Low confidence</h3>',
      `<p>${plural(month.lowConfidence.count, 'tweet')} below ${month.lowConfidence.threshold}, worth a second look:</p>${tweetList(month.lowConfidence.tweets, month.lowConfidence.count, account)}`,
    );
  }
  out.push('</section>');
  return out.join('\n');
}

/** Chart widths (px) the month names are spaced for: a phone's, and any window from 720 px up. */
const NARROW_PLOT = 260;
const WIDE_PLOT = 600;
/** The least distance between two slanted month names that keeps them apart. */
const LABEL_PITCH = 16;

/**
 * A stacked column per month (shares add up to 100%), as inline SVG that takes the page's width:
 * columns are placed in percent, so any number of months fits without scrolling and the latest
 * is always on screen. Month names are thinned to fit, counted back from the latest (always
 * named); the ones only a wide window has room for are "minor" and hidden on a phone. Months
 * under 20 tweets are drawn faded and starred rather than hidden; months without tweets show an
 * empty outline.
 */
function renderTrendSvg(points: TrendPoint[]): string {
  const top = 10;
  const height = 160;
  const fullHeight = top + height + 62;
  const pitch = 100 / points.length;
  const column = pitch * 0.74;
  const percent = (value: number) => `${Number(value.toFixed(3))}%`;
  const wideStep = Math.max(1, Math.ceil((LABEL_PITCH * points.length) / WIDE_PLOT));
  const narrowStep = wideStep * Math.ceil(Math.ceil((LABEL_PITCH * points.length) / NARROW_PLOT) / wideStep);
  const parts: string[] = [];
  for (const tick of [0, 0.5, 1]) {
    const y = top + height - tick * height;
    parts.push(`<line x1="-4" x2="100%" y1="${y}" y2="${y}" stroke="#d1d9e0"/>`);
    parts.push(`<text x="-8" y="${y + 4}" text-anchor="end">${formatPercent(tick)}</text>`);
  }
  points.forEach((point, i) => {
    const x = percent(i * pitch + (pitch - column) / 2);
    const width = percent(column);
    if (point.total === 0) {
      parts.push(
        `<rect x="${x}" y="${top}" width="${width}" height="${height}" fill="none" stroke="#d1d9e0" stroke-dasharray="3 3" data-month="${point.month}" data-total="0"><title>${point.month}: no tweets</title></rect>`,
      );
    } else {
      let y = top + height;
      for (const category of CATEGORIES) {
        const count = point.counts[category];
        if (count === 0) continue;
        const h = (count / point.total) * height;
        y -= h;
        parts.push(
          `<rect class="trend-bar" x="${x}" y="${y.toFixed(3)}" width="${width}" height="${h.toFixed(3)}" fill="${CATEGORY_HEX[category]}"${point.lowVolume ? ' fill-opacity="0.45"' : ''} data-month="${point.month}" data-category="${category}" data-share="${point.shares[category]}">` +
            `<title>${point.month} ${category} ${formatPercent(point.shares[category], 1)} (${count} of ${point.total})</title></rect>`,
        );
      }
    }
    const age = points.length - 1 - i;
    if (age % wideStep !== 0) return;
    // A nested svg puts the name's origin at a percentage, which a rotated text cannot do alone.
    parts.push(
      `<svg x="${percent((i + 0.5) * pitch)}" y="${top + height + 12}" overflow="visible"><text${age % narrowStep === 0 ? '' : ' class="minor"'} transform="rotate(-45)" text-anchor="end" data-month="${point.month}">${point.month}${point.lowVolume ? '*' : ''}</text></svg>`,
    );
  });
  // Columns wider than 48 px would only be bigger, not clearer.
  return `<svg class="trend-svg" xmlns="http://www.w3.org/2000/svg" height="${fullHeight}" style="max-width:${points.length * 48}px" role="img" aria-label="Share of each category per month" font-size="11" font-family="system-ui, sans-serif">\n${parts.join('\n')}\n</svg>`;
}

/** Category names that may break (with a hyphen) where a phone has no room for the whole word. */
const SOFT_HYPHENATED: Record<Category, string> = {
  conversation: 'conver&shy;sation',
  promotion: 'promo&shy;tion',
  conference: 'confer&shy;ence',
  personal: 'per&shy;sonal',
};

function renderTrendSection(points: TrendPoint[]): string {
  const legend = CATEGORIES.map((category) => `<li>${swatch(CATEGORY_HEX[category])}${category}</li>`).join('');
  const rows = points
    .map((p) => {
      const shares = CATEGORIES.map(
        (category) => `<td class="n">${p.total > 0 ? formatPercent(p.shares[category], 1) : '–'}</td>`,
      ).join('');
      return `<tr${p.lowVolume ? ' class="low-volume"' : ''}><td>${p.month}</td><td class="n">${p.total}${p.lowVolume ? '*' : ''}</td>${shares}</tr>`;
    })
    .join('\n');
  return [
    '<section class="trend">',
    '<h2>Trend</h2>',
    `<figure class="trend-chart">${renderTrendSvg(points)}<figcaption><ul class="legend">${legend}</ul>* fewer than ${LOW_VOLUME_THRESHOLD} tweets</figcaption></figure>`,
    '<div class="table-wrap"><table class="trend-table">',
    `<thead><tr><th>Month</th><th class="n">n</th>${CATEGORIES.map((c) => `<th class="n">${SOFT_HYPHENATED[c]}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows}</tbody>`,
    '</table></div>',
    '</section>',
  ].join('\n');
}

/** Wraps sections in one self-contained page. */
export function htmlDocument(title: string, body: string, generator: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    `<footer>Made by ${escapeHtml(generator)}.</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The trend section alone as a page. */
export function renderTrendHtml(report: AuditReport, points: TrendPoint[]): string {
  return htmlDocument(
    'Tweet audit trend',
    `<h1>Tweet audit trend</h1>\n${renderTrendSection(points)}`,
    `${report.generator.name} ${report.generator.version}`,
  );
}

/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, no network, every
 * string from the data escaped.
 */
export function renderHtml(report: AuditReport, options: RenderOptions): string {
  const period = periodShown(report, options);
  const monthsTitle = period ? `${period.from}..${period.to}` : report.months.map((m) => m.month).join(', ');
  const about = archiveLine(report);
  const named = about ? ` · ${about}` : '';
  const title = monthsTitle.length > 0 ? `Tweet audit ${monthsTitle}${named}` : `Tweet audit${named}`;
  const body: string[] = [`<h1>Tweet audit${escapeHtml(named)}</h1>`];
  for (const line of guessLines(report)) body.push(`<p class="guess" role="note">${escapeHtml(line)}</p>`);
  if (report.months.length === 0) body.push(`<p>No month to report (time zone ${escapeHtml(report.timezone)}).</p>`);
  if (period) body.push(renderMonthSection(period, report));
  else for (const month of report.months) body.push(renderMonthSection(month, report));
  const trend = selectTrend(report);
  if (trend.length >= 2) body.push(renderTrendSection(trend));
  return htmlDocument(title, body.join('\n'), `${report.generator.name} ${report.generator.version}`);
}
