import { TweetAuditError } from '../../errors.js';
import type { AuditReport } from '../types.js';
import { renderCsv, renderTrendCsv } from './csv.js';
import { renderHtml, renderTrendHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown, renderTrendMarkdown } from './markdown.js';
import { selectTrend, type RenderOptions, type TrendRange } from './shared.js';
import { renderTable, renderTrendText } from './table.js';

/** Output formats of the report. */
export type Format = 'table' | 'markdown' | 'json' | 'csv' | 'html';

/** A pure function from a report to its text in one format. */
export type Renderer = (report: AuditReport, options: RenderOptions) => string;

/**
 * Every format and its renderer, in the order help text lists them. The CLI takes its `--format`
 * choices from these keys, so a format cannot be offered without a renderer.
 */
export const renderers: { [F in Format]: Renderer } = {
  table: renderTable,
  markdown: renderMarkdown,
  json: renderJson,
  csv: renderCsv,
  html: renderHtml,
};

/** The format names, for option choices. */
export const FORMATS = Object.keys(renderers) as Format[];

/** True when `value` names a format. */
export function isFormat(value: string): value is Format {
  return Object.hasOwn(renderers, value);
}

/**
 * Shares per month side by side over a range (default: the last 12 months up to the last detailed
 * month), in any format: a table plus a stacked text chart for the terminal and Markdown, one row
 * per month in CSV, the points in JSON, a stacked column chart in HTML. Months under 20 tweets
 * are marked, not hidden.
 */
export function renderTrend(report: AuditReport, format: Format, options: RenderOptions & TrendRange): string {
  const points = selectTrend(report, options);
  if (points.length === 0) throw new TweetAuditError('no months in the requested trend range');
  switch (format) {
    case 'table':
      return `${renderTrendText(points, options)}\n`;
    case 'markdown':
      return renderTrendMarkdown(points, options);
    case 'json':
      return `${JSON.stringify({ schemaVersion: report.schemaVersion, generator: report.generator, timezone: report.timezone, trend: points }, null, 2)}\n`;
    case 'csv':
      return renderTrendCsv(points);
    case 'html':
      return renderTrendHtml(report, points);
  }
}
