// The config file's parser and checker, apart from load.ts so that a run without a config file
// does not load jsonc-parser.
import { parseTree, printParseErrorCode, stripComments, type Node, type ParseError } from 'jsonc-parser';
import { TweetAuditError } from '../errors.js';
import { isCategory, isSubcategoryOf } from '../classify/taxonomy.js';
import { isValidTimeZone } from '../time/zone.js';
import { MAX_JSON_DEPTH, tooDeepAt } from '../limits.js';
import type { TweetAuditConfig } from './schema.js';

/** Where in the file a problem is: "line 3, column 5". */
function position(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** What a config value must be. The shape of TweetAuditConfig, as data, so errors can name keys. */
type Spec =
  | { kind: 'string'; check?: (value: string) => string | undefined }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'fraction' }
  | { kind: 'array'; items: Spec }
  | {
      kind: 'object';
      keys: Readonly<Record<string, Spec>>;
      check?: (value: Record<string, unknown>) => string | undefined;
    };

const STRINGS: Spec = { kind: 'array', items: { kind: 'string' } };
const HOUR: Spec = { kind: 'integer', min: 0, max: 23 };

function checkScope(scope: string): string | undefined {
  const [category, subcategory, extra] = scope.split('/');
  if (extra !== undefined || category === undefined || !isCategory(category)) {
    return `"${scope}" is not a category (conversation, promotion, conference, personal) or category/subcategory`;
  }
  if (subcategory !== undefined && !isSubcategoryOf(category, subcategory))
    return `"${subcategory}" is not a subcategory of ${category}`;
  return undefined;
}

const CONFIG_SPEC: Spec = {
  kind: 'object',
  keys: {
    $schema: { kind: 'string' },
    timeZone: {
      kind: 'string',
      check: (zone) =>
        isValidTimeZone(zone) ? undefined : `"${zone}" is not an IANA time zone (such as Europe/Madrid)`,
    },
    nightHours: {
      kind: 'object',
      keys: { from: HOUR, to: HOUR },
      check: (v) => (v.from === undefined || v.to === undefined ? 'needs both "from" and "to"' : undefined),
    },
    identity: {
      kind: 'object',
      keys: {
        handles: STRINGS,
        ownDomains: STRINGS,
        employer: { kind: 'object', keys: { names: STRINGS, handles: STRINGS, domains: STRINGS } },
        eventHashtags: STRINGS,
        chatHashtags: STRINGS,
        exclude: { kind: 'object', keys: { ownDomains: STRINGS, eventHashtags: STRINGS, chatHashtags: STRINGS } },
      },
    },
    goals: STRINGS,
    targets: {
      kind: 'array',
      items: {
        kind: 'object',
        keys: { scope: { kind: 'string', check: checkScope }, min: { kind: 'fraction' }, max: { kind: 'fraction' } },
        check: (t) => {
          if (t.scope === undefined) return 'a target needs a "scope"';
          if (t.min === undefined && t.max === undefined) return 'a target needs "min", "max" or both';
          if (typeof t.min === 'number' && typeof t.max === 'number' && t.min > t.max)
            return '"min" is larger than "max"';
          return undefined;
        },
      },
    },
  },
};

function describe(node: Node): string {
  return node.type === 'null'
    ? 'null'
    : node.type === 'array'
      ? 'a list'
      : node.type === 'object'
        ? 'an object'
        : `a ${node.type}`;
}

/** Checks a parsed value against its spec and returns the plain value; throws at the first problem. */
function validate(node: Node, spec: Spec, key: string, fail: (node: Node, message: string) => never): unknown {
  const name = key === '' ? 'the config' : `"${key}"`;
  switch (spec.kind) {
    case 'string': {
      if (node.type !== 'string') fail(node, `${name} must be a string, not ${describe(node)}`);
      const problem = spec.check?.(node.value as string);
      if (problem) fail(node, `${name}: ${problem}`);
      return node.value;
    }
    case 'integer': {
      const value = node.value as number;
      if (node.type !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max) {
        fail(node, `${name} must be a whole number from ${spec.min} to ${spec.max}`);
      }
      return value;
    }
    case 'fraction': {
      const value = node.value as number;
      if (node.type !== 'number' || value < 0 || value > 1)
        fail(node, `${name} must be a fraction from 0 to 1 (0.25 for 25%)`);
      return value;
    }
    case 'array': {
      if (node.type !== 'array') fail(node, `${name} must be a list, not ${describe(node)}`);
      return (node.children ?? []).map((child, i) => validate(child, spec.items, `${key}[${i}]`, fail));
    }
    case 'object': {
      if (node.type !== 'object') fail(node, `${name} must be an object, not ${describe(node)}`);
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children as [Node, Node | undefined];
        const property_ = keyNode.value as string;
        const path_ = key === '' ? property_ : `${key}.${property_}`;
        const child = Object.hasOwn(spec.keys, property_) ? spec.keys[property_] : undefined;
        if (!child) {
          const known = Object.keys(spec.keys).filter((k) => k !== '$schema');
          fail(keyNode, `unknown key "${path_}" (known keys${key === '' ? '' : ` of "${key}"`}: ${known.join(', ')})`);
        }
        if (Object.hasOwn(out, property_)) fail(keyNode, `key "${path_}" appears twice`);
        if (!valueNode) fail(keyNode, `key "${path_}" has no value`);
        out[property_] = validate(valueNode, child, path_, fail);
      }
      const problem = spec.check?.(out);
      if (problem) fail(node, `${name}: ${problem}`);
      return out;
    }
  }
}

/**
 * Parses and checks the text of a config file; `file` names it in errors. An empty file (or one
 * with only comments) is an empty config.
 */
export function parseConfig(text: string, file: string): TweetAuditConfig {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (stripComments(text).trim() === '') return {};
  // The parser recurses into every level: refuse a nesting bomb before it runs.
  const deep = tooDeepAt(text, MAX_JSON_DEPTH, true);
  if (deep !== -1) {
    throw new TweetAuditError(
      `${position(text, deep)}: nested more than ${MAX_JSON_DEPTH} levels deep, far more than a config has`,
      { file },
    );
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    throw new TweetAuditError(
      `${position(text, first.offset)}: JSON syntax error (${printParseErrorCode(first.error)})`,
      { file },
    );
  }
  if (!root) return {};
  const fail = (node: Node, message: string): never => {
    throw new TweetAuditError(`${position(text, node.offset)}: ${message}`, { file });
  };
  if (root.type !== 'object') fail(root, `the config must be an object ({ … }), not ${describe(root)}`);
  const config = validate(root, CONFIG_SPEC, '', fail) as TweetAuditConfig & { $schema?: string };
  delete config.$schema;
  return config;
}
