import { CATEGORIES } from '../classify/taxonomy.js';
import { escapeHtml } from './escape.js';
import { formatPercent } from './format.js';
import { CATEGORY_HEX } from './renderers/shared.js';
import type { MonthReport, Review } from './types.js';

/** Fixed precision keeps the SVG byte-stable across platforms. */
function num(value: number): string {
  const fixed = value.toFixed(3);
  return fixed === '-0.000' ? '0.000' : fixed;
}

/** The point at `turn` (0..1, clockwise from 12 o'clock) on a circle. */
function pointAt(cx: number, cy: number, r: number, turn: number): [string, string] {
  const angle = turn * 2 * Math.PI;
  return [num(cx + r * Math.sin(angle)), num(cy - r * Math.cos(angle))];
}

/**
 * The pie's slices as SVG paths, one per category with tweets, clockwise from 12 o'clock in
 * taxonomy order. Each carries `data-category` and `data-share` (the report's share) so a test
 * in a browser can check the drawing against the data.
 */
export function renderPieSlices(month: Review, cx: number, cy: number, r: number): string {
  if (month.total === 0) {
    return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#e5e7eb"><title>No tweets</title></circle>`;
  }
  const slices: string[] = [];
  let start = 0;
  for (const category of CATEGORIES) {
    const { count, share } = month.categories[category];
    if (count === 0) continue;
    // Angles come from counts, not rounded shares, so the slices close exactly.
    const end = start + count / month.total;
    const label = `<title>${category} ${formatPercent(share, 1)} (${count})</title>`;
    const attributes = `class="slice" data-category="${category}" data-share="${share}" data-count="${count}" fill="${CATEGORY_HEX[category]}" stroke="#ffffff" stroke-width="1"`;
    let d: string;
    if (count === month.total) {
      // A single arc cannot draw a full circle (its ends coincide), so use two half arcs.
      d = `M ${num(cx)} ${num(cy - r)} A ${r} ${r} 0 1 1 ${num(cx)} ${num(cy + r)} A ${r} ${r} 0 1 1 ${num(cx)} ${num(cy - r)} Z`;
    } else {
      const [x0, y0] = pointAt(cx, cy, r, start);
      const [x1, y1] = pointAt(cx, cy, r, end);
      d = `M ${num(cx)} ${num(cy)} L ${x0} ${y0} A ${r} ${r} 0 ${end - start > 0.5 ? 1 : 0} 1 ${x1} ${y1} Z`;
    }
    slices.push(`<path ${attributes} d="${d}">${label}</path>`);
    start = end;
  }
  return slices.join('\n');
}

/** The legend rows beside the pie. */
function renderLegend(month: Review, x: number, y: number): string {
  return CATEGORIES.map((category, i) => {
    const { count, share } = month.categories[category];
    const rowY = y + i * 24;
    return (
      `<rect x="${x}" y="${rowY}" width="14" height="14" fill="${CATEGORY_HEX[category]}"/>` +
      `<text x="${x + 22}" y="${rowY + 12}">${category} ${formatPercent(share, 1)} (${count})</text>`
    );
  }).join('\n');
}

/**
 * The month's (or a period's, named by `label`) pie chart as a standalone SVG file (for `--chart
 * FILE.svg`): title, slices and legend, no external fonts or links.
 */
export function renderPieSvg(month: Review, label = (month as MonthReport).month): string {
  const title = `Tweets by category, ${label} (n=${month.total}, ${month.timezone})`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" viewBox="0 0 480 240" role="img" aria-labelledby="pie-title" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="14">`,
    `<title id="pie-title">${escapeHtml(title)}</title>`,
    '<rect width="480" height="240" fill="#ffffff"/>',
    renderPieSlices(month, 120, 120, 100),
    renderLegend(month, 250, 70),
    `<text x="250" y="45" font-weight="bold">${escapeHtml(label)} · n=${month.total}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
