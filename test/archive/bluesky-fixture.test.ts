import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { basicRepoCar } from '../../fixtures/bluesky/build-repo.js';

const fixture = fileURLToPath(new URL('../../fixtures/bluesky/basic/repo.car', import.meta.url));

describe('fixtures/bluesky/basic/repo.car', () => {
  it('is what fixtures/bluesky/build-repo.ts builds (UPDATE_FIXTURES=1 rewrites it)', async () => {
    const built = Buffer.from(basicRepoCar());
    if (process.env.UPDATE_FIXTURES === '1') await writeFile(fixture, built);
    expect(built.equals(await readFile(fixture))).toBe(true);
  });

  it('is built deterministically', () => {
    expect(Buffer.from(basicRepoCar()).equals(Buffer.from(basicRepoCar()))).toBe(true);
  });
});
