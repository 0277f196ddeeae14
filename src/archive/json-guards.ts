/** Narrowing helpers for JSON of unknown shape: real archives are messier than their docs. */

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** The value when it is a JSON object, else undefined. */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** The value when it is an array, else an empty array. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string, or undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A tweet or user id as a string of digits. Numbers are accepted only when exactly representable:
 * Grailbird's numeric `id` of a recent tweet has already lost its last digits in JSON.parse.
 */
export function asId(value: unknown): string | undefined {
  if (typeof value === 'string') return isDigits(value, 20) ? value : undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  return undefined;
}

/** A count stored as a string ("12") or a number, or undefined when neither. */
export function asCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && isDigits(value, 15) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** True when `s` is 1 to `max` ASCII digits (`/^\d{1,max}$/`, without a regex: ids are hot). */
function isDigits(s: string, max: number): boolean {
  const n = s.length;
  if (n === 0 || n > max) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The start index of an entity (`indices: ["3", "14"]` in modern files, numbers in Grailbird). */
function startIndex(entity: JsonObject): number {
  const first = asArray(entity.indices)[0] ?? entity.fromIndex;
  const n = typeof first === 'string' ? Number(first) : first;
  return typeof n === 'number' && Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

const NO_ENTITIES: JsonObject[] = [];

/** Objects of a JSON array, sorted by their start index (entities are not always in text order). */
export function sortedEntities(value: unknown): JsonObject[] {
  if (!Array.isArray(value) || value.length === 0) return NO_ENTITIES;
  const list: JsonObject[] = [];
  for (const item of asArray(value)) {
    const o = asObject(item);
    if (o) list.push(o);
  }
  if (list.length > 1) list.sort((a, b) => startIndex(a) - startIndex(b));
  return list;
}
