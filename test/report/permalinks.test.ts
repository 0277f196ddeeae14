import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderers, type AuditReport, type ReportAccount } from '../../src/report/index.js';
import { validate } from './json-schema.js';
import { aggregate, classified, filler, resetIds, times } from './fixtures.js';

const schema = JSON.parse(
  readFileSync(new URL('../../src/report/report.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const plain = { color: null, width: 100 };

beforeEach(() => resetIds());

/** A month whose three late-night tweets carry the given pages (undefined: none). */
function month(account: ReportAccount, urls: (string | undefined)[]): AuditReport {
  const tweets = [
    ...times(20, (i) => ({ month: '2024-05', day: 1 + i, text: filler(i) })),
    ...urls.map((url, i) =>
      classified({
        id: `id${i}`,
        month: '2024-05',
        day: 25 + i,
        hour: 2,
        text: `night owl note ${filler(i + 30)}`,
        flags: ['late-night'],
        ...(url ? { url } : {}),
      }),
    ),
  ];
  const report = aggregate(tweets, { detailMonths: ['2024-05'] });
  report.account = account;
  return report;
}

describe('links to the tweets', () => {
  it('links Mastodon posts to their own page, in markdown and HTML, and keeps it in JSON', () => {
    const url = 'https://social.example/@alice/111000000000000001';
    const report = month({ handle: 'alice@social.example', platform: 'mastodon' }, [url]);
    expect(renderers.markdown(report, plain)).toContain(`](${url})`);
    expect(renderers.html(report, plain)).toContain(`<a href="${url}" rel="noreferrer noopener">night owl note`);
    expect(renderers.markdown(report, plain)).not.toContain('x.com');
    const value = JSON.parse(renderers.json(report, plain)) as { flags: { 'late-night': { tweets: unknown[] } } };
    expect(value.flags['late-night'].tweets[0]).toMatchObject({ id: 'id0', url });
    expect(validate(schema, value)).toEqual([]);
  });

  it('links Bluesky posts to bsky.app', () => {
    const url = 'https://bsky.app/profile/did:plc:alice2example3owner4xyz/post/3kabc';
    const report = month({ handle: 'did:plc:alice2example3owner4xyz', platform: 'bluesky' }, [url]);
    expect(renderers.markdown(report, plain)).toContain(`](${url})`);
    expect(renderers.html(report, plain)).toContain(`href="${url}"`);
  });

  it('still links X tweets to x.com by handle and id', () => {
    resetIds();
    const report = month({ handle: 'maya', platform: 'x' }, [undefined]);
    const id = report.months[0]!.flags['late-night'].ids[0]!;
    expect(id).toBe('id0');
    expect(renderers.markdown(report, { ...plain })).not.toContain('https://x.com/maya/status/id0');
    const numeric = month({ handle: 'maya', platform: 'x' }, [undefined]);
    numeric.months[0]!.flags['late-night'].tweets[0]!.id = '1790000000000000001';
    expect(renderers.markdown(numeric, plain)).toContain('](https://x.com/maya/status/1790000000000000001)');
  });

  it('gives no link for a Mastodon post without a page, nor for an address that could break out', () => {
    const report = month({ handle: 'alice@social.example', platform: 'mastodon' }, [
      undefined,
      'https://evil.example/a)(javascript:alert(1)',
      'javascript:alert(1)',
    ]);
    const markdown = renderers.markdown(report, plain);
    expect(markdown).not.toMatch(/\]\(/u);
    expect(renderers.html(report, plain)).not.toContain('<a href');
  });
});
