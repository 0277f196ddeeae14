import os from 'node:os';
import path from 'node:path';
import { MAX_CONFIG_BYTES, readTextInput } from '../limits.js';
import type { TweetAuditConfig } from './schema.js';

/** The config file name looked for in the working directory. */
const LOCAL_CONFIG_NAME = 'tweet-audit.config.json';

export interface LoadConfigOptions {
  /** --config: must exist. */
  explicitPath?: string;
  /** Where relative paths and ./tweet-audit.config.json are resolved. */
  cwd: string;
  /** For XDG_CONFIG_HOME and HOME; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The user's config folder file: $XDG_CONFIG_HOME/tweet-audit/config.json, else ~/.config/tweet-audit/config.json. */
export function userConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env.HOME || os.homedir(), '.config');
  return path.join(base, 'tweet-audit', 'config.json');
}

/**
 * Finds and reads the config: the --config file, else ./tweet-audit.config.json, else the user's
 * config folder. No file at all is an empty config. The file is JSON with comments (and trailing
 * commas); a syntax error, an unknown key at any level or a wrong value is a TweetAuditError
 * naming the file, the line and the key.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<{ config: TweetAuditConfig; path?: string }> {
  const env = options.env ?? process.env;
  if (options.explicitPath !== undefined) {
    const file = path.resolve(options.cwd, options.explicitPath);
    const text = await readConfigFile(file, true);
    return { config: await parseConfigFile(text!, file), path: file };
  }
  for (const file of [path.join(options.cwd, LOCAL_CONFIG_NAME), userConfigPath(env)]) {
    const text = await readConfigFile(file, false);
    if (text !== undefined) return { config: await parseConfigFile(text, file), path: file };
  }
  return { config: {} };
}

/** A regular file of at most MAX_CONFIG_BYTES, UTF-8 (with or without BOM) or UTF-16 with BOM. */
function readConfigFile(file: string, required: boolean): Promise<string | undefined> {
  return readTextInput(file, 'config', MAX_CONFIG_BYTES, !required);
}

/** The parser (and jsonc-parser) is loaded only when there is a config file: most runs have none. */
async function parseConfigFile(text: string, file: string): Promise<TweetAuditConfig> {
  const { parseConfig } = await import('./parse.js');
  return parseConfig(text, file);
}
