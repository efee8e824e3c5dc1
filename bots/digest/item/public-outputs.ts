/**
 * What every public output holds, read from the items: the public digest room has each item
 * that is published, and each closed edition the published items it collected. An item
 * stops being published only by a transition that also emits `unpublish-everywhere`, so the
 * outputs the layer keeps should always equal this; tests compare the two at every step.
 */
import type { DigestItemId } from "./item-id.ts";
import { type ConsentedMessage, type DigestItem, consentedMessages } from "./item-model.ts";

/** One item as it stands on a public output: which preview, which redacted content. */
export interface PublicEntry {
  readonly item: DigestItemId;
  readonly preview: number;
  readonly digest: string;
  readonly messages: readonly ConsentedMessage[];
}

export interface PublicOutputs {
  /** Oldest publication first. */
  readonly room: readonly PublicEntry[];
  /** Edition id → its items, oldest publication first. */
  readonly editions: ReadonlyMap<string, readonly PublicEntry[]>;
}

export function publicOutputs(items: readonly DigestItem[]): PublicOutputs {
  const published = items
    .filter((item) => item.state === "published" && item.redaction !== undefined)
    .sort((a, b) => (a.publishedAt ?? 0) - (b.publishedAt ?? 0) || a.id.localeCompare(b.id));
  const room: PublicEntry[] = [];
  const editions = new Map<string, PublicEntry[]>();
  for (const item of published) {
    const entry = {
      item: item.id,
      preview: item.preview,
      digest: item.redaction?.digest ?? "",
      messages: consentedMessages(item),
    };
    room.push(entry);
    if (item.edition !== undefined)
      editions.set(item.edition, [...(editions.get(item.edition) ?? []), entry]);
  }
  return { room, editions };
}
