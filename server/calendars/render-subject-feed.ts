/**
 * The calendar a feed token opens, rendered from the index the convene bot publishes. The
 * hub reads only that index (lib/convening-index) and renders with the bot's pure
 * iCalendar and tally functions, so a feed says exactly what the bot's own downloads say.
 */
import type { Redis } from "ioredis";
import {
  renderConveningIcs,
  renderPersonalFeed,
  renderRegionFeed,
} from "../../bots/convene/calendar/index.ts";
import { standingOf, tallyRsvps } from "../../bots/convene/rsvp/index.ts";
import {
  type ConveningIndexKeys,
  type FeedSubject,
  type SkippedConvening,
  conveningsOfPerson,
  conveningsOfRegion,
  readConvening,
} from "../../lib/convening-index/index.ts";
import { type Result, err, ok } from "../../lib/result.ts";
import { type HubNetwork, feedContextOf, networksOfRegion } from "./hub-network.ts";

/** Where the feeds come from. */
export type CalendarFeeds = {
  readonly redis: Redis;
  readonly keys: ConveningIndexKeys;
  readonly network: HubNetwork;
};

/** A feed to serve, and the convenings it had to leave out (for the log). */
export type RenderedFeed = {
  readonly ics: string;
  readonly skipped: readonly SkippedConvening[];
};

/** The feed of `subject`, or why there is none to serve (for the log, never the client). */
export async function renderSubjectFeed(
  feeds: CalendarFeeds,
  subject: FeedSubject,
): Promise<Result<RenderedFeed, string>> {
  const { redis, keys, network } = feeds;
  const context = feedContextOf(network);
  switch (subject.kind) {
    case "convening": {
      const read = await readConvening(redis, keys, subject.id);
      if (!read.ok) return read;
      if (read.value === undefined) return err(`convening ${subject.id} is not in the index`);
      const ics = renderConveningIcs(read.value.convening, context);
      return ics.ok ? ok({ ics: ics.value, skipped: [] }) : ics;
    }
    case "region": {
      const region = network.regions.find(({ id }) => id === subject.region);
      if (region === undefined) return err(`region ${subject.region} is not in the network config`);
      const read = await conveningsOfRegion(redis, keys, region.id, networksOfRegion(network, region.id));
      const rendered = renderRegionFeed(
        region,
        read.found.map(({ convening }) => convening),
        context,
      );
      return ok({ ics: rendered.ics, skipped: [...read.skipped, ...rendered.skipped] });
    }
    case "person": {
      const read = await conveningsOfPerson(redis, keys, subject.user);
      // The standing (going, waitlisted…) comes from everyone's answers and the capacity,
      // exactly as the bot tallies them.
      const entries = read.found.map(({ convening, rsvps }) => ({
        convening,
        standing: standingOf(tallyRsvps(rsvps, convening.capacity), subject.user),
      }));
      const rendered = renderPersonalFeed(entries, context);
      return ok({ ics: rendered.ics, skipped: [...read.skipped, ...rendered.skipped] });
    }
  }
}
