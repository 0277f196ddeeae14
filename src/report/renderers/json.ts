import type {
  ArchiveDate,
  AuditReport,
  GeneratorInfo,
  Guess,
  MonthReport,
  PeriodReport,
  ReportAccount,
  TrendPoint,
} from '../types.js';
import type { RenderOptions } from './shared.js';

/** The JSON of a report with exactly one detailed month: that month at top level. */
export type SingleMonthJson = {
  schemaVersion: 1;
  generator: GeneratorInfo;
  account?: ReportAccount;
  archive?: ArchiveDate;
  guesses?: Guess[];
} & MonthReport & {
    trend: TrendPoint[];
  };

/** The JSON of a report with zero or several detailed months. */
export interface MultiMonthJson {
  schemaVersion: 1;
  generator: GeneratorInfo;
  account?: ReportAccount;
  archive?: ArchiveDate;
  guesses?: Guess[];
  timezone: string;
  monthsSeen: string[];
  /** The period as one review, for --from/--to and --all. */
  summary?: PeriodReport;
  months: MonthReport[];
  trend: TrendPoint[];
}

/**
 * The value the JSON format prints (see report.schema.json). One detailed month is the month
 * report itself, so `jq .professionalShare` works without knowing about months; several months
 * are wrapped. Keys keep the order built here, which is fixed, so output is byte-stable.
 */
export function toJsonValue(report: AuditReport): SingleMonthJson | MultiMonthJson {
  const only = report.months.length === 1 ? report.months[0] : undefined;
  if (only)
    return {
      schemaVersion: report.schemaVersion,
      generator: report.generator,
      ...about(report),
      ...only,
      trend: report.trend,
    };
  return {
    schemaVersion: report.schemaVersion,
    generator: report.generator,
    ...about(report),
    timezone: report.timezone,
    monthsSeen: report.monthsSeen,
    ...(report.summary ? { summary: report.summary } : {}),
    months: report.months,
    trend: report.trend,
  };
}

/** Whose archive, how recent, what was guessed: each key only when the report has it. */
function about(report: AuditReport): { account?: ReportAccount; archive?: ArchiveDate; guesses?: Guess[] } {
  return {
    ...(report.account ? { account: report.account } : {}),
    ...(report.archive ? { archive: report.archive } : {}),
    ...(report.guesses ? { guesses: report.guesses } : {}),
  };
}

/** The report as pretty-printed JSON with a final newline. Colour and width do not apply. */
export function renderJson(report: AuditReport, _options: RenderOptions): string {
  return `${JSON.stringify(toJsonValue(report), null, 2)}\n`;
}
