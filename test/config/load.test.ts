import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig, userConfigPath } from '../../src/config/index.js';
import { TweetAuditError } from '../../src/errors.js';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'tweet-audit-config-'));
}

function problem(text: string): string {
  try {
    parseConfig(text, 'cfg.json');
  } catch (error) {
    expect(error).toBeInstanceOf(TweetAuditError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('parseConfig', () => {
  it('reads JSON with comments and trailing commas', () => {
    const config = parseConfig(
      `// mine
      {
        /* zone */ "timeZone": "Europe/Madrid",
        "nightHours": { "from": 23, "to": 4 },
        "identity": { "handles": ["me"], "employer": { "names": ["Acme"], }, },
        "goals": ["Meet interesting people"],
        "targets": [{ "scope": "promotion/employer", "min": 0.05, "max": 0.15 }, { "scope": "conversation", "min": 0.3 }],
      }`,
      'cfg.json',
    );
    expect(config).toEqual({
      timeZone: 'Europe/Madrid',
      nightHours: { from: 23, to: 4 },
      identity: { handles: ['me'], employer: { names: ['Acme'] } },
      goals: ['Meet interesting people'],
      targets: [
        { scope: 'promotion/employer', min: 0.05, max: 0.15 },
        { scope: 'conversation', min: 0.3 },
      ],
    });
  });

  it('reads an empty or comment-only file as an empty config, and allows "$schema"', () => {
    expect(parseConfig('', 'cfg.json')).toEqual({});
    expect(parseConfig('  \n', 'cfg.json')).toEqual({});
    expect(parseConfig('// everything commented out\n/* "goals": [] */\n', 'cfg.json')).toEqual({});
    expect(parseConfig('{ "$schema": "https://example.org/schema.json" }', 'cfg.json')).toEqual({});
  });

  it('names the file and the line of a syntax error', () => {
    expect(problem('{\n  "timeZone": "UTC"\n  "goals": []\n}')).toMatch(
      /^cfg\.json: line 3, column 3: JSON syntax error \(CommaExpected\)/,
    );
    expect(problem('{ "goals": [ }')).toMatch(/^cfg\.json: line 1, column \d+: JSON syntax error/);
  });

  it('rejects unknown keys at any level, naming the key path and the line', () => {
    expect(problem('{\n  "timezone": "UTC"\n}')).toMatch(
      /^cfg\.json: line 2, column 3: unknown key "timezone" \(known keys: timeZone, nightHours/,
    );
    expect(problem('{\n  "identity": {\n    "employer": {\n      "name": ["Acme"]\n    }\n  }\n}')).toMatch(
      /line 4, column 7: unknown key "identity\.employer\.name" \(known keys of "identity\.employer": names, handles, domains\)/,
    );
    expect(problem('{ "targets": [ { "scope": "promotion", "minimum": 0.1 } ] }')).toMatch(
      /unknown key "targets\[0\]\.minimum"/,
    );
    // Only lists that discovery adds to can exclude; the employer is replaced instead.
    expect(problem('{ "identity": { "exclude": { "employer": ["Acme"] } } }')).toMatch(
      /unknown key "identity\.exclude\.employer" \(known keys of "identity\.exclude": ownDomains, eventHashtags, chatHashtags\)/,
    );
    expect(parseConfig('{ "identity": { "exclude": { "eventHashtags": ["ff"] } } }', 'cfg.json')).toEqual({
      identity: { exclude: { eventHashtags: ['ff'] } },
    });
  });

  it('rejects values of the wrong type or range, naming the key', () => {
    expect(problem('{ "goals": "be nice" }')).toMatch(/line 1, column 12: "goals" must be a list, not a string/);
    expect(problem('{ "identity": { "handles": ["me", 3] } }')).toMatch(
      /"identity\.handles\[1\]" must be a string, not a number/,
    );
    expect(problem('{ "nightHours": { "from": 24, "to": 5 } }')).toMatch(
      /"nightHours\.from" must be a whole number from 0 to 23/,
    );
    expect(problem('{ "nightHours": { "from": 1 } }')).toMatch(/"nightHours": needs both "from" and "to"/);
    expect(problem('{ "timeZone": "Mars/Olympus" }')).toMatch(/"timeZone": "Mars\/Olympus" is not an IANA time zone/);
    expect(problem('{ "targets": [ { "scope": "ads", "max": 0.1 } ] }')).toMatch(
      /"targets\[0\]\.scope": "ads" is not a category/,
    );
    expect(problem('{ "targets": [ { "scope": "promotion/life", "max": 0.1 } ] }')).toMatch(
      /"life" is not a subcategory of promotion/,
    );
    expect(problem('{ "targets": [ { "scope": "promotion", "max": 10 } ] }')).toMatch(
      /"targets\[0\]\.max" must be a fraction from 0 to 1/,
    );
    expect(problem('{ "targets": [ { "scope": "promotion", "min": 0.5, "max": 0.2 } ] }')).toMatch(
      /"min" is larger than "max"/,
    );
    expect(problem('{ "targets": [ { "scope": "promotion" } ] }')).toMatch(/a target needs "min", "max" or both/);
    expect(problem('[1, 2]')).toMatch(/the config must be an object/);
    expect(problem('{ "goals": [], "goals": [] }')).toMatch(/key "goals" appears twice/);
  });
});

describe('loadConfig', () => {
  it('reads --config relative to cwd, and fails when it is missing', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'mine.json'), '{ "goals": ["a"] }');
    await expect(loadConfig({ explicitPath: 'mine.json', cwd: dir, env: {} })).resolves.toEqual({
      config: { goals: ['a'] },
      path: path.join(dir, 'mine.json'),
    });
    await expect(loadConfig({ explicitPath: 'nope.json', cwd: dir, env: {} })).rejects.toThrow(
      /nope\.json: cannot read config: no such file/,
    );
  });

  it('prefers ./tweet-audit.config.json, then the user config folder, else an empty config', async () => {
    const cwd = await tempDir();
    const home = await tempDir();
    const env = { HOME: home };
    await expect(loadConfig({ cwd, env })).resolves.toEqual({ config: {} });

    await mkdir(path.join(home, '.config', 'tweet-audit'), { recursive: true });
    await writeFile(path.join(home, '.config', 'tweet-audit', 'config.json'), '{ "goals": ["home"] }');
    await expect(loadConfig({ cwd, env })).resolves.toMatchObject({ config: { goals: ['home'] } });

    await writeFile(path.join(cwd, 'tweet-audit.config.json'), '{ "goals": ["local"] }');
    await expect(loadConfig({ cwd, env })).resolves.toEqual({
      config: { goals: ['local'] },
      path: path.join(cwd, 'tweet-audit.config.json'),
    });
  });

  it('honours XDG_CONFIG_HOME', async () => {
    const cwd = await tempDir();
    const xdg = await tempDir();
    await mkdir(path.join(xdg, 'tweet-audit'));
    await writeFile(path.join(xdg, 'tweet-audit', 'config.json'), '{ "goals": ["xdg"] }');
    await expect(loadConfig({ cwd, env: { XDG_CONFIG_HOME: xdg, HOME: '/nonexistent' } })).resolves.toMatchObject({
      config: { goals: ['xdg'] },
    });
    expect(userConfigPath({ XDG_CONFIG_HOME: xdg })).toBe(path.join(xdg, 'tweet-audit', 'config.json'));
    expect(userConfigPath({ HOME: '/home/u' })).toBe('/home/u/.config/tweet-audit/config.json');
  });

  it('reports errors of the file it found with its path', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, 'tweet-audit.config.json'), '{\n  "goal": []\n}');
    await expect(loadConfig({ cwd, env: { HOME: '/nonexistent' } })).rejects.toThrow(
      `${path.join(cwd, 'tweet-audit.config.json')}: line 2, column 3: unknown key "goal"`,
    );
  });
});
