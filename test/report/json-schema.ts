/**
 * A small JSON Schema checker for the keywords report.schema.json uses: type, const, enum,
 * required, properties, additionalProperties, items, pattern, minimum, maximum, oneOf and local
 * $ref. Anything else in the schema is reported, so the schema cannot drift into keywords this
 * checker would silently ignore.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema',
  '$id',
  '$defs',
  '$ref',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'pattern',
  'minimum',
  'maximum',
  'oneOf',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** Errors of `value` against the schema `root` (empty when valid). */
export function validate(root: Schema, value: unknown): string[] {
  return validateAt(root, root, value, '$');
}

function validateAt(root: Schema, schema: Schema, value: unknown, path: string): string[] {
  const errors: string[] = [];

  function resolve(ref: string): Schema {
    const path = ref.replace(/^#\//u, '').split('/');
    let node: unknown = root;
    for (const part of path) node = (node as Schema)[part];
    if (!node) throw new Error(`unresolved $ref ${ref}`);
    return node as Schema;
  }

  function check(schema: Schema, data: unknown, at: string): void {
    for (const key of Object.keys(schema))
      if (!KNOWN.has(key)) errors.push(`${at}: schema uses unsupported keyword ${key}`);
    if (typeof schema.$ref === 'string') check(resolve(schema.$ref), data, at);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((type) => matchesType(data, type))) {
        errors.push(`${at}: expected ${types.join('|')}, got ${typeOf(data)}`);
        return;
      }
    }
    if ('const' in schema && data !== schema.const) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
    if (Array.isArray(schema.enum) && !schema.enum.includes(data))
      errors.push(`${at}: ${JSON.stringify(data)} not in enum`);
    if (typeof data === 'number') {
      if (typeof schema.minimum === 'number' && data < schema.minimum)
        errors.push(`${at}: ${data} < ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && data > schema.maximum)
        errors.push(`${at}: ${data} > ${schema.maximum}`);
    }
    if (typeof data === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(data)) {
      errors.push(`${at}: ${JSON.stringify(data)} does not match ${schema.pattern}`);
    }
    if (Array.isArray(data) && schema.items)
      data.forEach((item, i) => check(schema.items as Schema, item, `${at}[${i}]`));
    if (typeOf(data) === 'object') {
      const object = data as Record<string, unknown>;
      for (const key of (schema.required as string[] | undefined) ?? [])
        if (!(key in object)) errors.push(`${at}: missing ${key}`);
      const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
      for (const [key, child] of Object.entries(object)) {
        if (properties[key]) check(properties[key], child, `${at}.${key}`);
        else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property ${key}`);
      }
    }
    if (Array.isArray(schema.oneOf)) {
      const passing = (schema.oneOf as Schema[]).filter((option) => validateAt(root, option, data, at).length === 0);
      if (passing.length !== 1) errors.push(`${at}: matches ${passing.length} of oneOf, expected exactly 1`);
    }
  }

  check(schema, value, path);
  return errors;
}
