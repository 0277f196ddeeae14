// Where the labeled real archives are: ../shared beside the repository (never copied into it).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARCHIVES = path.resolve(ROOT, '..', 'shared', 'archives');
/** The shared hand labels, then the project's own (data/labels/: ids and labels only, no text). */
export const LABEL_DIRS = [path.join(ARCHIVES, 'labels'), path.join(ROOT, 'data', 'labels')];
export const MODEL_FILE = path.join(ROOT, 'data', 'learned-model.json');

export function requireArchives() {
  if (!existsSync(ARCHIVES)) {
    process.stderr.write(`${ARCHIVES}: not found; the labeled real archives are needed here\n`);
    process.exit(2);
  }
}
