/**
 * A convening as the convene bot keeps it. The source of truth is Matrix: the convening
 * room's `org.meridian.convening` state event holds a `Convening` (RSVPs are separate state
 * events, one per person, so two answers at once never overwrite each other). Redis holds
 * only jobs and indexes rebuilt from this.
 */
import type { RoomId, UserId } from "../../../lib/matrix-ids.ts";

/** When a convening happens. */
export interface ConveningTime {
  /** First (or only) start, as an ISO-8601 UTC instant, e.g. "2026-12-03T11:00:00.000Z". */
  readonly start: string;
  /**
   * The IANA zone the organiser scheduled in. A series repeats at the same wall-clock time
   * in this zone, so across a DST change its UTC instant moves and its local time does not.
   */
  readonly zone: string;
  readonly durationMinutes: number;
  /** RFC 5545 RRULE value without the "RRULE:" prefix, e.g. "FREQ=WEEKLY;COUNT=6". */
  readonly rrule?: string;
}

export type RsvpAnswer = "yes" | "no" | "maybe";

/** One person's answer. */
export interface Rsvp {
  readonly user: UserId;
  readonly answer: RsvpAnswer;
  /** ISO instant of the answer; orders the waitlist. */
  readonly at: string;
}

export type ConveningStatus = "scheduled" | "cancelled";

/** A convening (workshop, roundtable, exchange). */
export interface Convening {
  /** Short, human-typable id, unique in the network, e.g. "c7k2p". */
  readonly id: string;
  readonly title: string;
  readonly organiser: UserId;
  /** The convening's own encrypted room, once created. */
  readonly roomId?: RoomId;
  readonly time: ConveningTime;
  /** Invited region ids and network ids (config ids). */
  readonly regions: readonly string[];
  readonly networks: readonly string[];
  /** Maximum number of "yes" answers; extra yeses go on the waitlist. */
  readonly capacity?: number;
  /** Working languages (codes), in the organiser's order. */
  readonly languages: readonly string[];
  readonly status: ConveningStatus;
  readonly cancelReason?: string;
  /** Bumped on every change; the iCalendar SEQUENCE. */
  readonly sequence: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
