/**
 * Writes data/model.json from data/training/*.csv. Run it after changing the corpus or the
 * model's features:
 *
 *     npm run build && node dist/classify/build-model.js
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createNlp } from './nlp.js';
import { buildShippedModel, MODEL_FILE } from './shipped-model.js';

const shipped = await buildShippedModel(createNlp());
await writeFile(MODEL_FILE, `${JSON.stringify(shipped)}\n`);
process.stderr.write(
  `build-model: wrote ${fileURLToPath(MODEL_FILE)} (${Object.keys(shipped.model.counts).length} features)\n`,
);
