import { open, readdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import type { OpenedArchive } from '../model/tweet.js';
import { TweetAuditError } from '../errors.js';
import { specialFileError, specialKind } from '../limits.js';
import { assertText } from './js-data-file.js';
import { GRAILBIRD_DIR, GRAILBIRD_FILE, openLegacyArchive } from './legacy.js';
import type { ArchiveHandle, ArchiveLocation } from './location.js';
import { MODERN_TWEET_FILE, openModernArchive } from './modern.js';
import { DirectorySource, SubSource, fsError, type ArchiveSource } from './source.js';

/** What detectors get to look at: cheap facts about a path, gathered once. */
export interface DetectTarget {
  path: string;
  isDirectory: boolean;
  size: number;
  mtimeMs: number;
  /** The first bytes of a file (up to 4 KiB); empty for a folder. */
  head: Buffer;
  /** Names directly inside a folder; empty for a file. */
  names: ReadonlySet<string>;
}

/** Opens what a detector recognised. */
export type ArchiveOpener = () => Promise<ArchiveHandle>;

/**
 * Recognises one input format. Detectors run in order and the first that returns an opener wins,
 * so a detector must be cheap, must not throw for inputs of other formats, and must leave the
 * checks of the content (and their errors) to the opener.
 */
export interface ArchiveDetector {
  name: string;
  /** What it looks for, for the message when nothing is found ("a .zip downloaded from X"). */
  looksFor: string;
  /**
   * True when what it recognises is a whole archive (a zip, an extracted folder), which may sit
   * among others in a folder of monthly downloads; false for a lone data file (tweets.csv).
   */
  wholeArchive: boolean;
  detect(target: DetectTarget): Promise<ArchiveOpener | undefined>;
}

/**
 * Adapts a reader that only knows how to open a path (`openMastodon`, `openBluesky`) to a
 * detector, for wiring into ARCHIVE_DETECTORS:
 *
 *   simpleDetector('mastodon', 'a Mastodon export (.tar.gz or outbox.json)', true,
 *     (t) => /\.tar\.gz$|\.tgz$/i.test(t.path) || t.names.has('outbox.json'), openMastodon)
 */
export function simpleDetector(
  name: string,
  looksFor: string,
  wholeArchive: boolean,
  matches: (target: DetectTarget) => boolean,
  openPath: (path: string) => Promise<OpenedArchive>,
): ArchiveDetector {
  return {
    name,
    looksFor,
    wholeArchive,
    async detect(target) {
      if (!matches(target)) return undefined;
      return async () => ({ archive: await openPath(target.path), mtimeMs: target.mtimeMs });
    },
  };
}

function isZip(target: DetectTarget): boolean {
  if (target.isDirectory) return false;
  const h = target.head;
  const magic =
    h.length >= 4 && h[0] === 0x50 && h[1] === 0x4b && (h[2] === 3 || h[2] === 5) && (h[3] === 4 || h[3] === 6);
  return magic || /\.zip$/i.test(target.path);
}

/** Where the X archive is inside a source (a folder, a zip), or undefined. */
type XLayout = { kind: 'modern'; dataDir: string } | { kind: 'legacy'; csv?: string; grailbird?: string[] };

async function findXLayout(source: ArchiveSource): Promise<XLayout | undefined> {
  const top = await source.list('');
  const topNames = new Set(top.map((f) => f.name));
  const data = await source.list('data');
  if (data.some((f) => isModernTweetFile(f.name) || f.name === 'data/manifest.js')) {
    return { kind: 'modern', dataDir: 'data' };
  }
  const months = (await source.list(GRAILBIRD_DIR)).filter((f) => GRAILBIRD_FILE.test(baseName(f.name)));
  if (months.length > 0 || topNames.has('tweets.csv')) {
    const layout: XLayout = { kind: 'legacy' };
    if (topNames.has('tweets.csv')) layout.csv = 'tweets.csv';
    if (months.length > 0) layout.grailbird = months.map((f) => f.name);
    return layout;
  }
  // The data folder itself was given (…/data with tweets.js in it), or a folder of loose files.
  if (top.some((f) => isModernTweetFile(f.name))) return { kind: 'modern', dataDir: '' };
  return undefined;
}

function isModernTweetFile(name: string): boolean {
  return MODERN_TWEET_FILE.test(baseName(name));
}

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function openLayout(location: ArchiveLocation, layout: XLayout): Promise<ArchiveHandle> {
  if (layout.kind === 'modern') return openModernArchive(location, { dataDir: layout.dataDir });
  const legacy: Parameters<typeof openLegacyArchive>[1] = { jsDir: 'data/js' };
  if (layout.csv) legacy.csv = layout.csv;
  if (layout.grailbird) legacy.grailbird = layout.grailbird;
  return openLegacyArchive(location, legacy);
}

/** X archives as downloaded: a .zip read in place. The archive may sit in one top folder of the zip. */
const xZip: ArchiveDetector = {
  name: 'x-zip',
  looksFor: 'a .zip downloaded from X',
  wholeArchive: true,
  async detect(target) {
    if (!isZip(target)) return undefined;
    return async () => {
      // Loaded here, with yauzl: an extracted archive needs neither.
      const { ZipSource } = await import('./zip-source.js');
      const zip = await ZipSource.open(target.path, target.mtimeMs);
      let layout: XLayout | undefined;
      let prefix = '';
      try {
        layout = await findXLayout(zip);
        if (!layout) {
          const dirs = await zip.listDirs('');
          if (dirs.length === 1) {
            prefix = `${dirs[0]}/`;
            layout = await findXLayout(new SubSource(zip, prefix));
          }
        }
      } finally {
        await zip.close();
      }
      if (!layout) {
        throw new TweetAuditError(
          'holds no Twitter/X archive: looked for data/tweets.js, data/tweet.js, data/manifest.js, tweets.csv ' +
            `and ${GRAILBIRD_DIR}/*.js inside it`,
          { file: target.path },
        );
      }
      const location: ArchiveLocation = {
        path: target.path,
        mtimeMs: target.mtimeMs,
        async open() {
          const source = await ZipSource.open(target.path, target.mtimeMs);
          return prefix ? new SubSource(source, prefix) : source;
        },
      };
      return openLayout(location, layout);
    };
  },
};

/** An extracted X archive: the folder with data/ in it, a legacy folder, or the data folder itself. */
const xFolder: ArchiveDetector = {
  name: 'x-folder',
  looksFor: 'an extracted X archive folder (data/tweets.js, data/tweet.js, tweets.csv or data/js/tweets/)',
  wholeArchive: true,
  async detect(target) {
    if (!target.isDirectory) return undefined;
    const source = new DirectorySource(target.path);
    const layout = await findXLayout(source);
    if (!layout) return undefined;
    const location: ArchiveLocation = {
      path: target.path,
      mtimeMs: target.mtimeMs,
      open: async () => new DirectorySource(target.path),
    };
    return () => openLayout(location, layout);
  },
};

/**
 * One data file given on its own: a tweets.js / tweet.js / part file (or a renamed copy), a
 * legacy tweets.csv, or one Grailbird month file. Files beside it (account.js, note-tweet.js,
 * data/js/user_details.js) are used when present.
 */
const xDataFile: ArchiveDetector = {
  name: 'x-data-file',
  looksFor: 'a tweets.js, tweet.js or tweets.csv file',
  wholeArchive: false,
  async detect(target) {
    if (target.isDirectory) return undefined;
    const dir = path.dirname(target.path);
    const name = path.basename(target.path);
    const location: ArchiveLocation = {
      path: target.path,
      mtimeMs: target.mtimeMs,
      open: async () => new DirectorySource(dir),
    };
    const head = target.head.toString('latin1', 0, Math.min(target.head.length, 512));
    const opening = (): void => {
      if (target.size === 0) {
        throw new TweetAuditError('is empty — the download may be incomplete; download the archive again', {
          file: target.path,
        });
      }
      assertText(target.head, target.path);
    };
    if (/\.csv$/i.test(name) || /^\uFEFF?"?tweet_id"?,/.test(head)) {
      return async () => {
        opening();
        return openLegacyArchive(location, { csv: name, jsDir: 'data/js' });
      };
    }
    if (/^\uFEFF?\s*Grailbird\.data/.test(head) || (GRAILBIRD_FILE.test(name) && !/^\s*window\.YTD/.test(head))) {
      // In its place (…/data/js/tweets/2013_03.js) the archive root is three folders up, where
      // data/js/user_details.js names the owner; elsewhere the tweets' `user` objects do.
      const inPlace = path.basename(dir) === 'tweets' && path.basename(path.dirname(dir)) === 'js';
      const root = inPlace ? path.resolve(dir, '..', '..', '..') : dir;
      const rooted: ArchiveLocation = { ...location, open: async () => new DirectorySource(root) };
      return async () => {
        opening();
        return inPlace
          ? openLegacyArchive(rooted, { grailbird: [`${GRAILBIRD_DIR}/${name}`], jsDir: 'data/js' })
          : openLegacyArchive(rooted, { grailbird: [name], jsDir: '' });
      };
    }
    // Any .js file (tweets.js, tweet.js, parts, renamed copies); other files only when they start
    // like one, so that a JSON object (a Mastodon outbox.json) is left to other detectors.
    if (/\.js$/i.test(name) || /^\uFEFF?\s*(?:window\.YTD|module\.exports|\[)/.test(head)) {
      return async () => {
        opening();
        return openModernArchive(location, { dataDir: '', onlyFile: name });
      };
    }
    return undefined;
  },
};

/** What a probing detector needs of its reader: loaded only when the target may be its format. */
interface ProbedReader {
  /** Never throws; false for what it cannot read. */
  recognises: (path: string) => Promise<boolean>;
  openPath: (path: string) => Promise<OpenedArchive>;
}

/**
 * Adapts a reader whose recognition needs to look inside the file (a zip's entry names, a CAR
 * header) to a detector. `mayBe` answers from the facts already gathered: false when the target
 * surely is not of this format, so that the reader's modules are not loaded for it.
 */
function probingDetector(
  name: string,
  looksFor: string,
  mayBe: (target: DetectTarget) => boolean,
  load: () => Promise<ProbedReader>,
): ArchiveDetector {
  return {
    name,
    looksFor,
    wholeArchive: true,
    async detect(target) {
      if (!mayBe(target)) return undefined;
      const reader = await load();
      if (!(await reader.recognises(target.path))) return undefined;
      return async () => ({ archive: await reader.openPath(target.path), mtimeMs: target.mtimeMs });
    },
  };
}

/**
 * A file Mastodon's reader may recognise, by the facts isMastodonExport checks first: a zip (as
 * isZip tells one), a gzip (1f 8b), a file named outbox.json, or text opening with a JSON object (or
 * blanks only, so far).
 */
function mayBeMastodonFile(target: DetectTarget): boolean {
  const h = target.head;
  if (isZip(target)) return true;
  if (h.length >= 2 && h[0] === 0x1f && h[1] === 0x8b) return true;
  if (path.basename(target.path).toLowerCase() === 'outbox.json') return true;
  return /^\uFEFF?\s*(?:\{|$)/.test(h.toString('utf8'));
}

/** A CAR file opens with its header's length (a varint), then the header: a DAG-CBOR map (major type 5). */
function mayBeCar(head: Buffer): boolean {
  let at = 0;
  while (at < head.length && (head[at]! & 0x80) !== 0) at++;
  const first = head[at + 1];
  return first !== undefined && first >> 5 === 5;
}

const mastodon = probingDetector(
  'mastodon',
  'a Mastodon export (.zip, .tar.gz, or outbox.json)',
  // A folder is an export when it holds outbox.json (in any case, as a case-insensitive disk finds it).
  (target) =>
    target.isDirectory
      ? [...target.names].some((name) => name.toLowerCase() === 'outbox.json')
      : mayBeMastodonFile(target),
  async () => {
    const { isMastodonExport, openMastodon } = await import('./mastodon.js');
    return { recognises: isMastodonExport, openPath: openMastodon };
  },
);
const bluesky = probingDetector(
  'bluesky',
  'a Bluesky repository export (.car)',
  // A repository export is a file: a folder never has a CAR header.
  (target) => !target.isDirectory && mayBeCar(target.head),
  async () => {
    const { isBlueskyRepo, openBluesky } = await import('./bluesky.js');
    return { recognises: isBlueskyRepo, openPath: openBluesky };
  },
);

/**
 * The formats tweet-audit reads, tried in order. Mastodon comes before X's zip because Mastodon
 * exports are zips too (since Mastodon 4.2), told apart by outbox.json at the top.
 */
export const ARCHIVE_DETECTORS: ArchiveDetector[] = [mastodon, bluesky, xZip, xFolder, xDataFile];

/** Reads the facts detectors look at. Throws a TweetAuditError when the path does not exist. */
export async function describeTarget(target: string): Promise<DetectTarget> {
  let s;
  try {
    s = await stat(target);
  } catch (error) {
    throw fsError(error, target);
  }
  // A pipe or a device would make the first read wait forever (or never end): refuse it unopened.
  const kind = specialKind(s);
  if (kind) throw specialFileError(target, kind, 'an archive');
  const facts: DetectTarget = {
    path: target,
    isDirectory: s.isDirectory(),
    size: s.size,
    mtimeMs: s.mtimeMs,
    head: Buffer.alloc(0),
    names: new Set(),
  };
  if (facts.isDirectory) {
    try {
      facts.names = new Set(await readdir(target));
    } catch (error) {
      throw fsError(error, target);
    }
  } else {
    let handle;
    try {
      handle = await open(target, constants.O_RDONLY);
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      facts.head = buffer.subarray(0, bytesRead);
    } catch (error) {
      throw fsError(error, target);
    } finally {
      await handle?.close();
    }
  }
  return facts;
}

/** The first detector's opener for a target, or undefined when no format matches. */
export async function detect(
  target: DetectTarget,
  detectors: readonly ArchiveDetector[] = ARCHIVE_DETECTORS,
  wholeArchivesOnly = false,
): Promise<ArchiveOpener | undefined> {
  for (const detector of detectors) {
    if (wholeArchivesOnly && !detector.wholeArchive) continue;
    const opener = await detector.detect(target);
    if (opener) return opener;
  }
  return undefined;
}
