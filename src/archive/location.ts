import type { OpenedArchive } from '../model/tweet.js';
import type { ArchiveSource } from './source.js';

/** Where an archive is, and how to open its files afresh (each `tweets()` call opens its own). */
export interface ArchiveLocation {
  /** The path of the archive itself: the zip, the folder, or the single file. */
  readonly path: string;
  /** Modification time of that path, the fallback for telling which archive is newest. */
  readonly mtimeMs: number;
  open(): Promise<ArchiveSource>;
}

/** An opened archive plus what the entry point needs to order several of them. */
export interface ArchiveHandle {
  archive: OpenedArchive;
  /** When X generated the archive (manifest generationDate, payload created_at), if it says. */
  generatedAt?: number;
  mtimeMs: number;
}

/** Joins a data-folder name and a file name ("data" + "tweets.js"; "" + "tweets.js"). */
export function inDir(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** Adds a warning once: tweets() may be called several times and must not repeat its warnings. */
export function warnOnce(warnings: string[], message: string): void {
  if (!warnings.includes(message)) warnings.push(message);
}

/**
 * Runs `read` on a freshly opened source and closes it after, also when `read` throws.
 * Unexpected non-TweetAuditError errors pass through unchanged: they are bugs.
 */
export async function withSource<T>(
  location: ArchiveLocation,
  read: (source: ArchiveSource) => Promise<T>,
): Promise<T> {
  const source = await location.open();
  try {
    return await read(source);
  } finally {
    await source.close();
  }
}
