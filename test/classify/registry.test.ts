import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listRules } from '../../src/classify/index.js';
import { PRECEDENCE, precedenceOf } from '../../src/classify/rule.js';
import { RULES } from '../../src/classify/rules/index.js';
import { isCategory, isSubcategoryOf } from '../../src/classify/taxonomy.js';

const RULES_DIR = new URL('../../src/classify/rules/', import.meta.url);

describe('rule registry', () => {
  const ids = Object.keys(RULES);

  it('is sorted by id', () => {
    expect(ids).toEqual([...ids].sort());
  });

  it('holds every rule file of the folder, under its file name (this test alone reads the folder)', () => {
    const files = readdirSync(RULES_DIR)
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .map((name) => name.slice(0, -'.ts'.length))
      .sort();
    expect(ids).toEqual(files);
  });

  it.each(ids)('%s: id matches its key, is kebab-case, and has a description and examples both ways', (id) => {
    const rule = RULES[id]!;
    expect(rule.id).toBe(id);
    expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(rule.description.trim().length).toBeGreaterThan(10);
    expect(rule.examples.match.length).toBeGreaterThanOrEqual(1);
    expect(rule.examples.noMatch.length).toBeGreaterThanOrEqual(1);
  });

  it.each(ids)('%s: labels a category with one of its own subcategories, ranked in PRECEDENCE', (id) => {
    const rule = RULES[id]!;
    expect(isCategory(rule.category)).toBe(true);
    expect(isSubcategoryOf(rule.category, rule.subcategory)).toBe(true);
    expect(precedenceOf(rule)).toBeGreaterThanOrEqual(0);
  });

  it('PRECEDENCE follows docs/taxonomy.md: conference, jobs, self and employer, conversation, sharing, personal', () => {
    const categories = PRECEDENCE.map((label) => label.split('/')[0]);
    expect(PRECEDENCE.slice(0, 2).every((l) => l.startsWith('conference/'))).toBe(true);
    expect(PRECEDENCE.slice(2, 5)).toEqual(['promotion/jobs', 'promotion/self', 'promotion/employer']);
    expect(categories.slice(5, 8)).toEqual(['conversation', 'conversation', 'conversation']);
    expect(PRECEDENCE[8]).toBe('promotion/sharing');
    expect(PRECEDENCE.at(-1)).toBe('personal/life');
  });

  it('lists rule metadata for `tweet-audit rules`, every rule once, in precedence order', () => {
    const listed = listRules();
    expect(listed.map((r) => r.id).sort()).toEqual(ids);
    const ranks = listed.map((r) =>
      PRECEDENCE.indexOf(`${r.category}/${r.subcategory}` as (typeof PRECEDENCE)[number]),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const r of listed) expect(Object.keys(r).sort()).toEqual(['category', 'description', 'id', 'subcategory']);
  });
});
