import { createHash } from "node:crypto";
import type { EventId } from "../../../lib/matrix-ids.ts";

/**
 * The transaction id for the message a bot sends in answer to `eventId`.
 *
 * The ledger's lease can expire while a handler is still sending (a crash, a long pause), so
 * the same event may be handled twice. Deriving the transaction id from the event makes the
 * second send a no-op: the homeserver deduplicates PUT /send/{txnId} per access token. Hashing
 * keeps it within the characters a URL path segment allows, whatever the event id holds.
 *
 * @param purpose - distinguishes several messages sent for one event (e.g. "reply", "notice").
 * @returns 32 lowercase hex characters, stable across processes and versions.
 */
export function transactionIdFor(eventId: EventId, purpose = "reply"): string {
  return createHash("sha256")
    .update(`meridian-txn\u0000${purpose}\u0000${eventId}`)
    .digest("hex")
    .slice(0, 32);
}
