// The yardstick: read a tweets.js whole and JSON.parse it, as a naive tool would. Prints ms.
import { readFileSync } from 'node:fs';

const started = performance.now();
const text = readFileSync(process.argv[2], 'utf8');
const items = JSON.parse(text.slice(text.indexOf('[')).replace(/;\s*$/, ''));
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, items: items.length })}\n`);
