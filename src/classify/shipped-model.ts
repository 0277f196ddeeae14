import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { FEATURES_VERSION, labelKey, modelFeatures, NaiveBayes, type ModelData } from './model.js';
import type { Nlp } from './nlp.js';
import { analyzeText } from './text.js';
import { TRAINING_DIR } from './training-dir.js';
import type { TrainingExample } from './training.js';

/**
 * The model trained on data/training, shipped as data/model.json: training at startup took
 * ~250 ms (cold stemming and JIT) plus ~130 ms to parse the corpus, loading the file takes a few.
 * Rebuild it after changing the corpus or the features with:
 *
 *     npm run build && node dist/classify/build-model.js
 *
 * test/classify/shipped-model.test.ts fails while the shipped file differs from a fresh training.
 */
export const MODEL_FILE = new URL('../../data/model.json', import.meta.url);

/** data/model.json: a trained model and what it was trained from. */
export interface ShippedModel {
  /** FEATURES_VERSION of the code that built it. */
  features: number;
  /** Hash of the corpus files it was trained on. */
  corpus: string;
  model: ModelData;
}

/** The corpus files' names and texts, read once. */
async function readCorpusFiles(dir: URL): Promise<{ name: string; text: string }[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.csv')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(new URL(name, dir), 'utf8') })));
}

/** A hash of the corpus: file names and contents. */
export function corpusFingerprint(files: readonly { name: string; text: string }[]): string {
  const hash = createHash('sha256');
  for (const { name, text } of files) hash.update(`${name}\0${text}\0`);
  return hash.digest('hex');
}

/** Trains a model on examples, as the shipped one was trained. */
export function trainModel(examples: readonly TrainingExample[], nlp: Nlp): NaiveBayes {
  const model = new NaiveBayes();
  for (const example of examples) {
    model.learn(modelFeatures(example.tweet, analyzeText(example.tweet, nlp.vocabulary), nlp), labelKey(example.label));
  }
  return model;
}

/** Trains a fresh model on the corpus of `dir`, and says what it was trained from. */
export async function buildShippedModel(nlp: Nlp, dir: URL = TRAINING_DIR): Promise<ShippedModel> {
  const files = await readCorpusFiles(dir);
  const { parseTrainingCsv } = await import('./training.js');
  const examples = files.flatMap(({ name, text }) => parseTrainingCsv(text, name));
  return { features: FEATURES_VERSION, corpus: corpusFingerprint(files), model: trainModel(examples, nlp).toData() };
}

/**
 * The shipped model when it matches the corpus and the features of this code, else a model
 * trained now (slower, still correct: a corpus edited without rebuilding must not be ignored).
 */
export async function loadModel(nlp: Nlp, file: URL = MODEL_FILE, dir: URL = TRAINING_DIR): Promise<NaiveBayes> {
  const files = await readCorpusFiles(dir);
  let shipped: ShippedModel | undefined;
  try {
    shipped = JSON.parse(await readFile(file, 'utf8')) as ShippedModel;
  } catch {
    shipped = undefined;
  }
  if (shipped && shipped.features === FEATURES_VERSION && shipped.corpus === corpusFingerprint(files)) {
    try {
      return NaiveBayes.fromData(shipped.model);
    } catch {
      // Data of another shape: fall through and train.
    }
  }
  // Only a stale model needs the corpus parsed, and so the CSV parser loaded.
  const { parseTrainingCsv } = await import('./training.js');
  return trainModel(
    files.flatMap(({ name, text }) => parseTrainingCsv(text, name)),
    nlp,
  );
}
