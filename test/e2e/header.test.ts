import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { employerTweets } from '../../src/cli/commands/shared.js';
import { writeDatedArchive } from '../support/dated-archive.js';
import { runBinary, runMain, sampleArchive } from '../support/cli.js';
import { tweet } from '../classify/support.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-header-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function configFolder(config: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(temp, 'config-'));
  writeFileSync(path.join(dir, 'tweet-audit.config.json'), JSON.stringify(config));
  return dir;
}

describe('the report names whose archive it is and how recent', () => {
  it('puts @handle, display name and the generation date on the title line, in every format', async () => {
    const table = await runMain(['report', sampleArchive]);
    expect(table.stdout.split('\n')[0]).toBe(
      'Tweet audit 2026-10 · @marisolquade (Marisol Quade) · archive of 2026-11-03',
    );
    expect(table.stdout.split('\n')[1]).toMatch(/^n=402 {2}2026-10-01 to 2026-10-31 {2}time zone America\/New_York$/u);
    const markdown = await runMain(['report', sampleArchive, '-f', 'markdown']);
    expect(markdown.stdout.split('\n')[0]).toBe(
      '# Tweet audit · @marisolquade (Marisol Quade) · archive of 2026-11-03',
    );
    const html = await runMain(['report', sampleArchive, '-f', 'html']);
    expect(html.stdout).toContain(
      '<title>Tweet audit 2026-10 · @marisolquade (Marisol Quade) · archive of 2026-11-03</title>',
    );
    expect(html.stdout).toContain('<h1>Tweet audit · @marisolquade (Marisol Quade) · archive of 2026-11-03</h1>');
    const json = JSON.parse((await runMain(['report', sampleArchive, '--json'])).stdout) as Record<string, unknown>;
    expect(json.account).toEqual({ handle: 'marisolquade', platform: 'x', displayName: 'Marisol Quade' });
    expect(json.archive).toEqual({ date: '2026-11-03', basis: 'generated' });
  });

  it("falls back to the newest tweet's day when the archive does not say when it was made", async () => {
    const dir = writeDatedArchive(path.join(temp, 'undated'), {
      handle: 'undated',
      accountId: '7',
      madeAt: Date.UTC(2026, 9, 20, 12),
    });
    rmSync(path.join(dir, 'data', 'manifest.js'));
    const result = await runMain(['report', dir, '--tz', 'UTC']);
    expect(result.stdout.split('\n')[0]).toBe(
      'Tweet audit 2026-09 · @undated (undated) · archive to 2026-10-19 (newest tweet)',
    );
  });
});

describe('the report says what it guessed', () => {
  const dated = writeDatedArchive(path.join(temp, 'dated'), {
    handle: 'dated',
    accountId: '9',
    madeAt: Date.UTC(2026, 9, 20),
  });

  it("says the time zone is the system's when neither --tz nor the config sets it, and only then", async () => {
    // Spawned: the system's zone is the process's, set by TZ.
    const guessed = await runBinary(['report', dated], { env: { TZ: 'Europe/Lisbon' } });
    const lines = guessed.stdout.split('\n');
    expect(lines[2]).toBe("Time zone: the system's (Europe/Lisbon); pass --tz to set it");
    expect(lines.filter((line) => line.includes('pass --tz'))).toHaveLength(1);
    const json = JSON.parse((await runBinary(['report', dated, '--json'], { env: { TZ: 'Europe/Lisbon' } })).stdout);
    expect(json.guesses).toEqual([
      { kind: 'time-zone', text: "time zone: the system's (Europe/Lisbon); pass --tz to set it" },
    ]);
    expect((await runMain(['report', dated, '--tz', 'Europe/Lisbon'])).stdout).not.toContain('pass --tz');
    const cwd = configFolder({ timeZone: 'Europe/Lisbon' });
    expect((await runMain(['report', dated], { cwd })).stdout).not.toContain('pass --tz');
    // The sample archive has X's own zone setting: nothing is guessed about it.
    expect((await runMain(['report', sampleArchive])).stdout).not.toContain('pass --tz');
  });

  it('says the employer was guessed, from the bio and how many tweets, unless the config sets it', async () => {
    const guessed = await runMain(['report', sampleArchive]);
    const line = guessed.stdout.split('\n')[2];
    expect(line).toMatch(/^Employer Tallyfern guessed from your bio and \d+ tweets; set it in your config$/u);
    const cwd = configFolder({ identity: { employer: { names: ['Tallyfern'] } } });
    const configured = await runMain(['report', sampleArchive], { cwd });
    expect(configured.stdout).not.toContain('guessed');
  });

  it('says the employer came from the bio, not from "0 tweets", when no tweet names it', async () => {
    const dir = writeDatedArchive(path.join(temp, 'bio-only'), {
      handle: 'biodev',
      accountId: '11',
      madeAt: Date.UTC(2026, 9, 20),
    });
    const profile = [{ profile: { description: { bio: 'Developer Advocate @acmeco. Coffee first.' } } }];
    writeFileSync(path.join(dir, 'data', 'profile.js'), `window.YTD.profile.part0 = ${JSON.stringify(profile)}`);
    const table = await runMain(['report', dir, '--tz', 'UTC']);
    expect(table.stdout.split('\n')[2]).toBe('Employer Acmeco guessed from your bio; set it in your config');
    const json = JSON.parse((await runMain(['report', dir, '--tz', 'UTC', '--json'])).stdout) as Record<
      string,
      unknown
    >;
    expect(json.guesses).toEqual([
      { kind: 'employer', text: 'employer Acmeco guessed from your bio; set it in your config' },
    ]);
  });
});

describe('employerTweets', () => {
  const employer = { names: ['Acme Cloud'], handles: ['acme'], domains: ['acme.example'] };

  it('counts tweets that mention, retweet, link to or name the employer, each once', () => {
    const tweets = [
      tweet('Proud of the team', { mentions: ['acme'] }),
      tweet('RT @acme: we shipped', { isRetweet: true, retweetOf: 'acme' }),
      tweet('Read this', { urls: ['https://blog.acme.example/post'] }),
      tweet('Working at Acme Cloud today, @acme says hi', { mentions: ['acme'] }),
      tweet('acme cloud is down again'),
      tweet('Acme Cloudy skies and a walk'),
      tweet('Nothing to do with work', { urls: ['https://notacme.example/'] }),
    ];
    expect(employerTweets(tweets, employer)).toBe(5);
    expect(employerTweets(tweets, { names: [], handles: [], domains: [] })).toBe(0);
  });
});
