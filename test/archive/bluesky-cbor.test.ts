import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Cid, DecodeError, decodeDagCbor, readCid, readVarint } from '../../src/archive/cbor.js';
import { Link, cidOf, encodeDagCbor, type Value } from '../../fixtures/bluesky/build-repo.js';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

/** Turns decoded values back into the builder's shapes, so round trips compare with toEqual. */
function normalize(value: unknown): unknown {
  if (value instanceof Cid) return new Link(value.bytes);
  if (value instanceof Uint8Array) return Uint8Array.from(value);
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

describe('decodeDagCbor', () => {
  it('decodes the basic types', () => {
    expect(decodeDagCbor(bytes(0x17))).toBe(23);
    expect(decodeDagCbor(bytes(0x18, 0xff))).toBe(255);
    expect(decodeDagCbor(bytes(0x19, 0x01, 0x00))).toBe(256);
    expect(decodeDagCbor(bytes(0x1a, 0x00, 0x01, 0x00, 0x00))).toBe(65536);
    expect(decodeDagCbor(bytes(0x1b, 0, 0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))).toBe(Number.MAX_SAFE_INTEGER);
    expect(decodeDagCbor(bytes(0x20))).toBe(-1);
    expect(decodeDagCbor(bytes(0x38, 0x63))).toBe(-100);
    expect(decodeDagCbor(bytes(0x63, 0x63, 0x61, 0x66))).toBe('caf');
    expect(decodeDagCbor(bytes(0x42, 1, 2))).toEqual(bytes(1, 2));
    expect(decodeDagCbor(bytes(0x82, 0xf5, 0xf4))).toEqual([true, false]);
    expect(decodeDagCbor(bytes(0xf6))).toBeNull();
    expect(decodeDagCbor(bytes(0xfb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0))).toBe(1.5);
    expect({ ...(decodeDagCbor(bytes(0xa1, 0x61, 0x61, 0x01)) as object) }).toEqual({ a: 1 });
  });

  it('decodes tag 42 as a CID', () => {
    const link = cidOf(bytes(1, 2, 3));
    const value = decodeDagCbor(encodeDagCbor(link));
    expect(value).toBeInstanceOf(Cid);
    expect((value as Cid).bytes).toEqual(link.bytes);
    expect((value as Cid).codec).toBe(0x71);
    expect((value as Cid).toString()).toMatch(/^bafyrei[a-z2-7]{52}$/);
  });

  it.each([
    ['indefinite-length array', bytes(0x9f, 0x01, 0xff), /indefinite length/],
    ['indefinite-length string', bytes(0x7f, 0x61, 0x61, 0xff), /indefinite length/],
    ['integer map key', bytes(0xa1, 0x01, 0x01), /map key is not a string/],
    ['duplicate map key', bytes(0xa2, 0x61, 0x61, 0x01, 0x61, 0x61, 0x02), /duplicate map key "a"/],
    ['tag other than 42', bytes(0xc1, 0x01), /tag 1/],
    ['tag 42 without the 0x00 prefix', bytes(0xd8, 0x2a, 0x41, 0x01), /does not hold a CID/],
    ['32-bit float', bytes(0xfa, 0, 0, 0, 0), /does not allow/],
    ['undefined', bytes(0xf7), /does not allow/],
    ['trailing bytes', bytes(0x01, 0x02), /1 stray bytes/],
    ['truncated string', bytes(0x65, 0x61), /ends in the middle/],
    ['array longer than the data', bytes(0x9a, 0xff, 0xff, 0xff, 0xff), /ends in the middle/],
    ['invalid UTF-8', bytes(0x62, 0xc3, 0x28), /not valid UTF-8/],
    ['integer beyond 2^53', bytes(0x1b, 0xff, 0, 0, 0, 0, 0, 0, 0), /beyond 2\^53/],
    ['empty input', bytes(), /ends in the middle/],
  ])('refuses %s', (_name, input, message) => {
    expect(() => decodeDagCbor(input)).toThrow(DecodeError);
    expect(() => decodeDagCbor(input)).toThrow(message);
  });

  it('refuses nesting deep enough to threaten the stack', () => {
    const deep = new Uint8Array(10_000).fill(0x81);
    expect(() => decodeDagCbor(Buffer.concat([deep, bytes(0x01)]))).toThrow(/nesting deeper/);
  });

  it('round-trips what the fixture encoder writes', () => {
    const leaf: fc.Arbitrary<Value> = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.maxSafeInteger(),
      fc.string({ unit: 'grapheme' }),
      fc.uint8Array({ maxLength: 40 }),
      fc.uint8Array({ maxLength: 20 }).map((data) => cidOf(data)),
    );
    const { value } = fc.letrec<{ value: Value }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('value'), { maxLength: 5 }),
        fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
      ),
    }));
    fc.assert(
      fc.property(value, (v) => {
        expect(normalize(decodeDagCbor(encodeDagCbor(v)))).toEqual(normalize(v));
      }),
    );
  });

  it('throws only DecodeError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        try {
          decodeDagCbor(input);
        } catch (error) {
          if (!(error instanceof DecodeError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('varints and CIDs', () => {
  it('reads LEB128 varints and refuses unterminated ones', () => {
    expect(readVarint(bytes(0x00), 0)).toEqual({ value: 0, end: 1 });
    expect(readVarint(bytes(0xac, 0x02), 0)).toEqual({ value: 300, end: 2 });
    expect(() => readVarint(bytes(0x80, 0x80), 0)).toThrow(/middle of a varint/);
  });

  it('reads a CIDv1 and refuses CIDv0 and unknown versions', () => {
    const link = cidOf(bytes(9), 0x55);
    const { cid, end } = readCid(link.bytes, 0);
    expect(end).toBe(36);
    expect(cid.codec).toBe(0x55);
    expect(cid.hashCode).toBe(0x12);
    expect(cid.digest).toHaveLength(32);
    expect(cid.toString()).toMatch(/^bafkrei/);
    expect(() => readCid(bytes(0x12, 0x20, ...new Uint8Array(32)), 0)).toThrow(/CIDv0/);
    expect(() => readCid(bytes(0x02, 0x71, 0x12, 0x00), 0)).toThrow(/CID version 2/);
    expect(() => readCid(bytes(0x01, 0x71, 0x12, 0x20, 1, 2), 0)).toThrow(/middle of a CID/);
  });
});
