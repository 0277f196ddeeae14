import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildZip, type ZipInput } from './zip-writer.js';

/** Copies a fixture archive to `dest` so a test can alter it. */
export async function copyArchive(from: string, dest: string): Promise<string> {
  await cp(from, dest, { recursive: true });
  return dest;
}

/** Replaces text in a file of a copied archive. */
export async function editFile(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`editFile: nothing replaced in ${file}`);
  await writeFile(file, next);
}

/** Every file under `dir`, as zip inputs named relative to `dir` (with an optional prefix). */
export async function zipInputs(dir: string, prefix = ''): Promise<ZipInput[]> {
  const out: ZipInput[] = [];
  async function walk(sub: string): Promise<void> {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) await walk(rel);
      else out.push({ name: prefix + rel, data: await readFile(path.join(dir, rel)) });
    }
  }
  await walk('');
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Zips a folder into `zipPath`, files at the top of the zip unless `prefix` is given. */
export async function zipFolder(dir: string, zipPath: string, prefix = '', extra: ZipInput[] = []): Promise<string> {
  await writeFile(zipPath, buildZip([...(await zipInputs(dir, prefix)), ...extra]));
  return zipPath;
}
