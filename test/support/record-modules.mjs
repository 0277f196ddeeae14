// Preloaded into the binary (`node --import`) by tests of what a command loads: appends the URL of
// every module the program imports, statically or not, to the file named by RECORD_MODULES_TO.
// ESM has no module cache to inspect afterwards, so a resolve hook (run in the hooks' own thread) writes them down.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

let file;

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(file, `${result.url}\n`);
  return result;
}

if (isMainThread) register(import.meta.url, { data: { file: process.env.RECORD_MODULES_TO } });
