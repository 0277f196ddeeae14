import { TweetAuditError } from '../errors.js';
import { isDagMap, type CarFile } from './car.js';
import { Cid } from './cbor.js';

/** One record of a repository: its key ("app.bsky.feed.post/<rkey>") and the CID of its block. */
export interface MstEntry {
  key: string;
  cid: Cid;
}

const keyDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Lists every key → record CID of the repository's Merkle search tree rooted at `root`, sorted by
 * key. A node is `{ l: CID | null, e: [{ p, k, v, t }] }`: `l` is the subtree of keys before the
 * first entry, each entry's key is the first `p` bytes of the previous entry's key (in the same
 * node) followed by `k`, `v` is the record, and `t` the subtree of keys up to the next entry.
 * Because prefixes never cross nodes, nodes can be visited in any order; an explicit stack keeps
 * a deep (hostile) tree from overflowing the call stack.
 */
export function walkMst(car: CarFile, root: Cid, file: string): MstEntry[] {
  const entries: MstEntry[] = [];
  const seen = new Set<string>();
  const stack: Cid[] = [root];
  const broken = (cid: Cid, what: string): TweetAuditError =>
    new TweetAuditError(
      `repository tree node ${cid.toString()} ${what}; the export is damaged or incomplete, ` + 'download it again',
      { file },
    );

  for (let cid = stack.pop(); cid !== undefined; cid = stack.pop()) {
    const id = cid.toString();
    if (seen.has(id)) continue;
    seen.add(id);
    const node = car.get(cid);
    if (node === undefined) throw broken(cid, 'is missing from the file');
    if (!isDagMap(node) || !Array.isArray(node.e)) throw broken(cid, 'is not a tree node');
    if (node.l instanceof Cid) stack.push(node.l);
    else if (node.l !== null && node.l !== undefined) throw broken(cid, 'has a bad "l" link');

    let previous = new Uint8Array(0);
    for (const entry of node.e) {
      if (
        !isDagMap(entry) ||
        typeof entry.p !== 'number' ||
        !Number.isInteger(entry.p) ||
        entry.p < 0 ||
        entry.p > previous.length ||
        !(entry.k instanceof Uint8Array) ||
        !(entry.v instanceof Cid)
      ) {
        throw broken(cid, 'has a malformed entry');
      }
      const key = new Uint8Array(entry.p + entry.k.length);
      key.set(previous.subarray(0, entry.p));
      key.set(entry.k, entry.p);
      previous = key;
      let text: string;
      try {
        text = keyDecoder.decode(key);
      } catch {
        throw broken(cid, 'has a key that is not UTF-8');
      }
      entries.push({ key: text, cid: entry.v });
      if (entry.t instanceof Cid) stack.push(entry.t);
      else if (entry.t !== null && entry.t !== undefined) throw broken(cid, 'has a bad "t" link');
    }
  }
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
