/** Calendar feeds (iCalendar) and the series expansion the bot shares with them. */
export type { CheckedTime } from "./checked-time.ts";
export { checkTime } from "./checked-time.ts";
export { conveningUid } from "./convening-uid.ts";
export { describeSeries } from "./describe-series.ts";
export type { Occurrence, Window } from "./expand-occurrences.ts";
export {
  DEFAULT_OCCURRENCE_LIMIT,
  expandChecked,
  expandOccurrences,
  lastStartOf,
} from "./expand-occurrences.ts";
export type { Audience, FeedContext } from "./feed-event.ts";
export type { FeedRender, PersonalEntry } from "./render-feeds.ts";
export { renderConveningIcs, renderPersonalFeed, renderRegionFeed } from "./render-feeds.ts";
export { renderVtimezone } from "./render-vtimezone.ts";
export type { SeriesFrequency, SeriesRule } from "./series-rule.ts";
export { parseSeriesRule } from "./series-rule.ts";
export type { ZoneTransition } from "./zone-transitions.ts";
export { offsetAt, zoneTransitions } from "./zone-transitions.ts";
