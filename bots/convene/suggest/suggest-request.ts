/**
 * What slot search is asked, and why it may find nothing. Both are plain data: the bot
 * words the reason in the reader's language (`render-no-slot.ts` is the English).
 */
import type { Weekday } from "../../../config/network-config.ts";
import type { RegionHours, Slot, ZonePolicy } from "../time/working-hours.ts";

export interface SuggestRequest {
  /** Every invited region; a slot must be inside all their working hours. */
  readonly regions: readonly RegionHours[];
  readonly durationMinutes: number;
  /** The search window [from, to): a slot starts at or after `from` and ends by `to`. */
  readonly from: string | number;
  readonly to: string | number;
  /** Slot starts are this far apart, on the clock of `alignZone` (e.g. 30: :00 and :30). */
  readonly granularityMinutes: number;
  /** How many slots to propose. */
  readonly count: number;
  /**
   * Earlier sessions of the series, or earlier convenings of these regions: a region that
   * already had unsocial slots is spared the next ones.
   */
  readonly history?: readonly Slot[];
  readonly zonePolicy?: ZonePolicy;
  /** Whose clock the slot grid follows; the first region's reference zone when absent. */
  readonly alignZone?: string;
  /** Margin under which a slot counts as unsocial (see `unsocial.ts`); 60 when absent. */
  readonly unsocialMarginMinutes?: number;
}

/** How one region fares in a slot. */
export interface RegionFit {
  readonly region: string;
  /** Minutes from the nearer edge of its working day. */
  readonly marginMinutes: number;
  readonly unsocial: boolean;
}

export interface SuggestedSlot {
  /** ISO-8601 UTC. */
  readonly start: string;
  readonly end: string;
  readonly regions: readonly RegionFit[];
  /** Ids of the regions for which the slot is unsocial. */
  readonly unsocialFor: readonly string[];
  /** Sum over regions of 0 (mid-day) to 1 (at an edge). */
  readonly discomfort: number;
}

/** A region's working hours, with their UTC equivalent, for explaining a refusal. */
export interface RegionHoursUtc {
  readonly region: string;
  /** The reference zone, whose clock `localStart`/`localEnd` are on. */
  readonly zone: string;
  readonly days: readonly Weekday[];
  readonly localStart: string;
  readonly localEnd: string;
  /** The hours on the region's first working day in the window, on the UTC clock. */
  readonly utcStart: string;
  readonly utcEnd: string;
}

export type InvalidRequestProblem =
  | "no-regions"
  | "duplicate-region"
  | "bad-zone"
  | "bad-duration"
  | "bad-granularity"
  | "bad-count"
  | "empty-window"
  /** A series plan with a bad number of sessions or weeks between them. */
  | "bad-series";

export type NoSlotReason =
  | { readonly kind: "invalid-request"; readonly problem: InvalidRequestProblem; readonly detail: string }
  /** One region has no stretch long enough on its own. */
  | {
      readonly kind: "region-never-free";
      readonly region: string;
      /** No working day in the window; its zones' hours never coincide; or its days are too short. */
      readonly cause: "no-working-day" | "zones-disjoint" | "too-short";
      readonly hours: RegionHoursUtc;
    }
  /** Pairs of regions whose working hours never share a long enough stretch. */
  | {
      readonly kind: "no-overlap";
      readonly pairs: readonly {
        readonly a: string;
        readonly b: string;
        /** Longest shared stretch in the window, minutes (0 when none). */
        readonly longestMinutes: number;
      }[];
      readonly durationMinutes: number;
      readonly hours: readonly RegionHoursUtc[];
    }
  /** Every pair overlaps, but no stretch is common to all regions. */
  | {
      readonly kind: "no-common-time";
      readonly longestMinutes: number;
      readonly durationMinutes: number;
      readonly hours: readonly RegionHoursUtc[];
    };
