import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  cleanText,
  formatQuestion,
  interact,
  LabelSession,
  pickSheet,
  whyLine,
  type TweetView,
} from '../../src/cli/commands/label.js';
import { LabelsFile, QuestionPicker, type Candidate } from '../../src/cli/commands/label-pick.js';

const view: TweetView = {
  localTime: (createdAt) => new Date(createdAt).toISOString().slice(0, 16).replace('T', ' '),
  link: ({ id }) => `https://x.com/someone/status/${id}`,
};

/** Ten tweets, the less confident the smaller their id, each in its own group. */
const candidates: Candidate[] = Array.from({ length: 10 }, (_, i) => ({
  id: String(100 + i),
  createdAt: Date.UTC(2026, 0, 1 + i, 9, 30),
  text: `tweet number ${i}`,
  category: 'personal',
  subcategory: 'life',
  confidence: 0.1 + i / 20,
  decidedBy: ['default'],
  groups: [`#g${i}`],
}));

async function session(): Promise<{
  session: LabelSession;
  file: string;
  output: () => string;
  rows: () => Promise<Record<string, string>[]>;
}> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'label-session-')), 'labels.csv');
  let text = '';
  const s = new LabelSession(
    new QuestionPicker(candidates, { seed: 3 }),
    await LabelsFile.open(file),
    view,
    (chunk) => (text += chunk),
    100,
  );
  const rows = async () =>
    existsSync(file) ? (parse(await readFile(file, 'utf8'), { columns: true }) as Record<string, string>[]) : [];
  return { session: s, file, output: () => text, rows };
}

describe('LabelSession', () => {
  it('saves each answer before the next question, skips, and undoes the last answer', async () => {
    const { session: s, output, rows } = await session();
    expect(s.start()).toBe(true);
    expect(output()).toContain('tweet number 0');

    expect(await s.key('2')).toBe('more');
    expect(output()).toContain('promotion: [1] self  [2] employer  [3] sharing  [4] jobs');
    expect(await rows()).toEqual([]);
    await s.key('1');
    expect(await rows()).toEqual([
      { id: '100', category: 'promotion', subcategory: 'self', source: 'asked', predicted: 'personal/life' },
    ]);

    await s.key('s');
    await s.key('4');
    await s.key('enter');
    expect((await rows()).map((row) => [row.id, row.category, row.subcategory])).toEqual([
      ['100', 'promotion', 'self'],
      ['102', 'personal', ''],
    ]);

    await s.key('u');
    expect(await rows()).toHaveLength(1);
    expect(output()).toMatch(/undone: the answer to 3 is forgotten\n\n── 3 · /);
    await s.key('1');
    await s.key('3');
    expect((await rows()).map((row) => [row.id, row.category, row.subcategory])).toEqual([
      ['100', 'promotion', 'self'],
      ['102', 'conversation', 'question'],
    ]);

    expect(await s.key('q')).toBe('done');
    expect(output()).toContain('2 answers this session');
    expect(output()).toMatch(/How far to trust the chart: not known yet/);
  });

  it('undoing past a skip goes back without losing answers, and there is nothing to undo at first', async () => {
    const { session: s, output, rows } = await session();
    s.start();
    await s.key('u');
    expect(output()).toContain('nothing to undo');
    await s.key('1');
    await s.key('1');
    await s.key('s');
    await s.key('u');
    expect(output()).toContain('back to 2');
    expect(await rows()).toHaveLength(1);
  });

  it('marks the 4th answer as a random draw, and estimates trust from it on quit', async () => {
    const { session: s, output, rows } = await session();
    s.start();
    for (let i = 0; i < 4; i++) {
      await s.key('4');
      await s.key('3');
    }
    const saved = await rows();
    expect(saved.map((row) => row.source)).toEqual(['asked', 'asked', 'asked', 'random']);
    expect(output()).toMatch(/── 4 · drawn at random · /);
    await s.key('q');
    // The classifier said personal for every tweet, and personal was the answer.
    expect(output()).toContain('right on 1 of 1 random tweets, 100% (95% interval 21%–100%)');
    expect(output()).toContain('fewer than 10 random draws');
  });

  it('goes back from the subcategory with escape, and shows the keys on any other key', async () => {
    const { session: s, output, rows } = await session();
    s.start();
    await s.key('3');
    await s.key('escape');
    await s.key('x');
    await s.key('9');
    expect(await rows()).toEqual([]);
    expect(output().match(/\[1\] conversation {2}\[2\] promotion/g)!.length).toBeGreaterThanOrEqual(4);
  });

  it('says so and stops when every tweet has been asked', async () => {
    const { session: s, output } = await session();
    s.start();
    let state: string = 'more';
    for (let i = 0; i < 10 && state === 'more'; i++) state = await s.key('s');
    expect(state).toBe('done');
    expect(output()).toContain('No more tweets to label.');
  });
});

describe('interact', () => {
  it('reads keypresses from a stream until q, and from a stream that ends', async () => {
    const { session: s, output, rows } = await session();
    const input = new PassThrough();
    const done = interact(s, input);
    input.write('2');
    input.write('3s');
    input.write('q');
    await done;
    expect((await rows()).map((row) => row.category)).toEqual(['promotion']);
    expect(output()).toContain('1 answer this session');

    const second = await session();
    const ending = new PassThrough();
    const finished = interact(second.session, ending);
    ending.end('41');
    await finished;
    expect(await second.rows()).toHaveLength(1);
    expect(second.output()).toContain('How far to trust the chart');
  });
});

describe('what a question shows', () => {
  it('shows the local time, the text without control characters, the link, the label and why, in one line', () => {
    const text = formatQuestion(
      {
        candidate: {
          ...candidates[0]!,
          text: 'red \u001b[31malert\u0007 \u202eevil\r\nnext line',
          decidedBy: ['model'],
        },
        source: 'random',
        number: 8,
      },
      view,
      200,
    );
    expect(text).toContain('── 8 · drawn at random · 2026-01-01 09:30');
    expect(text).toContain('  red [31malert evil\n  next line\n');
    expect(text).not.toMatch(/[\u001b\u0007\u202e\r]/);
    expect(text).toContain('https://x.com/someone/status/100');
    expect(text).toMatch(/tweet-audit thinks: personal\/life, 10% sure · why: no rule decided; the model weighed/);
    expect(cleanText('a\tb')).toBe('ab');
  });

  it('explains a rule by its description, and names the others', () => {
    expect(whyLine(['reply', 'model'])).toMatch(/^rule reply: .+ \(also: model\)$/);
    expect(whyLine(['no-such-rule'])).toBe('rule no-such-rule');
  });

  it('writes a --pick sheet with an empty category column and the source of each question', () => {
    const picker = new QuestionPicker(candidates, { seed: 3 });
    const questions = Array.from({ length: 4 }, () => picker.pick()!);
    const rows = parse(pickSheet(questions, view), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      id: '100',
      local_time: '2026-01-01 09:30',
      link: 'https://x.com/someone/status/100',
      current_category: 'personal',
      current_subcategory: 'life',
      confidence: '0.10',
      source: 'asked',
      category: '',
      subcategory: '',
      text: 'tweet number 0',
    });
    expect(rows.map((row) => row.source)).toEqual(['asked', 'asked', 'asked', 'random']);
  });
});
