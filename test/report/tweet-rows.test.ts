import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { TWEET_ROW_COLUMNS, escapeFormula, writeTweetRows } from '../../src/report/index.js';
import type { ClassifiedTweet } from '../../src/report/index.js';
import { classified, resetIds, times } from './fixtures.js';
import { createZone } from '../../src/time/zone.js';

/** A writable that keeps what it gets; with a tiny buffer and a slow consumer it pushes back. */
function collector(options: { highWaterMark?: number; slow?: boolean } = {}) {
  const chunks: string[] = [];
  let drains = 0;
  const stream = new Writable({
    highWaterMark: options.highWaterMark ?? 16_384,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      if (options.slow) setImmediate(callback);
      else callback();
    },
  });
  stream.on('drain', () => (drains += 1));
  return { stream, text: () => chunks.join(''), writes: () => chunks.length, drains: () => drains };
}

function sampleRows(): ClassifiedTweet[] {
  resetIds();
  return [
    classified({
      label: 'conversation/reply',
      text: '@ann see you there',
      flags: ['reply', 'late-night'],
      decidedBy: ['reply-to-other', 'model'],
      confidence: 0.876,
      likeCount: 7,
      retweetCount: 2,
    }),
    classified({ label: 'promotion/self', text: '=HYPERLINK("http://evil.example","click")', confidence: 0.5 }),
    classified({ label: 'personal/life', text: '-5 degrees, "cold"\nsecond line', confidence: 1 }),
    classified({ label: 'personal/life', text: '+1 to that' }),
    classified({ label: 'personal/life', text: 'plain, with a comma' }),
  ];
}

beforeEach(() => resetIds());

/** Rows in Madrid's time (12:00 UTC in May is 14:00 there), linked to an X account. */
const CONTEXT = { zone: createZone('Europe/Madrid'), account: { handle: 'ann', platform: 'x' as const } };

describe('escapeFormula', () => {
  it('prefixes cells a spreadsheet would run, and nothing else', () => {
    for (const cell of ['=1+1', '+1', '-1', '@ann hi', '\tx', '\rx', '＝1', '＠ann'])
      expect(escapeFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['hello', ' =1', '', '1-1', 'a@b']) expect(escapeFormula(cell)).toBe(cell);
  });
});

describe('writeTweetRows: csv', () => {
  it('writes the exact columns, ISO UTC dates, 2-decimal confidence, joined flags, string ids', async () => {
    const out = collector();
    await writeTweetRows(sampleRows(), 'csv', out.stream, { csvSafe: false, ...CONTEXT });
    const text = out.text();
    expect(text.split('\n')[0]).toBe(
      'id,created_at,local_time,category,subcategory,confidence,flags,decided_by,likes,retweets,url,text,original',
    );
    expect(TWEET_ROW_COLUMNS.join(',')).toBe(
      'id,created_at,local_time,category,subcategory,confidence,flags,decided_by,likes,retweets,url,text',
    );
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      id: '1000000000000000001',
      created_at: '2024-05-01T12:00:00.000Z',
      local_time: '2024-05-01 14:00',
      category: 'conversation',
      subcategory: 'reply',
      confidence: '0.88',
      flags: 'reply|late-night',
      decided_by: 'reply-to-other|model',
      likes: '7',
      retweets: '2',
      url: 'https://x.com/ann/status/1000000000000000001',
      text: '@ann see you there',
      original: 'conversation/reply',
    });
    // No counts in the archive: empty cells, not zeros.
    expect(rows[1]?.likes).toBe('');
    expect(rows[2]?.text).toBe('-5 degrees, "cold"\nsecond line');
    expect(rows[2]?.confidence).toBe('1.00');
  });

  it('with csvSafe, quotes formula-like text cells only', async () => {
    const out = collector();
    await writeTweetRows(sampleRows(), 'csv', out.stream, { csvSafe: true, ...CONTEXT });
    const rows = parse(out.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.text)).toEqual([
      "'@ann see you there",
      '\'=HYPERLINK("http://evil.example","click")',
      '\'-5 degrees, "cold"\nsecond line',
      "'+1 to that",
      'plain, with a comma',
    ]);
    // Other columns are untouched.
    expect(rows[0]?.id).toBe('1000000000000000001');
  });

  it('without csvSafe, writes text raw', async () => {
    const out = collector();
    await writeTweetRows(sampleRows(), 'csv', out.stream, { csvSafe: false, ...CONTEXT });
    const rows = parse(out.text(), { columns: true }) as Record<string, string>[];
    expect(rows[1]?.text).toBe('=HYPERLINK("http://evil.example","click")');
    expect(rows[3]?.text).toBe('+1 to that');
  });

  it('writes only the header for no rows', async () => {
    const out = collector();
    await writeTweetRows([], 'csv', out.stream, { csvSafe: true, ...CONTEXT });
    expect(out.text()).toBe(
      'id,created_at,local_time,category,subcategory,confidence,flags,decided_by,likes,retweets,url,text,original\n',
    );
  });
});

