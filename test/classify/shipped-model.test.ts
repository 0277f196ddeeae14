import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NaiveBayes } from '../../src/classify/model.js';
import { buildShippedModel, loadModel, MODEL_FILE, type ShippedModel } from '../../src/classify/shipped-model.js';
import { sharedNlp } from './support.js';

const HEADER = 'text,is_reply,is_self_reply,is_retweet,has_link,has_media,category,subcategory\n';

async function corpusDir(rows: string): Promise<URL> {
  const dir = await mkdtemp(path.join(tmpdir(), 'corpus-'));
  await writeFile(path.join(dir, 'en.csv'), HEADER + rows);
  return pathToFileURL(`${dir}/`);
}

describe('the shipped model (data/model.json)', () => {
  it('equals a fresh training on data/training (rebuild: npm run build && node dist/classify/build-model.js)', async () => {
    const shipped = JSON.parse(await readFile(MODEL_FILE, 'utf8')) as ShippedModel;
    const fresh = await buildShippedModel(sharedNlp());
    expect(shipped.features).toBe(fresh.features);
    expect(shipped.corpus).toBe(fresh.corpus);
    expect(shipped.model).toEqual(fresh.model);
  });

  it('round-trips through plain data', async () => {
    const { model } = await buildShippedModel(sharedNlp());
    const again = NaiveBayes.fromData(JSON.parse(JSON.stringify(model)));
    expect(again.toData()).toEqual(model);
    expect(again.score(['~link', 'blog']).categories).toEqual(
      NaiveBayes.fromData(model).score(['~link', 'blog']).categories,
    );
  });

  it('is retrained at startup when it does not match the corpus, and used when it does', async () => {
    const dir = await corpusDir('Coffee first,0,0,0,0,0,personal,life\nNew blog post,0,0,0,1,0,promotion,self\n');
    const file = new URL('model.json', dir);
    const built = await buildShippedModel(sharedNlp(), dir);

    // A model built from another corpus is ignored: the corpus is what counts.
    await writeFile(
      file,
      JSON.stringify({
        ...built,
        corpus: 'stale',
        model: { ...built.model, docs: built.model.docs.map((d) => d * 2) },
      }),
    );
    expect((await loadModel(sharedNlp(), file, dir)).toData()).toEqual(built.model);

    // A matching model is loaded as it is (here marked, to tell it from a retraining).
    const marked = {
      ...built,
      model: { ...built.model, counts: { ...built.model.counts, '~marker': built.model.docs.map(() => 1) } },
    };
    await writeFile(file, JSON.stringify(marked));
    expect((await loadModel(sharedNlp(), file, dir)).toData().counts).toHaveProperty('~marker');

    // A missing or broken file is no error either.
    await writeFile(file, '{ not json');
    expect((await loadModel(sharedNlp(), file, dir)).toData()).toEqual(built.model);
  });
});
