import type { Format, Renderer } from './index.js';

/**
 * The renderer of one format, loaded when it is asked for: the command line loads the one it
 * prints, not all five (and cli-table3, csv-stringify) as `renderers` in index.ts does.
 */
export async function loadRenderer(format: Format): Promise<Renderer> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).renderTable;
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown;
    case 'json':
      return (await import('./json.js')).renderJson;
    case 'csv':
      return (await import('./csv.js')).renderCsv;
    case 'html':
      return (await import('./html.js')).renderHtml;
  }
}
