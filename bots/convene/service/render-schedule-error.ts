/** A schedule command's problem as one English sentence naming the word at fault. */
import type { ScheduleDetailsError } from "../commands/parse-schedule-details.ts";
import { renderDurationError } from "../time/parse-duration.ts";
import { renderRecurrenceError } from "../time/parse-recurrence.ts";
import { renderWhenError } from "../time/render-when-error.ts";

export function renderScheduleError(error: ScheduleDetailsError): string {
  switch (error.kind) {
    case "when":
      return renderWhenError(error.error);
    case "duration":
      return renderDurationError(error.error);
    case "recurrence":
      return renderRecurrenceError(error.error);
    case "missing":
      return error.keyword === "with"
        ? `say who is invited with "with <regions or networks>", e.g. "with east-africa, mena".`
        : `say how long with "for <duration>", e.g. "for 90m".`;
    case "repeated":
      return `"${error.keyword}" is given twice.`;
    case "unexpected":
      return `I did not expect "${error.word}" there: after the time come "for", "with", "cap", "lang" and "every".`;
    case "unknown-target":
      return (
        `"${error.word}" is neither a region nor a network of this network` +
        (error.suggestions.length > 0 ? `; did you mean ${error.suggestions.join(" or ")}?` : ".")
      );
    case "bad-capacity":
      return `"${error.word}" is not a number of places: write e.g. "cap 20".`;
    case "unknown-language":
      return `"${error.word}" is not a language code: write e.g. "lang en fr" (this network uses ${error.known.join(", ")}).`;
  }
}
