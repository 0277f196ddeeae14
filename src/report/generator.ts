import { createRequire } from 'node:module';
import type { GeneratorInfo } from './types.js';

let cached: GeneratorInfo | undefined;

/**
 * The tool's name and version from package.json. This file sits two folders below the package
 * root both as source (src/report) and built (dist/report), so one relative path serves both.
 * Read on first use, not at import, and never a date: reports must be byte-for-byte reproducible.
 */
export function defaultGenerator(): GeneratorInfo {
  if (!cached) {
    let version = 'unknown';
    try {
      const pkg = createRequire(import.meta.url)('../../package.json') as { version?: unknown };
      if (typeof pkg.version === 'string') version = pkg.version;
    } catch {
      // A bundled or relocated build without package.json still produces a report.
    }
    cached = { name: 'tweet-audit', version };
  }
  return cached;
}
