import { describe, expect, it } from 'vitest';
import type { TweetSpec } from '../../src/classify/rule.js';
import { RULES } from '../../src/classify/rules/index.js';
import { exampleContext } from './support.js';

/** A stable name for an example, so a duplicate is a duplicate whatever its key order. */
function key(spec: TweetSpec): string {
  return JSON.stringify(Object.entries(spec).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function describeSpec(spec: TweetSpec): string {
  const { text, context, ...fields } = spec;
  const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
  return `${JSON.stringify(text)}${extra}${context ? ' (with context)' : ''}`;
}

// ESLint's RuleTester, in spirit: every example of every rule is one test.
describe.each(Object.values(RULES).map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  it('has no duplicate examples', () => {
    const all = [...rule.examples.match, ...rule.examples.noMatch].map(key);
    const duplicates = all.filter((k, i) => all.indexOf(k) !== i);
    expect(duplicates).toEqual([]);
  });

  it.each(rule.examples.match.map((spec) => [describeSpec(spec), spec] as const))('matches %s', (_name, spec) => {
    const { tweet, ctx } = exampleContext(spec);
    const match = rule.match(tweet, ctx);
    expect(match).not.toBeNull();
    expect(match!.reason).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    for (const value of Object.values(match!.data ?? {}))
      expect(['string', 'number', 'boolean']).toContain(typeof value);
  });

  it.each(rule.examples.noMatch.map((spec) => [describeSpec(spec), spec] as const))(
    'does not match %s',
    (_name, spec) => {
      const { tweet, ctx } = exampleContext(spec);
      expect(rule.match(tweet, ctx)).toBeNull();
    },
  );
});
