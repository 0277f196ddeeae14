import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sampleArchive } from '../support/cli.js';
import { loadedModules } from '../support/loaded-modules.js';

const CSV_PARSER = /^node_modules\/csv-parse\//;
const CORPUS_CODE = /^dist\/classify\/(?:training|corpus|labels)\.js$/;

describe('a report loads only the code it needs', () => {
  it('does not load the CSV parser nor the labeled-corpus code for an archive of tweets.js files', async () => {
    const { code, stderr, modules } = await loadedModules(['report', sampleArchive, '--month', '2026-10']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(modules).toContain('dist/classify/shipped-model.js');
    expect([...modules].filter((module) => CSV_PARSER.test(module) || CORPUS_CODE.test(module))).toEqual([]);
  });

  it('loads them when it reads a labels CSV (the recorder sees them)', async () => {
    const labels = path.join(repoRoot, 'fixtures/sample-archive.labels.csv');
    const { code, modules } = await loadedModules(['report', sampleArchive, '--month', '2026-10', '--labels', labels]);
    expect(code).toBe(0);
    expect([...modules].some((module) => CSV_PARSER.test(module))).toBe(true);
    expect(modules).toContain('dist/classify/labels.js');
  });
});

/** The readers of the other formats, and the zip library. */
const OTHER_READERS = /^(?:dist\/archive\/(?:mastodon|bluesky|zip-source|car|cbor)[\w-]*\.js|node_modules\/yauzl\/.*)$/;

describe('a file target loads only the reader its first bytes and name call for', () => {
  it('reads a tweets.js without the Mastodon, Bluesky and zip readers', async () => {
    const target = path.join(sampleArchive, 'data/tweets.js');
    const { code, stderr, modules } = await loadedModules(['report', target, '--month', '2026-10']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(modules).toContain('dist/archive/modern.js');
    expect([...modules].filter((module) => OTHER_READERS.test(module))).toEqual([]);
  });

  it('loads the Bluesky reader, and not the Mastodon or zip ones, for a .car', async () => {
    const target = path.join(repoRoot, 'fixtures/bluesky/basic/repo.car');
    const { code, modules } = await loadedModules(['report', target, '--all']);
    expect(code).toBe(0);
    expect(modules).toContain('dist/archive/bluesky.js');
    expect([...modules].filter((module) => /mastodon|zip-source|yauzl/.test(module))).toEqual([]);
  });

  it('loads the Mastodon reader for an outbox.json', async () => {
    const target = path.join(repoRoot, 'fixtures/mastodon/basic/outbox.json');
    const { code, modules } = await loadedModules(['report', target, '--all']);
    expect(code).toBe(0);
    expect(modules).toContain('dist/archive/mastodon.js');
    expect(modules).not.toContain('dist/archive/bluesky.js');
  });
});
