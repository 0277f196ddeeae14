import type { ArchiveOwner } from '../model/tweet.js';
import type { OwnerKeys } from './x-tweet.js';

/** Gathers what the files of an archive say about its owner, first value of each kind winning. */
export class OwnerBuilder {
  private readonly handles: string[] = [];
  private readonly accountIds: string[] = [];
  private displayName?: string;
  private timeZone?: string;
  private website?: string;
  private bio?: string;

  handle(value: string | undefined): this {
    const h = value?.trim().replace(/^@/, '').toLowerCase();
    if (h && !this.handles.includes(h)) this.handles.push(h);
    return this;
  }

  accountId(value: string | undefined): this {
    if (value && /^\d+$/.test(value) && !this.accountIds.includes(value)) this.accountIds.push(value);
    return this;
  }

  set(field: 'displayName' | 'timeZone' | 'website' | 'bio', value: string | undefined): this {
    const v = value?.trim();
    if (v && this[field] === undefined) this[field] = v;
    return this;
  }

  get known(): boolean {
    return this.handles.length > 0 || this.accountIds.length > 0;
  }

  build(): ArchiveOwner {
    const owner: ArchiveOwner = { handles: [...this.handles], accountIds: [...this.accountIds] };
    if (this.displayName) owner.displayName = this.displayName;
    if (this.timeZone) owner.timeZone = this.timeZone;
    if (this.website) owner.website = this.website;
    if (this.bio) owner.bio = this.bio;
    return owner;
  }
}

/** The sets the tweet normalisers look self-replies up in. */
export function ownerKeys(owner: ArchiveOwner): OwnerKeys {
  return { accountIds: new Set(owner.accountIds), handles: new Set(owner.handles.map((h) => h.toLowerCase())) };
}

/** Merges owners of several archives of (presumably) one person: union of handles and ids, later values first. */
export function mergeOwners(owners: ArchiveOwner[]): ArchiveOwner {
  const b = new OwnerBuilder();
  for (const o of [...owners].reverse()) {
    for (const h of o.handles) b.handle(h);
    for (const id of o.accountIds) b.accountId(id);
    b.set('displayName', o.displayName).set('timeZone', o.timeZone).set('website', o.website).set('bio', o.bio);
  }
  return b.build();
}
