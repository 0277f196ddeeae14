#!/usr/bin/env node
// Trains the learned model on every labeled real archive and writes data/learned-model.json.
// Usage: npm run train   (needs ../shared/archives; the model ships as weights, never as text)
import { writeFileSync } from 'node:fs';
import { loadLabeledArchives } from '../dist/classify/corpus.js';
import { serializeLearned, trainLearned } from '../dist/classify/learned.js';
import { ARCHIVES, LABEL_DIRS, MODEL_FILE, requireArchives } from './corpus-paths.js';

requireArchives();
const archives = await loadLabeledArchives(ARCHIVES, LABEL_DIRS);
const model = trainLearned(archives.map((a) => a.tweets));
writeFileSync(MODEL_FILE, serializeLearned(model));
const labeled = archives.reduce((sum, a) => sum + a.tweets.length, 0);
process.stdout.write(`trained on ${labeled} labels of ${archives.length} archives: ${MODEL_FILE}\n`);
