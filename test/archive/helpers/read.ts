import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive, openArchives } from '../../../src/archive/index.js';
import type { OpenedArchive, Tweet } from '../../../src/model/tweet.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const REPO = path.resolve(here, '../../..');

/** Real archives, shared next to the repository (absent on machines without them). */
const SHARED = path.resolve(REPO, '../shared/archives');

/** Our own small fixture archives. */
export const FIXTURES = path.join(REPO, 'fixtures/archives');

export function shared(name: string): string {
  return path.join(SHARED, name);
}

export function hasShared(name: string): boolean {
  return existsSync(shared(name));
}

/** An archive read to the end. */
export interface ReadResult {
  archive: OpenedArchive;
  tweets: Tweet[];
  byId: Map<string, Tweet>;
}

export async function collect(archive: OpenedArchive): Promise<ReadResult> {
  const tweets: Tweet[] = [];
  for await (const t of archive.tweets()) tweets.push(t);
  return { archive, tweets, byId: new Map(tweets.map((t) => [t.id, t])) };
}

/** Opens and reads everything: errors in tweet files only show up while reading. */
export async function readAll(target: string): Promise<ReadResult> {
  return collect(await openArchive(target));
}

export async function readAllMerged(targets: string[]): Promise<ReadResult> {
  return collect(await openArchives(targets));
}

export function iso(t: Tweet | undefined): string | undefined {
  return t === undefined ? undefined : new Date(t.createdAt).toISOString();
}

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tweet-audit-archive-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The archive's one warning about skipped records, then the records as --verbose lists them. */
export function skipLines(archive: OpenedArchive): string[] {
  return archive.skipped.report(true).flatMap(({ warning, details }) => [warning, ...details]);
}
