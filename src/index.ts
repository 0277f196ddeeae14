/**
 * tweet-audit as a library (`import { audit } from 'tweet-audit'`): the audit pipeline, the
 * archive readers and the renderers. The command line (bin/tweet-audit.js) is built on these.
 */
export { audit, prepareAudit, readArchive, discoverOwner, classify, aggregate, chooseZone } from './audit.js';
export type { AuditOptions, AuditResult, PreparedAudit, TimeZoneSource } from './audit.js';
export { openArchive, openArchives, tweetBatches } from './archive/index.js';
export { ARCHIVE_DETECTORS, simpleDetector } from './archive/detect.js';
export type { ArchiveDetector, ArchiveOpener, DetectTarget } from './archive/detect.js';
export type { ArchiveFormat, ArchiveOwner, OpenedArchive, Tweet } from './model/tweet.js';
export type { PeriodOptions } from './period.js';
export type { TweetAuditConfig } from './config/schema.js';
export { renderers, renderTrend, FORMATS, type Format, type Renderer } from './report/renderers/index.js';
export type { AuditReport, MonthReport } from './report/types.js';
export { TweetAuditError, isTweetAuditError } from './errors.js';
