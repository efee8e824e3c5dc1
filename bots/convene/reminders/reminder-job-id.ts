/**
 * Reminder job ids. BullMQ ignores an add whose job id already exists, so a deterministic id
 * makes scheduling the same reminder twice harmless; the id names the convening, the
 * occurrence's start and the lead time, so a moved occurrence gets a new id (and the old job
 * is removed by the diff) while an edit that keeps the time keeps the job.
 *
 * BullMQ rejects ":" in custom ids, so the convening id is escaped; "-" is escaped too,
 * which makes "reminder-<id>-" an exact prefix for one convening's jobs.
 */

// Everything but these is percent-encoded, "%" included, so the escape is one-to-one.
const KEPT = /[^A-Za-z0-9._]/g;

function escapeId(id: string): string {
  return id.replace(KEPT, (ch) =>
    [...new TextEncoder().encode(ch)]
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`)
      .join(""),
  );
}

/** The prefix every reminder job id of one convening starts with (and no other's does). */
export function reminderJobPrefix(conveningId: string): string {
  return `reminder-${escapeId(conveningId)}-`;
}

/** E.g. `reminder-c7k2p-20261203T110000Z-60m` for the 1-hour reminder of 3 Dec 11:00 UTC. */
export function reminderJobId(conveningId: string, occurrenceStart: number, leadMinutes: number): string {
  const compact = new Date(occurrenceStart)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
  return `${reminderJobPrefix(conveningId)}${compact}-${leadMinutes}m`;
}
