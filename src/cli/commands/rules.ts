import Table from 'cli-table3';
import { listRules } from '../../classify/index.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';

/** `tweet-audit rules`: the rule list, generated from each rule's own metadata. */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [options] = args as [{ format: 'table' | 'json' }];
  const rules = listRules();
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return EXIT.ok;
  }
  const table = new Table({ head: ['rule', 'category', 'description'], style: { head: [], border: [] } });
  for (const rule of rules) table.push([rule.id, `${rule.category}/${rule.subcategory}`, rule.description]);
  io.stdout.write(
    `${table.toString()}\n${rules.length} rules. Where several match, the precedence of docs/taxonomy.md decides; see \`tweet-audit explain\`.\n`,
  );
  return EXIT.ok;
}
