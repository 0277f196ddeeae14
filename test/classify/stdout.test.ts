import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { createClassifier } from '../../src/classify/index.js';
import { createZone } from '../../src/time/zone.js';
import { identity, tweet } from './support.js';

describe('loading natural', () => {
  it("uses submodules only: stdout stays clean and neither natural's index nor dotenv is loaded", async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const log = vi.spyOn(console, 'log');
    try {
      const c = await createClassifier({ identity: identity(), zone: createZone('UTC') });
      // A complaint word loads the sentiment vocabularies lazily: load them now too.
      c.classify(tweet('I hate this awful broken update'));
      c.explain(tweet('Nothing special'));
      expect(write).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
      log.mockRestore();
    }
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.some((file) => file.includes('/natural/lib/natural/stemmers/'))).toBe(true);
    expect(
      loaded.filter((file) =>
        /\/dotenv\/|\/natural\/lib\/natural\/index\.js$|\/natural\/lib\/natural\/classifiers\//.test(file),
      ),
    ).toEqual([]);
  });
});
