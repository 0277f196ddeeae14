/** Records listed by --verbose per file and reason; past that they are only counted. */
const LISTED = 100;

/** Records of one file skipped for one reason: how many, and where the first of them were. */
export class SkipCount {
  count = 0;
  readonly where: string[] = [];

  /**
   * @param file The file as named in messages ("data/tweets.js").
   * @param reason What is wrong with each record, after a number: "with no valid date".
   */
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {}

  /** Counts one record; `where` says which ("item 12", "row 40", "id 123"). */
  add(where: string): void {
    if (this.count++ < LISTED) this.where.push(where);
  }
}

/**
 * The records an archive's readers skipped, said to the user as ONE warning line per archive
 * whatever the reasons, and listed with --verbose. Each reading of the tweets counts afresh, so
 * a count kept replaces that of an earlier reading of the same file for the same reason.
 */
export class SkippedRecords {
  private readonly kept = new Map<string, { archive: string; skip: SkipCount }>();

  /** @param archive The archive's path, named in the warning. */
  constructor(private readonly archive: string) {}

  keep(skip: SkipCount, archive = this.archive): void {
    if (skip.count > 0) this.kept.set(`${archive}\n${skip.file}\n${skip.reason}`, { archive, skip });
  }

  /** Another archive's skips, kept under that archive's name (several archives read as one). */
  keepAll(other: SkippedRecords): void {
    for (const { archive, skip } of other.kept.values()) this.keep(skip, archive);
  }

  get total(): number {
    let total = 0;
    for (const { skip } of this.kept.values()) total += skip.count;
    return total;
  }

  /**
   * Per archive, its one warning ("a.zip: skipped 4 records: 3 with no valid date, 1 dated after
   * the archive was made") and, for --verbose, a line per record listed.
   */
  report(verbose: boolean): Array<{ warning: string; details: string[] }> {
    const byArchive = new Map<string, SkipCount[]>();
    for (const { archive, skip } of this.kept.values()) {
      const skips = byArchive.get(archive) ?? [];
      skips.push(skip);
      byArchive.set(archive, skips);
    }
    return [...byArchive].map(([archive, skips]) => {
      const reasons = new Map<string, number>();
      let total = 0;
      for (const skip of skips) {
        reasons.set(skip.reason, (reasons.get(skip.reason) ?? 0) + skip.count);
        total += skip.count;
      }
      const parts = [...reasons].map(([reason, n]) => `${n} ${reason}`).join(', ');
      const noun = total === 1 ? 'record' : 'records';
      const details: string[] = [];
      for (const skip of skips) {
        for (const where of skip.where) details.push(`  ${skip.file}, ${where}: ${skip.reason}`);
        if (skip.count > skip.where.length)
          details.push(`  ${skip.file}: ${skip.count - skip.where.length} more ${skip.reason}`);
      }
      return {
        warning: `${archive}: skipped ${total} ${noun}: ${parts}${verbose ? '' : '; --verbose lists them'}`,
        details: verbose ? details : [],
      };
    });
  }
}
