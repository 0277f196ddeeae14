import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit, type AuditOptions } from '../../src/audit.js';
import { workersFor, PARALLEL_MIN_BYTES } from '../../src/parallel/run.js';
import { hasShared, shared, tempDir } from '../archive/helpers/read.js';
import { repoRoot } from '../support/cli.js';

/*
 * The parallel audit must give exactly the report of the audit in one thread. Batches of a few
 * items make even small archives go through many batches, workers and merges.
 */

const sample = path.join(repoRoot, 'fixtures/sample-archive');

function options(archive: string, period: AuditOptions['period'], extra: Partial<AuditOptions> = {}): AuditOptions {
  return { archives: [archive], period, timeZone: 'America/New_York', config: {}, examples: 3, ...extra };
}

/** The audit in one thread and in `workers` threads, compared whole. */
async function expectSameAudit(archive: string, period: AuditOptions['period'], extra: Partial<AuditOptions> = {}, detail = true) {
  const single = await audit(options(archive, period, { ...extra, workers: 0 }), detail);
  const parallel = await audit(options(archive, period, { ...extra, workers: 2, batchBytes: 3000 }), detail);
  // A parallel audit is recognisable: it cannot be read again (the single one, kept in memory, can).
  expect(() => parallel.prepared.classified('all')).toThrow(/in parallel/);
  expect(parallel.report).toEqual(single.report);
  expect(parallel.prepared.period).toEqual(single.prepared.period);
  expect(parallel.prepared.identity).toEqual(single.prepared.identity);
  expect([...parallel.prepared.monthCounts].sort()).toEqual([...single.prepared.monthCounts].sort());
  expect(parallel.prepared.archive.warnings).toEqual(single.prepared.archive.warnings);
  return { single, parallel };
}

describe('the parallel audit gives the single-threaded report', () => {
  it.each([
    ['the default period', {}],
    ['--all', { all: true }],
    ['--month', { month: '2026-10' }],
    ['--from', { from: '2026-10' }],
  ])('on the sample archive, %s', async (_name, period) => {
    const { single } = await expectSameAudit(sample, period);
    expect(single.report.months.length).toBeGreaterThan(0);
  });

  it('for the trend alone (no month in detail)', async () => {
    await expectSameAudit(sample, { all: true }, {}, false);
  });

  it('when workers hand their aggregates over while reading (every 64 batches)', async () => {
    // 2-tweet batches: each worker hands over several times, before and after the identity is known.
    const single = await audit(options(sample, { all: true }, { workers: 0 }));
    const parallel = await audit(options(sample, { all: true }, { workers: 2, batchBytes: 2000 }));
    expect(parallel.report).toEqual(single.report);
    // With discovery from the first 100 tweets, one worker and three read the same batches.
    const one = await audit(options(sample, { all: true }, { workers: 1, batchBytes: 2000, bufferLimit: 100 }));
    const three = await audit(options(sample, { all: true }, { workers: 3, batchBytes: 2000, bufferLimit: 100 }));
    expect(three.report).toEqual(one.report);
  });

  it('with more workers than batches need, and with one', async () => {
    const single = await audit(options(sample, { all: true }, { workers: 0 }));
    for (const workers of [1, 5]) {
      expect((await audit(options(sample, { all: true }, { workers, batchBytes: 20000 }))).report).toEqual(single.report);
    }
  });

  for (const name of ['alrocar-2024', 'larsbrinkhoff-2021']) {
    it.skipIf(!hasShared(name))(`on the real archive ${name}, every month`, async () => {
      const { single } = await expectSameAudit(shared(name), { all: true });
      expect(single.report.trend.reduce((sum, p) => sum + p.total, 0)).toBeGreaterThan(1000);
    });
  }

  it('discovers from about the first tweets when an archive is too large to keep, and falls back for the default period', async () => {
    // --all with a small buffer: both discover from the first tweets; the counts are the same.
    const single = await audit(options(sample, { all: true }, { workers: 0, bufferLimit: 100 }));
    const parallel = await audit(options(sample, { all: true }, { workers: 2, batchBytes: 8000, bufferLimit: 100 }));
    expect(parallel.report.trend.map((p) => [p.month, p.total])).toEqual(single.report.trend.map((p) => [p.month, p.total]));
    // The default period needs every month first: done in one thread, so the same in every way.
    const fallback = await audit(options(sample, {}, { workers: 2, batchBytes: 8000, bufferLimit: 100 }));
    expect(() => fallback.prepared.classified('all')).not.toThrow();
    expect(fallback.report).toEqual((await audit(options(sample, {}, { workers: 0, bufferLimit: 100 }))).report);
  });
});

