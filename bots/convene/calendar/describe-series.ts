/**
 * The values a "Repeats every week, 6 times" sentence needs, from a checked rule. Only the
 * frequency, interval and end are described; a rule with BYDAY and the like still reads
 * correctly ("every week") because its first occurrence is shown beside it.
 */
import { DateTime } from "luxon";
import type { RecurrenceParams } from "../i18n/messages-en.ts";
import type { SeriesRule } from "./series-rule.ts";

export function describeSeries(rule: SeriesRule, zone: string, locale: string): RecurrenceParams {
  return {
    frequency: rule.frequency,
    interval: rule.interval,
    ...(rule.count === undefined ? {} : { count: rule.count }),
    ...(rule.until === undefined
      ? {}
      : {
          until: DateTime.fromMillis(rule.until, { zone, locale }).toLocaleString(DateTime.DATE_MED),
        }),
  };
}
