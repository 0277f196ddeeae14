#!/usr/bin/env node
// After a retrain changes the sample's figures: rewrites the README's "What you get" block from the
// command it shows (a test checks it line for line). Usage: npm run build && node scripts/sync-readme.js
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './corpus-paths.js';

const file = path.join(ROOT, 'README.md');
const readme = readFileSync(file, 'utf8');
const block = /## What you get\n\n```\n([\s\S]*?)```/.exec(readme);
if (!block) throw new Error('README.md: no "What you get" block');
const lines = block[1].split('\n');
const cut = lines.findIndex((line) => line.trim() === '…');
const args = lines[0].replace(/^\$ tweet-audit /, '').split(' ');
const output = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tweet-audit.js'), ...args], {
  cwd: ROOT,
  encoding: 'utf8',
  env: { ...process.env, COLUMNS: '80', NO_COLOR: '1' },
});
const fresh = [lines[0], ...output.split('\n').slice(0, cut - 1), ...lines.slice(cut)].join('\n');
writeFileSync(file, readme.replace(block[1], fresh));
