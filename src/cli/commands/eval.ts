import { prepareAudit } from '../../audit.js';
import { evaluate, renderEvaluation, type EvalPair } from '../../classify/index.js';
import { TweetAuditError } from '../../errors.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { withOutput, writeText } from '../output.js';
import type { CommonOptions } from '../program.js';
import { auditOptionsFrom, finishReading, readLabelsFile, resolveFrom } from './shared.js';

/**
 * `tweet-audit eval`: how far to trust the chart. The hand labels are the answer key here, so
 * they are NOT given to the classifier as corrections (that would grade it on its own answers).
 */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archives, options] = args as [string[], CommonOptions & { format: 'table' | 'json' }];
  const labelsFile = resolveFrom(io, options.labels!);
  const expected = await readLabelsFile(labelsFile);
  if (expected.size === 0) throw new TweetAuditError('holds no labels to evaluate against', { file: labelsFile });
  const inputs = await auditOptionsFrom(
    io,
    archives,
    { ...options, labels: undefined, all: true },
    { defaultLabels: false },
  );
  const prepared = await prepareAudit(inputs);
  const pairs = new Map<string, EvalPair>();
  for (const { tweet, classification } of prepared.classified()) {
    const label = expected.get(tweet.id);
    if (label) pairs.set(tweet.id, { id: tweet.id, expected: label, actual: classification });
  }
  finishReading(io, inputs, prepared);
  // An accuracy over no tweet at all would read as 0.000, as if every answer were wrong.
  if (pairs.size === 0) {
    throw new TweetAuditError(
      `none of its ${expected.size} labelled tweet ids is in the archive (${prepared.archive.path}): are they labels of another archive?`,
      { file: labelsFile },
    );
  }
  for (const [id, label] of expected) if (!pairs.has(id)) pairs.set(id, { id, expected: label });
  const text = renderEvaluation(evaluate([...pairs.values()]), options.format);
  await withOutput(io, options.out, archives, (out) => writeText(out, text), {
    handle: prepared.archive.owner.handles[0],
  });
  return EXIT.ok;
}
