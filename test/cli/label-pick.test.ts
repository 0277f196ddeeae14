import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabels } from '../../src/classify/index.js';
import {
  groupsOf,
  LabelsFile,
  priorityOrder,
  QuestionPicker,
  trustSummary,
  wilsonInterval,
  type Candidate,
  type SavedLabel,
} from '../../src/cli/commands/label-pick.js';

/** A candidate with only what ordering looks at. */
function candidate(id: string, confidence: number, groups: string[]): Candidate {
  return {
    id,
    createdAt: 0,
    text: `tweet ${id}`,
    category: 'personal',
    subcategory: 'life',
    confidence,
    decidedBy: ['default'],
    groups,
  };
}

describe('groupsOf', () => {
  it('puts a tweet in the groups of its retweeted account, linked domains, hashtags and first deciding rule', () => {
    const groups = groupsOf(
      {
        retweetOf: 'Ana',
        urls: ['https://www.blog.example.co.uk/post', 'https://news.example.com/a', 'not a url'],
        hashtags: ['RubyConf', 'rubyconf'],
      },
      { decidedBy: ['link-share', 'model'] },
    );
    expect(groups).toEqual(['@ana', 'domain:example.co.uk', 'domain:example.com', '#rubyconf', 'rule:link-share']);
  });
});

describe('priorityOrder', () => {
  it('asks the most doubtful first, and prefers a big group at equal doubt', () => {
    const order = priorityOrder([
      candidate('1', 0.9, ['rule:a', 'rule:a2']),
      candidate('2', 0.2, ['rule:b']),
      candidate('3', 0.5, ['#big']),
      candidate('4', 0.5, ['#big']),
      candidate('5', 0.5, ['#big']),
      candidate('6', 0.5, ['#small']),
    ]);
    // 2: doubt 0.8 but a group of one (0.8·ln2 = 0.55); #big: 0.5·ln4 = 0.69; #small: 0.5·ln2 = 0.35.
    expect(order.map((c) => c.id)).toEqual(['3', '2', '6', '1', '4', '5']);
  });

  it('takes one tweet of each group before a second of the same group', () => {
    const candidates = [
      ...['1', '2', '3', '4'].map((id) => candidate(id, 0.2, ['@news'])),
      ...['5', '6'].map((id) => candidate(id, 0.3, ['domain:blog.example'])),
      candidate('7', 0.25, ['#tag']),
    ];
    const order = priorityOrder(candidates).map((c) => c.id);
    expect(order.slice(0, 3).sort()).toEqual(['1', '5', '7']);
    expect(order.slice(3, 5).sort()).toEqual(['2', '6']);
    expect(order.slice(5)).toEqual(['3', '4']);
  });

  it('files a tweet under its largest group', () => {
    const order = priorityOrder([
      candidate('1', 0.4, ['#rare', 'rule:model']),
      candidate('2', 0.4, ['rule:model']),
      candidate('3', 0.4, ['rule:model']),
      candidate('4', 0.5, ['#rare']),
    ]);
    // 1, 2 and 3 are filed under rule:model (3 tweets), 4 under #rare: 4 comes before a second of rule:model.
    expect(order.map((c) => c.id)).toEqual(['1', '4', '2', '3']);
  });
});

