/**
 * The iCalendar UID of a convening. Calendars match updates to events by UID, so it must
 * be the same on every render (never random) and differ between networks, since a person
 * may subscribe to two networks whose short convening ids collide. Both parts are escaped
 * one-to-one, so distinct (id, network) pairs never share a UID and nothing in it needs
 * iCalendar escaping.
 */

function escapePart(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]/g, (ch) =>
    [...new TextEncoder().encode(ch)]
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`)
      .join(""),
  );
}

/** `convening-<id>@<network>`, e.g. `convening-c7k2p@horn-prevention`. */
export function conveningUid(conveningId: string, network: string): string {
  return `convening-${escapePart(conveningId)}@${escapePart(network)}`;
}
