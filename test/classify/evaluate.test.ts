import { describe, expect, it } from 'vitest';
import { evaluate, renderEvaluation, type EvalPair } from '../../src/classify/index.js';
import type { Category, Label } from '../../src/classify/taxonomy.js';

const SUB: Record<Category, string> = {
  conversation: 'reply',
  promotion: 'self',
  conference: 'live',
  personal: 'life',
};
function pairs(expected: Category, actual: Category | undefined, count: number, subcategory?: string): EvalPair[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${expected}-${actual}-${i}`,
    expected: { category: expected, subcategory: subcategory ?? SUB[expected] },
    ...(actual ? { actual: { category: actual, subcategory: SUB[actual] } as Label } : {}),
  }));
}

describe('evaluate', () => {
  // Known confusion matrix (rows expected, columns classified):
  //                conversation promotion personal
  // conversation        8           2        0
  // promotion           1           4        1
  // personal            0           1        3
  // plus 2 labeled tweets not found in the archive.
  const result = evaluate([
    ...pairs('conversation', 'conversation', 8),
    ...pairs('conversation', 'promotion', 2),
    ...pairs('promotion', 'conversation', 1),
    ...pairs('promotion', 'promotion', 3),
    ...pairs('promotion', 'promotion', 1, 'sharing'),
    ...pairs('promotion', 'personal', 1),
    ...pairs('personal', 'promotion', 1),
    ...pairs('personal', 'personal', 3),
    ...pairs('personal', undefined, 2),
  ]);

  it('counts, accuracy and the confusion matrix', () => {
    expect(result.total).toBe(22);
    expect(result.evaluated).toBe(20);
    expect(result.missing).toBe(2);
    expect(result.accuracy).toBeCloseTo(15 / 20, 10);
    expect(result.confusion.conversation).toEqual({ conversation: 8, promotion: 2, conference: 0, personal: 0 });
    expect(result.confusion.promotion).toEqual({ conversation: 1, promotion: 4, conference: 0, personal: 1 });
    expect(result.confusion.personal).toEqual({ conversation: 0, promotion: 1, conference: 0, personal: 3 });
  });

  it('per-category precision, recall and F1', () => {
    expect(result.perCategory.conversation).toMatchObject({ support: 10, predicted: 9 });
    expect(result.perCategory.conversation.precision).toBeCloseTo(8 / 9, 10);
    expect(result.perCategory.conversation.recall).toBeCloseTo(8 / 10, 10);
    expect(result.perCategory.conversation.f1).toBeCloseTo((2 * (8 / 9) * 0.8) / (8 / 9 + 0.8), 10);
    expect(result.perCategory.promotion.precision).toBeCloseTo(4 / 7, 10);
    expect(result.perCategory.promotion.recall).toBeCloseTo(4 / 6, 10);
    expect(result.perCategory.personal.precision).toBeCloseTo(3 / 4, 10);
    expect(result.perCategory.personal.recall).toBeCloseTo(3 / 4, 10);
    expect(result.perCategory.conference).toEqual({ precision: 0, recall: 0, f1: 0, support: 0, predicted: 0 });
  });

  it('macro-F1 averages the categories present in labels or predictions (conference, absent from both, is left out)', () => {
    const f1 = (p: number, r: number): number => (2 * p * r) / (p + r);
    const expected = (f1(8 / 9, 0.8) + f1(4 / 7, 4 / 6) + f1(0.75, 0.75)) / 3;
    expect(result.macroF1).toBeCloseTo(expected, 10);
  });

  it('subcategory accuracy needs both category and subcategory right', () => {
    // Right category and subcategory: 8 conversation/reply, 3 promotion/self, 3 personal/life;
    // the promotion/sharing ones were classified promotion/self.
    expect(result.subcategoryAccuracy).toBeCloseTo(14 / 20, 10);
  });

  it('counts expected labels outside the taxonomy as errors', () => {
    const r = evaluate([
      { id: '1', expected: { category: 'advertising' }, actual: { category: 'promotion', subcategory: 'self' } },
    ]);
    expect(r.invalidExpected).toBe(1);
    expect(r.accuracy).toBe(0);
    expect(r.perCategory.promotion.predicted).toBe(1);
  });

  it('an empty evaluation is all zeros, not NaN', () => {
    const r = evaluate([]);
    expect([r.accuracy, r.macroF1, r.subcategoryAccuracy]).toEqual([0, 0, 0]);
  });

  it('renders a plain table and JSON', () => {
    const table = renderEvaluation(result, 'table');
    expect(table).toContain('tweets: 22 labeled, 20 classified, 2 not found in the archive');
    expect(table).toContain('accuracy:             0.750');
    expect(table).toMatch(/conversation\s+0\.889\s+0\.800/);
    expect(table).not.toMatch(/\x1b\[/);
    expect(JSON.parse(renderEvaluation(result, 'json'))).toEqual(JSON.parse(JSON.stringify(result)));
  });
});
