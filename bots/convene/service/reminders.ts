/**
 * Reminders as delayed jobs (BullMQ, in Redis), which survive restarts of the bot and of
 * Redis (append-only). Each job id is derived from the convening, the occurrence and the
 * lead time; the ids scheduled for a convening are kept in a Redis set so rescheduling moves
 * exactly those. When a reminder fires it reloads the convening from Matrix and sends only
 * if the occurrence still stands; a "sent" mark and transaction ids derived from the job id
 * make a retried job send nothing twice.
 */
import type { JobHandle, JobRuntime } from "../../runtime/jobs/index.ts";
import { PermanentJobError } from "../../runtime/jobs/index.ts";
import { reply } from "../../runtime/commands/reply.ts";
import { expandOccurrences } from "../calendar/expand-occurrences.ts";
import { t } from "../i18n/index.ts";
import {
  diffReminders,
  planReminders,
  reminderJobId,
  reminderTiming,
  type ReminderTiming,
} from "../reminders/index.ts";
import { tallyRsvps } from "../rsvp/tally-rsvps.ts";
import type { StoredConvening } from "../store/convening-store.ts";
import type { ConveneDeps } from "./convene-deps.ts";
import { localeOf } from "./people.ts";

export interface ReminderPayload {
  readonly conveningId: string;
  /** Epoch ms of the occurrence. */
  readonly occurrenceStart: number;
  readonly leadMinutes: number;
}

const SENT_TTL_SECONDS = 14 * 24 * 3600;
/**
 * Reminders sent at once. Each waits on the homeserver (and its sends on the crypto store's
 * save); a thousand due in one minute must not queue behind one another.
 */
const REMINDER_CONCURRENCY = 8;

export interface Reminders {
  /** Makes the scheduled jobs match the convening (new, moved or cancelled). */
  sync(stored: StoredConvening): Promise<void>;
}

export function createReminders(deps: ConveneDeps, jobs: JobRuntime): Reminders {
  const scheduledKey = (id: string): string => `${deps.prefix}:reminders:${id}`;
  const sentKey = (jobId: string): string => `${deps.prefix}:reminded:${jobId}`;
  const leads = deps.config.convening.reminders.map((ms) => Math.max(1, Math.round(ms / 60_000)));

  const handle: JobHandle<ReminderPayload> = jobs.defineJob<ReminderPayload>("reminder", {
    attempts: 5,
    concurrency: REMINDER_CONCURRENCY,
    async handler(payload, ctx) {
      const jobId = reminderJobId(payload.conveningId, payload.occurrenceStart, payload.leadMinutes);
      if ((await deps.redis.exists(sentKey(jobId))) === 1) return;
      const loaded = await deps.store.load(payload.conveningId);
      if (!loaded.ok) throw new Error(`could not load convening: ${loaded.error.errcode}`);
      const stored = loaded.value;
      if (stored === undefined) throw new PermanentJobError("the convening no longer exists");
      if (!stillStands(stored, payload)) {
        ctx.logger.info(
          { convening: payload.conveningId, jobId },
          "reminder for a moved or cancelled occurrence",
        );
        return;
      }
      const timing = reminderTiming(
        payload.occurrenceStart,
        stored.convening.time.durationMinutes,
        payload.leadMinutes,
        deps.now(),
      );
      if (timing.kind === "over") {
        ctx.logger.info(
          { convening: payload.conveningId, jobId },
          "reminder too late: the occurrence is over",
        );
        return;
      }
      await send(stored, timing, jobId);
      await deps.redis.set(sentKey(jobId), "1", "EX", SENT_TTL_SECONDS);
    },
  });

  const send = async (stored: StoredConvening, timing: SendableTiming, jobId: string): Promise<void> => {
    const { convening } = stored;
    const text = reminderText(localeOf(deps.config, convening.organiser), convening.title, timing);
    const inRoom = await deps.matrix.sendMessage(stored.roomId, notice(text), `${jobId}-room`);
    if (!inRoom.ok) throw new Error(`reminder not posted: ${inRoom.error.errcode}`);
    const going = tallyRsvps(stored.rsvps, convening.capacity).going;
    for (const user of going) {
      const personal = reminderText(localeOf(deps.config, user), convening.title, timing);
      const dm = await deps.matrix.sendDirect(user, notice(personal), `${jobId}-${user}`);
      if (!dm.ok)
        deps.logger.warn(
          { convening: convening.id, user, errcode: dm.error.errcode },
          "reminder DM not sent",
        );
    }
    deps.logger.info({ convening: convening.id, jobId, dms: going.length }, "sent a reminder");
  };

  const stillStands = (stored: StoredConvening, payload: ReminderPayload): boolean => {
    if (stored.convening.status !== "scheduled") return false;
    const window = { from: payload.occurrenceStart, to: payload.occurrenceStart + 1 };
    const occurrences = expandOccurrences(stored.convening.time, window);
    return (
      occurrences.ok && occurrences.value.some((occurrence) => occurrence.start === payload.occurrenceStart)
    );
  };

  return {
    async sync(stored) {
      const planned = planReminders(stored.convening, leads, new Date(deps.now()));
      const desired = planned.ok ? planned.value : [];
      if (!planned.ok) deps.logger.warn({ convening: stored.convening.id }, planned.error);
      const key = scheduledKey(stored.convening.id);
      const diff = diffReminders(await deps.redis.smembers(key), desired);
      for (const jobId of diff.remove) {
        await jobs.cancel(handle, jobId);
        await deps.redis.srem(key, jobId);
      }
      for (const job of diff.add) {
        await jobs.schedule(
          handle,
          {
            conveningId: job.conveningId,
            occurrenceStart: Date.parse(job.occurrenceStart),
            leadMinutes: job.leadMinutes,
          },
          { jobId: job.jobId, at: Date.parse(job.dueAt) },
        );
        await deps.redis.sadd(key, job.jobId);
      }
    },
  };
}

type SendableTiming = Exclude<ReminderTiming, { kind: "over" }>;

function reminderText(locale: string, title: string, timing: SendableTiming): string {
  switch (timing.kind) {
    case "startsIn":
      return t(locale, "reminder.startsIn", { title, minutes: timing.minutes });
    case "startingNow":
      return t(locale, "reminder.startingNow", { title });
    case "startedAgo":
      return t(locale, "reminder.startedAgo", { title, minutes: timing.minutes });
  }
}

function notice(text: string): Record<string, unknown> {
  const content = reply`${text}`;
  return {
    msgtype: "m.notice",
    body: content.text,
    format: "org.matrix.custom.html",
    formatted_body: content.html,
  };
}
