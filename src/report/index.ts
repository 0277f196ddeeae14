/**
 * The report module: aggregation of classified tweets into monthly self-reviews, and their
 * renderers. Everything here is pure except `writeTweetRows`, which writes to the stream it is given.
 */
export { createAggregator, type Aggregator, type AggregatorOptions } from './aggregate.js';
export type { DuplicateFindings } from './duplicates.js';
export { checkTargets, evaluateTargets } from './targets.js';
export { renderPieSvg } from './pie-svg.js';
export { escapeHtml } from './escape.js';
export { subcategoryEntries, subcategoryOf } from './breakdown.js';
export { renderers, renderTrend, FORMATS, isFormat, type Format, type Renderer } from './renderers/index.js';
export { toJsonValue, type SingleMonthJson, type MultiMonthJson } from './renderers/json.js';
export { REPORT_CSV_COLUMNS, TREND_CSV_COLUMNS } from './renderers/csv.js';
export { DEFAULT_TREND_MONTHS, type RenderOptions, type TrendRange } from './renderers/shared.js';
export { writeTweetRows, toTweetRow, escapeFormula, TWEET_ROW_COLUMNS, type TweetRow } from './tweet-rows.js';
export { LOW_VOLUME_THRESHOLD, LOW_CONFIDENCE_THRESHOLD, SPIKE_POINTS } from './constants.js';
export type * from './types.js';
