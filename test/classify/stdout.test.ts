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
      // A complaint word loads the sentiment vocabularies lazily, and a language's first words its
      // stemmer: load them now too, in every language.
      c.classify(tweet('I hate this awful broken update'));
      c.classify(tweet('Odio esta actualización rota, qué horrible', { lang: 'es' }));
      c.classify(tweet('Je déteste cette mise à jour cassée, horrible', { lang: 'fr' }));
      c.classify(tweet('Ich hasse dieses kaputte Update, schrecklich', { lang: 'de' }));
      c.explain(tweet('Nothing special'));
      expect(write).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
      log.mockRestore();
    }
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    for (const stemmer of ['porter_stemmer.js', 'porter_stemmer_es.js', 'porter_stemmer_fr.js', 'porter_stemmer_de.js'])
      expect(loaded.some((file) => file.endsWith(`/natural/lib/natural/stemmers/${stemmer}`))).toBe(true);
    expect(
      loaded.filter((file) =>
        /\/dotenv\/|\/natural\/lib\/natural\/index\.js$|\/natural\/lib\/natural\/classifiers\//.test(file),
      ),
    ).toEqual([]);
  });
});
