import { describe, expect, it } from 'vitest';
import { TweetAuditError } from '../../src/errors.js';
import { bytesTooDeepAt, decodeText, lineAt, tooDeepAt } from '../../src/limits.js';

describe('tooDeepAt', () => {
  it('finds the first bracket past the limit, counting objects and lists alike', () => {
    expect(tooDeepAt('[[{"a":[1]}]]', 4)).toBe(-1);
    expect(tooDeepAt('[[{"a":[1]}]]', 3)).toBe(7);
    expect(bytesTooDeepAt(Buffer.from('[[{"a":[1]}]]'), 3)).toBe(7);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = `{"a": "[[[[\\"[[[[", "b": [1]}`;
    expect(tooDeepAt(text, 2)).toBe(-1);
    expect(bytesTooDeepAt(Buffer.from(text), 2)).toBe(-1);
    expect(tooDeepAt(text, 1)).toBe(text.lastIndexOf('['));
  });

  it('ignores brackets inside comments when asked to', () => {
    const text = '{ // [[[[ "\n /* [[[[ */ "a": [] }';
    expect(tooDeepAt(text, 2, true)).toBe(-1);
    expect(tooDeepAt(text, 2, false)).not.toBe(-1);
  });

  it('runs in one pass over a nesting bomb', () => {
    const bomb = `{"goals": ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
    expect(tooDeepAt(bomb, 64)).toBe(10 + 63);
    expect(lineAt(bomb, 73)).toBe(1);
  });
});

describe('decodeText', () => {
  const decode = (bytes: number[] | Buffer) => decodeText(Buffer.from(bytes as number[]), 'f', 'config');

  it('reads UTF-8 with or without a byte-order mark', () => {
    expect(decode(Buffer.from('\uFEFF{"a":"é"}'))).toBe('{"a":"é"}');
    expect(decode(Buffer.from('{"a":"é"}'))).toBe('{"a":"é"}');
  });

  it('reads UTF-16 in either byte order when it has its byte-order mark', () => {
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":"é"}', 'utf16le')]))).toBe('{"a":"é"}');
    const be = Buffer.from('{"a":"é"}', 'utf16le').swap16();
    expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('{"a":"é"}');
  });

  it('refuses UTF-16 without its mark, and bytes that are not UTF-8', () => {
    expect(() => decode(Buffer.from('{}', 'utf16le'))).toThrow(/f: holds NUL bytes/);
    expect(() => decode([0x7b, 0xff, 0x7d])).toThrow(TweetAuditError);
    expect(() => decode([0x7b, 0xff, 0x7d])).toThrow(/is not UTF-8 text/);
  });
});
