/**
 * The weekly edition: every item published since the last edition is collected (through the
 * lifecycle, which checks each one again) into the edition of the current ISO week, which is
 * stored for the site and feeds and announced in the public room. Closing twice in a week
 * adds the newer items to the same edition.
 */
import { DateTime } from "luxon";
import type { PublishedDigestItem } from "../../../lib/digest-index/index.ts";
import type { DigestDeps } from "./digest-deps.ts";
import type { DigestEngine } from "./digest-engine.ts";
import type { DigestPublisher } from "./digest-publisher.ts";
import type { ItemRecords } from "./item-records.ts";

/** E.g. "2026-W48", the ISO week of `at` in the edition's zone. */
export function editionIdAt(at: number, timeZone: string): string {
  return DateTime.fromMillis(at, { zone: timeZone }).toFormat("kkkk-'W'WW");
}

export interface EditionOutcome {
  readonly edition: string;
  /** Items the edition collected now. */
  readonly added: number;
}

export async function closeEdition(
  deps: DigestDeps,
  parts: {
    readonly records: ItemRecords;
    readonly engine: DigestEngine;
    readonly publisher: DigestPublisher;
  },
  trigger: string,
): Promise<EditionOutcome> {
  const now = deps.now();
  const edition = editionIdAt(now, deps.config.digest.edition.timeZone);
  const waiting = parts.records
    .all()
    .filter((record) => record.state === "published" && record.edition === undefined)
    .sort((a, b) => (a.publishedAt ?? 0) - (b.publishedAt ?? 0));
  for (const record of waiting)
    await parts.engine.apply(
      record.id,
      { kind: "editionClosed", edition },
      { eventId: `${trigger}-${record.id}` },
    );
  const added = parts.publisher.takeCollected(edition);
  if (added.length === 0) return { edition, added: 0 };
  const existing = await deps.index.edition(edition);
  const items = [...(existing?.items ?? [])];
  for (const id of added) if (!items.includes(id)) items.push(id);
  await deps.index.putEdition({ version: 1, id: edition, closedAt: now, items });
  const published: PublishedDigestItem[] = [];
  for (const id of added) {
    const item = await deps.index.item(id);
    if (item !== undefined) published.push(item);
  }
  await parts.publisher.postEdition(edition, published, `digest-edition-${edition}-${items.length}`);
  deps.logger.info({ edition, added: added.length, items: items.length }, "digest edition closed");
  return { edition, added: added.length };
}
