/**
 * Caller job ids are usually built from Matrix ids ("reminder-!room:server-$event"), but BullMQ
 * rejects custom ids containing ":" or made of digits only. This escaping is reversible and
 * one-to-one, so distinct caller ids never collide and logs can show the caller's id.
 */

const MAX_JOB_ID_LENGTH = 300;

/** The BullMQ job id for a caller's stable job id. Throws on an empty or oversized id (a bug). */
export function toBullJobId(jobId: string): string {
  if (jobId === "" || jobId.length > MAX_JOB_ID_LENGTH)
    throw new Error(`job id must be 1-${MAX_JOB_ID_LENGTH} characters, got ${jobId.length}`);
  // The "j-" prefix keeps purely numeric ids from being read as BullMQ's own integer ids.
  return `j-${jobId.replaceAll("%", "%25").replaceAll(":", "%3A")}`;
}

/** The caller's job id back from a BullMQ id (scheduler-made ids are returned unchanged). */
export function fromBullJobId(bullJobId: string): string {
  if (!bullJobId.startsWith("j-")) return bullJobId;
  // One pass, so an escaped "%" is never decoded twice.
  return bullJobId.slice(2).replace(/%(25|3A)/g, (escape) => (escape === "%25" ? "%" : ":"));
}
