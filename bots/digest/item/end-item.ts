/**
 * Ending an item, and taking a published one off every public output. Who is told depends on
 * how far the item got: steering only once it has seen a preview, the authors who agreed
 * whenever their messages will not (or no longer) appear.
 */
import type { AuthorKey } from "./author-key.ts";
import { type Draft, emit, moveTo } from "./item-draft.ts";
import type { NominatorNotice, SteeringNotice } from "./item-effects.ts";
import { without } from "./item-fields.ts";
import { type DigestItem, type ItemState, consentedMessages } from "./item-model.ts";

/** States in which steering has a preview of the item in front of it. */
export const PREVIEW_POSTED: readonly ItemState[] = ["awaiting-approval", "embargoed", "published"];

/** The distinct authors whose messages would be published. */
export function consentingAuthors(record: DigestItem): readonly AuthorKey[] {
  return [...new Set(consentedMessages(record).map((message) => message.author))];
}

/**
 * Off the public digest room and every edition that collected it: the first effect of the
 * transition, so it is carried out before anything that could fail after it.
 */
export function takeDown(draft: Draft): void {
  const { record } = draft;
  const editions = record.edition === undefined ? [] : [record.edition];
  emit(draft, { kind: "unpublish-everywhere", item: record.id, editions });
  draft.record = without(record, ["publishedAt", "edition"]);
}

export interface Ending {
  readonly state: Extract<ItemState, "vetoed" | "dropped" | "withdrawn">;
  /** Left out when steering never saw a preview of the item. */
  readonly steering?: SteeringNotice;
  readonly nominator: NominatorNotice;
}

/**
 * Ends an item that is not public (any more). The authors who agreed learn that their
 * messages stay unpublished; those who said no need no word.
 */
export function endUnpublished(draft: Draft, ending: Ending): void {
  const authors = consentingAuthors(draft.record);
  moveTo(draft, ending.state, without(draft.record, ["publishedAt", "edition"]));
  if (ending.steering !== undefined) emit(draft, { kind: "notify-steering", notice: ending.steering });
  emit(draft, { kind: "notify-nominator", notice: ending.nominator });
  if (authors.length > 0) emit(draft, { kind: "notify-authors", authors, notice: "not-published" });
}
