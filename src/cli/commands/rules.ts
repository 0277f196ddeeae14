import Table from 'cli-table3';
import { listRules } from '../../classify/index.js';
import { DEFAULT_WIDTH, wrapText } from '../../report/renderers/shared.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';

/** Narrower than this, a description column is too thin to read: the category goes under the rule. */
const MIN_DESCRIPTION = 40;

/** `tweet-audit rules`: the rule list, generated from each rule's own metadata. */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [options] = args as [{ format: 'table' | 'json' }];
  const rules = listRules();
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return EXIT.ok;
  }
  // Each column's width counts one space of padding either side; the borders take one column each.
  const width = Math.max(40, io.stdout.columns ?? DEFAULT_WIDTH);
  const longest = Math.max(...rules.map((rule) => rule.description.length)) + 2;
  const idWidth = Math.max(4, ...rules.map((rule) => rule.id.length)) + 2;
  const categoryWidth = Math.max(8, ...rules.map((rule) => `${rule.category}/${rule.subcategory}`.length)) + 2;
  const threeColumns = width - idWidth - categoryWidth - 4 >= MIN_DESCRIPTION;
  const leading = threeColumns ? [idWidth, categoryWidth] : [Math.max(idWidth, categoryWidth)];
  const borders = leading.length + 2;
  const table = new Table({
    head: threeColumns ? ['rule', 'category', 'description'] : ['rule, category', 'description'],
    colWidths: [...leading, Math.min(longest, width - leading.reduce((sum, w) => sum + w, 0) - borders)],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const rule of rules) {
    const category = `${rule.category}/${rule.subcategory}`;
    table.push(threeColumns ? [rule.id, category, rule.description] : [`${rule.id}\n${category}`, rule.description]);
  }
  const note = `${rules.length} rules. Where several match, the precedence of docs/taxonomy.md decides; see \`tweet-audit explain\`.`;
  io.stdout.write(`${table.toString()}\n${wrapText(note, width, '')}\n`);
  return EXIT.ok;
}