describe('items the workers cannot cut one by one', () => {
  it('an item printed on one line: the batch is parsed whole, still in parallel, with the same report', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await mkdir(path.join(dir, 'data'));
      const text = await readFile(path.join(sample, 'data/tweets.js'), 'utf8');
      // An empty item after an item in the middle of the file: skipped and counted either way.
      const at = text.indexOf('\n  },', Math.floor(text.length / 2)) + '\n  },'.length;
      await writeFile(path.join(dir, 'data/tweets.js'), `${text.slice(0, at)}\n  {},${text.slice(at)}`);
      const { single } = await expectSameAudit(dir, { all: true });
      expect(single.prepared.archive.warnings.join('\n')).toMatch(/skipped 1 /);
    } finally {
      await cleanup();
    }
  });
});

describe('input the parallel audit does not read itself', () => {
  it('a tweets.js cut short: the same error as reading in one thread', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await mkdir(path.join(dir, 'data'));
      for (const file of ['manifest.js', 'account.js']) await copyFile(path.join(sample, 'data', file), path.join(dir, 'data', file));
      const bytes = await readFile(path.join(sample, 'data/tweets.js'));
      await writeFile(path.join(dir, 'data/tweets.js'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const single = audit(options(dir, { all: true }, { workers: 0 }));
      await expect(single).rejects.toThrow(/ends in the middle of a tweet/);
      const message = await single.catch((error: Error) => error.message);
      await expect(audit(options(dir, { all: true }, { workers: 2, batchBytes: 5000 }))).rejects.toThrow(message);
    } finally {
      await cleanup();
    }
  });

  it('an item that is not JSON in the middle of the file: the same error', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await mkdir(path.join(dir, 'data'));
      const text = await readFile(path.join(sample, 'data/tweets.js'), 'utf8');
      // Break one item deep in the file: a quote goes missing.
      const at = text.indexOf('"full_text"', Math.floor(text.length / 2));
      await writeFile(path.join(dir, 'data/tweets.js'), text.slice(0, at) + text.slice(at + 1));
      const message = await audit(options(dir, { all: true }, { workers: 0 })).then(
        () => 'no error',
        (error: Error) => error.message,
      );
      expect(message).toMatch(/not valid JSON/);
      await expect(audit(options(dir, { all: true }, { workers: 2, batchBytes: 5000 }))).rejects.toThrow(message);
    } finally {
      await cleanup();
    }
  });
});

describe('a worker that dies', () => {
  /**
   * A worker script that runs the real one but ends its thread with code 3 on a `kind` message.
   * The real one is imported first, so that its listener is there before any message comes.
   */
  async function dyingWorker(dir: string, kind: string): Promise<string> {
    const real = pathToFileURL(path.join(repoRoot, 'dist/parallel/worker.js')).href;
    const file = path.join(dir, `dies-on-${kind}.mjs`);
    await writeFile(
      file,
      `import ${JSON.stringify(real)};\n` +
        `import { parentPort } from 'node:worker_threads';\n` +
        `parentPort.on('message', (m) => { if (m.kind === ${JSON.stringify(kind)}) process.exit(3); });\n`,
    );
    return file;
  }

  it.each(['batch', 'finish', 'duplicates'])('on a "%s" message fails the audit with a clear error, never hangs', async (kind) => {
    const { dir, cleanup } = await tempDir();
    try {
      const workerFile = await dyingWorker(dir, kind);
      await expect(audit(options(sample, { all: true }, { workers: 2, batchBytes: 3000, workerFile }))).rejects.toThrow(
        /a worker of the parallel audit stopped \(exit code 3\)/,
      );
    } finally {
      await cleanup();
    }
  }, 60_000);
});

describe('how many workers', () => {
  it('none for small archives, at least two cores for large ones, or what is asked', () => {
    expect(workersFor('auto', PARALLEL_MIN_BYTES - 1)).toBe(0);
    expect(workersFor(3, 10)).toBe(3);
    expect(workersFor(0, 10 * PARALLEL_MIN_BYTES)).toBe(0);
    const auto = workersFor('auto', 10 * PARALLEL_MIN_BYTES);
    expect(auto === 0 || (auto >= 2 && auto <= 4)).toBe(true);
  });
});