describe('QuestionPicker', () => {
  const many = Array.from({ length: 40 }, (_, i) => candidate(String(1000 + i), (i % 10) / 10, [`#g${i % 7}`]));

  it('draws every 4th question at random from the tweets not shown yet, the others in priority order, each tweet once', () => {
    const picker = new QuestionPicker(many, { seed: 5 });
    const questions = Array.from({ length: 40 }, () => picker.pick()!);
    expect(picker.pick()).toBeUndefined();
    expect(questions.map((q) => q.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(questions.filter((q) => q.source === 'random').map((q) => q.number)).toEqual([
      4, 8, 12, 16, 20, 24, 28, 32, 36, 40,
    ]);
    expect(new Set(questions.map((q) => q.candidate.id)).size).toBe(40);
    const asked = questions.filter((q) => q.source === 'asked').map((q) => q.candidate.id);
    const order = priorityOrder(many)
      .map((c) => c.id)
      .filter((id) => asked.includes(id));
    expect(asked).toEqual(order);
  });

  it('is deterministic for a seed, and another seed draws other tweets', () => {
    const draws = (seed: number) => {
      const picker = new QuestionPicker(many, { seed });
      return Array.from({ length: 20 }, () => picker.pick()!)
        .filter((q) => q.source === 'random')
        .map((q) => q.candidate.id);
    };
    expect(draws(5)).toEqual(draws(5));
    expect(draws(5)).not.toEqual(draws(6));
  });

  it('draws uniformly: over many seeds, each tweet is the 4th question about equally often', () => {
    const counts = new Map<string, number>();
    const runs = 4000;
    for (let seed = 0; seed < runs; seed++) {
      const picker = new QuestionPicker(many.slice(0, 10), { seed });
      for (let i = 0; i < 3; i++) picker.pick();
      const drawn = picker.pick()!;
      expect(drawn.source).toBe('random');
      counts.set(drawn.candidate.id, (counts.get(drawn.candidate.id) ?? 0) + 1);
    }
    // The 3 asked first are never drawn; the 7 others about runs/7 each (±20%, many standard deviations).
    expect(counts.size).toBe(7);
    for (const n of counts.values()) expect(Math.abs(n - runs / 7)).toBeLessThan(runs / 7 / 5);
  });
});

describe('wilsonInterval', () => {
  it('matches published 95% Wilson score intervals (Newcombe 1998, method 3)', () => {
    const cases: Array<[number, number, number, number]> = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, low, high] of cases) {
      const interval = wilsonInterval(k, n);
      expect(interval.low).toBeCloseTo(low, 4);
      expect(interval.high).toBeCloseTo(high, 4);
    }
  });

  it('is symmetric around a half, stays within 0..1, and knows nothing from no draws', () => {
    const half = wilsonInterval(5, 10);
    expect(half.low + half.high).toBeCloseTo(1, 10);
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 12);
    expect(wilsonInterval(10, 10).low).toBeCloseTo(0.7225, 4);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('trustSummary', () => {
  const row = (
    id: string,
    category: SavedLabel['category'],
    source: SavedLabel['source'],
    predicted: string,
  ): SavedLabel => ({
    id,
    category,
    source,
    predicted,
  });

  it('estimates from random draws only, and says when there are fewer than 10', () => {
    const rows = [
      row('1', 'personal', 'random', 'personal/life'),
      row('2', 'promotion', 'random', 'personal/life'),
      row('3', 'personal', 'asked', 'promotion/self'),
      row('4', 'personal', '', ''),
    ];
    const lines = trustSummary(rows).join('\n');
    expect(lines).toContain('4 labels given, 2 of them on tweets drawn at random.');
    expect(lines).toContain('right on 1 of 2 random tweets, 50% (95% interval 9%–91%)');
    expect(lines).toMatch(/fewer than 10 random draws/);
  });

  it('drops the warning from 10 draws on, and says plainly when there are none', () => {
    const ten = Array.from({ length: 10 }, (_, i) =>
      row(String(i), 'personal', 'random', i < 9 ? 'personal/life' : 'conference/live'),
    );
    const lines = trustSummary(ten).join('\n');
    expect(lines).toContain('right on 9 of 10 random tweets, 90% (95% interval 60%–98%)');
    expect(lines).not.toMatch(/fewer than 10/);
    expect(trustSummary([row('1', 'personal', 'asked', 'personal/life')]).join('\n')).toMatch(/not known yet/);
  });
});

describe('LabelsFile', () => {
  async function folder(): Promise<string> {
    return mkdtemp(path.join(tmpdir(), 'label-store-'));
  }

  it('saves each answer as given, in a file the labels parser reads, and forgets an undone one', async () => {
    const dir = await folder();
    const file = path.join(dir, 'sub', 'labels.csv');
    const store = await LabelsFile.open(file);
    expect(store.size).toBe(0);
    await store.save({
      id: '1854591356741861770',
      category: 'promotion',
      subcategory: 'self',
      source: 'asked',
      predicted: 'personal/life',
    });
    expect(await readFile(file, 'utf8')).toBe(
      'id,category,subcategory,source,predicted\n1854591356741861770,promotion,self,asked,personal/life\n',
    );
    await store.save({ id: '2', category: 'conference', source: 'random', predicted: 'conference/live' });
    await store.remove('1854591356741861770');
    const text = await readFile(file, 'utf8');
    expect([...parseLabels(text, file)]).toEqual([['2', { category: 'conference' }]]);
    expect(await readdir(path.dirname(file))).toEqual(['labels.csv']);

    const again = await LabelsFile.open(file);
    expect(again.all()).toEqual([{ id: '2', category: 'conference', source: 'random', predicted: 'conference/live' }]);
  });

  it('keeps the rows of a hand-made id,category file, and refuses to overwrite a file of another shape', async () => {
    const dir = await folder();
    const hand = path.join(dir, 'hand.csv');
    await writeFile(hand, '7,personal\n8,promotion,jobs\n');
    const store = await LabelsFile.open(hand);
    await store.save({
      id: '9',
      category: 'conversation',
      subcategory: 'reply',
      source: 'asked',
      predicted: 'personal/life',
    });
    expect([...parseLabels(await readFile(hand, 'utf8'), hand).keys()]).toEqual(['7', '8', '9']);

    const sheet = path.join(dir, 'classify.csv');
    await writeFile(sheet, 'id,created_at,category,subcategory,confidence,flags,decided_by,text,original\n');
    await expect(LabelsFile.open(sheet)).rejects.toThrow(
      /classify\.csv: not a labels file that label keeps \(it has a "created_at" column\)/,
    );
  });
});