describe('writeTweetRows: json', () => {
  it('streams one valid JSON array with the row fields', async () => {
    const out = collector();
    await writeTweetRows(sampleRows(), 'json', out.stream, { csvSafe: true, ...CONTEXT });
    const rows = JSON.parse(out.text()) as Record<string, unknown>[];
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      id: '1000000000000000001',
      created_at: '2024-05-01T12:00:00.000Z',
      local_time: '2024-05-01 14:00',
      category: 'conversation',
      subcategory: 'reply',
      confidence: 0.88,
      flags: ['reply', 'late-night'],
      decided_by: ['reply-to-other', 'model'],
      likes: 7,
      retweets: 2,
      url: 'https://x.com/ann/status/1000000000000000001',
      text: '@ann see you there',
    });
    expect(rows[1]?.likes).toBeNull();
    // csvSafe is a CSV matter: JSON keeps the text as tweeted.
    expect(rows[1]?.text).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('writes an empty array for no rows', async () => {
    const out = collector();
    await writeTweetRows([], 'json', out.stream, { csvSafe: true, ...CONTEXT });
    expect(JSON.parse(out.text())).toEqual([]);
  });

  it('takes an async iterable and writes many rows in several chunks, in order', async () => {
    async function* generate(): AsyncIterable<ClassifiedTweet> {
      for (const row of times(1_234, (i) => ({ text: `tweet number ${i}` }))) yield row;
    }
    const out = collector();
    await writeTweetRows(generate(), 'json', out.stream, { csvSafe: true, ...CONTEXT });
    const rows = JSON.parse(out.text()) as { text: string }[];
    expect(rows).toHaveLength(1_234);
    expect(rows[1_233]?.text).toBe('tweet number 1233');
    expect(out.writes()).toBeGreaterThan(2);
  });
});

describe('writeTweetRows: backpressure', () => {
  it('waits for drain when the stream is full, and loses nothing', async () => {
    const out = collector({ highWaterMark: 64, slow: true });
    await writeTweetRows(
      times(2_000, (i) => ({ text: `row ${i}` })),
      'csv',
      out.stream,
      { csvSafe: true, ...CONTEXT },
    );
    const rows = parse(out.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2_000);
    expect(rows.at(-1)?.text).toBe('row 1999');
    expect(out.drains()).toBeGreaterThan(0);
  });

  it('rejects when the output fails instead of hanging', async () => {
    const failing = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, callback) {
        setImmediate(() => callback(Object.assign(new Error('EPIPE'), { code: 'EPIPE' })));
      },
    });
    failing.on('error', () => undefined);
    await expect(
      writeTweetRows(
        times(2_000, () => ({})),
        'csv',
        failing,
        { csvSafe: true, ...CONTEXT },
      ),
    ).rejects.toThrow();
  });

  it('rejects at once when the output is already closed', async () => {
    const closed = collector();
    closed.stream.destroy();
    await expect(
      writeTweetRows(
        times(3, () => ({})),
        'json',
        closed.stream,
        { csvSafe: true, ...CONTEXT },
      ),
    ).rejects.toThrow(/closed/);
  });
});
