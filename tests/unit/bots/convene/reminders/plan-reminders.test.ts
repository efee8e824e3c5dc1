import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffReminders } from "../../../../../bots/convene/reminders/diff-reminders.ts";
import { type ReminderJob, planReminders } from "../../../../../bots/convene/reminders/plan-reminders.ts";
import { reminderJobId, reminderJobPrefix } from "../../../../../bots/convene/reminders/reminder-job-id.ts";
import type { Convening } from "../../../../../bots/convene/model/convening.ts";
import { aConvening } from "../calendar/convening-fixture.ts";
import { wallClock } from "../calendar/wall-clock.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LEADS = [1440, 60];

function plan(convening: Convening, now: string, leads = LEADS, options = {}): readonly ReminderJob[] {
  const planned = planReminders(convening, leads, new Date(now), options);
  if (!planned.ok) throw new Error(planned.error);
  return planned.value;
}

describe("planReminders", () => {
  // Starts 2026-12-03 11:00 UTC.
  const single = aConvening();

  it("plans one job per lead time, due that long before the start", () => {
    expect(plan(single, "2026-11-20T00:00:00Z")).toEqual([
      {
        jobId: "reminder-c7k2p-20261203T110000Z-1440m",
        conveningId: "c7k2p",
        occurrenceStart: "2026-12-03T11:00:00.000Z",
        leadMinutes: 1440,
        dueAt: "2026-12-02T11:00:00.000Z",
      },
      {
        jobId: "reminder-c7k2p-20261203T110000Z-60m",
        conveningId: "c7k2p",
        occurrenceStart: "2026-12-03T11:00:00.000Z",
        leadMinutes: 60,
        dueAt: "2026-12-03T10:00:00.000Z",
      },
    ]);
  });

  it("drops reminders whose time has passed, beyond a short grace", () => {
    // Five hours before: the 24-hour reminder is long past, the 1-hour one still to come.
    expect(plan(single, "2026-12-03T06:00:00Z").map((job) => job.leadMinutes)).toEqual([60]);
    // Ten minutes after the 1-hour reminder was due: still sent, late.
    expect(plan(single, "2026-12-03T10:10:00Z").map((job) => job.leadMinutes)).toEqual([60]);
    // Twenty minutes after: dropped with the default 15-minute grace, kept with a longer one.
    expect(plan(single, "2026-12-03T10:20:00Z")).toEqual([]);
    expect(plan(single, "2026-12-03T10:20:00Z", LEADS, { graceMinutes: 30 })).toHaveLength(1);
  });

  it("plans nothing for a convening that has started or is over", () => {
    expect(plan(single, "2026-12-03T11:00:00Z", [5], { graceMinutes: 60 })).toEqual([]);
    expect(plan(single, "2027-01-01T00:00:00Z")).toEqual([]);
  });

  it("plans nothing for a cancelled convening", () => {
    expect(plan(aConvening({ status: "cancelled" }), "2026-11-20T00:00:00Z")).toEqual([]);
  });

  it("plans a series' occurrences within the horizon only", () => {
    const weekly = aConvening({ time: { rrule: "FREQ=WEEKLY" } });
    const jobs = plan(weekly, "2026-12-01T00:00:00Z", [60], { horizonDays: 30 });
    // The horizon ends 31 December 00:00, so Thursday 31 December at 11:00 is just beyond it.
    expect(jobs.map((job) => job.occurrenceStart.slice(0, 10))).toEqual([
      "2026-12-03",
      "2026-12-10",
      "2026-12-17",
      "2026-12-24",
    ]);
    // The default 60 days reach 30 January: five Thursdays in December, four in January.
    expect(plan(weekly, "2026-12-01T00:00:00Z", [60])).toHaveLength(9);
  });

  it("keeps a series' reminders at the local time across DST", () => {
    // 14:00 in Paris every week through the end of March change.
    const paris = aConvening({
      time: { start: "2026-03-19T13:00:00Z", zone: "Europe/Paris", rrule: "FREQ=WEEKLY;COUNT=3" },
    });
    const jobs = plan(paris, "2026-03-01T00:00:00Z", [60]);
    expect(jobs.map((job) => wallClock(Date.parse(job.dueAt), "Europe/Paris"))).toEqual([
      "2026-03-19 13:00",
      "2026-03-26 13:00",
      "2026-04-02 13:00",
    ]);
  });

  it("ignores a repeated lead time", () => {
    expect(plan(single, "2026-11-20T00:00:00Z", [60, 60, 1440])).toHaveLength(2);
  });

  it.each([[[0]], [[-5]], [[1.5]]])("refuses the lead times %j", (leads) => {
    const planned = planReminders(single, leads, new Date("2026-11-20T00:00:00Z"));
    expect(planned.ok ? "" : planned.error).toContain("not a positive number of minutes");
  });

  it("reports a convening whose time cannot be read", () => {
    const planned = planReminders(aConvening({ time: { zone: "Nowhere/Land" } }), LEADS, new Date());
    expect(planned.ok ? "" : planned.error).toContain("c7k2p");
  });

  it("gives every job a distinct id without ':' whatever now and the leads are", () => {
    const weekly = aConvening({ id: "a:b-c", time: { rrule: "FREQ=DAILY" } });
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 10, 1), max: Date.UTC(2027, 5, 1) }),
        fc.uniqueArray(fc.integer({ min: 1, max: 10_080 }), { minLength: 1, maxLength: 4 }),
        (now, leads) => {
          const jobs = plan(weekly, new Date(now).toISOString(), leads);
          const ids = jobs.map((job) => job.jobId);
          expect(new Set(ids).size).toBe(ids.length);
          for (const job of jobs) {
            expect(job.jobId).not.toContain(":");
            expect(job.jobId.startsWith(reminderJobPrefix(weekly.id))).toBe(true);
            expect(Date.parse(job.occurrenceStart)).toBeGreaterThan(now);
            expect(Date.parse(job.dueAt)).toBeGreaterThanOrEqual(now - 15 * 60_000);
            expect(Date.parse(job.occurrenceStart) - Date.parse(job.dueAt)).toBe(job.leadMinutes * 60_000);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("reminder job ids", () => {
  it("are the same for the same reminder, and differ when it moves", () => {
    const start = Date.UTC(2026, 11, 3, 11);
    expect(reminderJobId("c7k2p", start, 60)).toBe(reminderJobId("c7k2p", start, 60));
    expect(reminderJobId("c7k2p", start + HOUR, 60)).not.toBe(reminderJobId("c7k2p", start, 60));
    expect(reminderJobId("c7k2p", start, 30)).not.toBe(reminderJobId("c7k2p", start, 60));
    expect(reminderJobId("d8m3q", start, 60)).not.toBe(reminderJobId("c7k2p", start, 60));
  });

  it("escape the convening id so that one convening's prefix never matches another's jobs", () => {
    const start = Date.UTC(2026, 11, 3, 11);
    expect(reminderJobId("ab:c", start, 60)).not.toContain(":");
    expect(reminderJobId("ab-cd", start, 60).startsWith(reminderJobPrefix("ab"))).toBe(false);
    expect(reminderJobId("ab%3Acd", start, 60)).not.toBe(reminderJobId("ab:cd", start, 60));
  });
});

describe("diffReminders", () => {
  const single = aConvening();
  const now = "2026-11-20T00:00:00Z";

  it("changes nothing when the plan is already scheduled (re-scheduling is idempotent)", () => {
    const jobs = plan(single, now);
    const diff = diffReminders(
      jobs.map((job) => job.jobId),
      plan(single, now),
    );
    expect(diff.add).toEqual([]);
    expect(diff.remove).toEqual([]);
    expect(diff.keep).toHaveLength(2);
  });

  it("replaces the jobs of a moved convening and keeps none of the old ones", () => {
    const before = plan(single, now).map((job) => job.jobId);
    const moved = aConvening({ sequence: 3, time: { start: "2026-12-04T11:00:00.000Z" } });
    const diff = diffReminders(before, plan(moved, now));
    expect(diff.remove).toEqual([...before].sort());
    expect(diff.add.map((job) => job.dueAt)).toEqual([
      "2026-12-03T11:00:00.000Z",
      "2026-12-04T10:00:00.000Z",
    ]);
  });

  it("keeps the jobs of an edit that does not move the time", () => {
    const before = plan(single, now).map((job) => job.jobId);
    const renamed = aConvening({ title: "New title", sequence: 5 });
    expect(diffReminders(before, plan(renamed, now))).toEqual({
      remove: [],
      add: [],
      keep: [...before].sort(),
    });
  });

  it("removes everything when the convening is cancelled", () => {
    const before = plan(single, now).map((job) => job.jobId);
    const diff = diffReminders(before, plan(aConvening({ status: "cancelled" }), now));
    expect(diff.remove).toEqual([...before].sort());
    expect(diff.add).toEqual([]);
  });

  it("adds only the lead time that was added", () => {
    const before = plan(single, now).map((job) => job.jobId);
    const diff = diffReminders(before, plan(single, now, [1440, 60, 15]));
    expect(diff.add.map((job) => job.leadMinutes)).toEqual([15]);
    expect(diff.remove).toEqual([]);
  });

  it("slides a series' horizon: a later plan adds the next occurrence and drops the past one", () => {
    const weekly = aConvening({ time: { rrule: "FREQ=WEEKLY" } });
    const first = plan(weekly, "2026-12-01T00:00:00Z", [60], { horizonDays: 14 });
    const week = plan(weekly, new Date(Date.parse("2026-12-01T00:00:00Z") + 7 * DAY).toISOString(), [60], {
      horizonDays: 14,
    });
    const diff = diffReminders(
      first.map((job) => job.jobId),
      week,
    );
    expect(diff.remove).toEqual(["reminder-c7k2p-20261203T110000Z-60m"]);
    expect(diff.add.map((job) => job.jobId)).toEqual(["reminder-c7k2p-20261217T110000Z-60m"]);
  });
});
