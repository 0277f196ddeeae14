import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

/**
 * Every relative import of every module under `dir` that remains at run time (static or dynamic;
 * `import type` is erased), as source paths.
 */
function importGraph(dir: string): Map<string, string[]> {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const file = path.join(at, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !file.endsWith('.d.ts')) files.push(file);
    }
  };
  walk(dir);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const statements = [
      ...source.matchAll(/^(?:import|export)\s+(type\s)?[^;]*?from\s+['"](\.{1,2}\/[^'"]+)\.js['"]/gms),
    ];
    const dynamic = [...source.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)\.js['"]\s*\)/g)];
    const targets = [...statements.filter((m) => !m[1]).map((m) => m[2]!), ...dynamic.map((m) => m[1]!)];
    graph.set(
      file,
      targets
        .map((target) => path.resolve(path.dirname(file), `${target}.ts`))
        .filter((target) => files.includes(target)),
    );
  }
  return graph;
}

/** The import cycles of a graph, each as the chain of modules that closes it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('the source', () => {
  it('finds a cycle when there is one', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('has no import cycles', () => {
    const src = path.join(repoRoot, 'src');
    const graph = importGraph(src);
    expect(graph.size).toBeGreaterThan(50);
    expect(cycles(graph).map((cycle) => cycle.map((file) => path.relative(src, file)).join(' -> '))).toEqual([]);
  });
});
