/**
 * Who may do what, and when. Each check returns the refusal or undefined, so a transition
 * chains them with `??` and the first failing rule names the reason: first the actor (only
 * steering reviews), then the state, then the preview (a reaction on an old preview must not
 * count for the new one).
 */
import type { Actor, DigestEventKind, DigestRefusal } from "./item-events.ts";
import type { DigestItem, ItemState } from "./item-model.ts";

/** States before publication in which steering may still act on the item. */
export const UNPUBLISHED_STATES: readonly ItemState[] = [
  "awaiting-consent",
  "awaiting-redaction",
  "awaiting-approval",
  "embargoed",
];
export const REVIEW_STATES: readonly ItemState[] = ["awaiting-approval", "embargoed"];

export function checkSteering(event: DigestEventKind, actor: Actor): DigestRefusal | undefined {
  return actor.kind === "steering" ? undefined : { kind: "wrong-actor", event, actor: actor.kind };
}

export function checkState(
  record: DigestItem,
  event: DigestEventKind,
  allowed: readonly ItemState[],
): DigestRefusal | undefined {
  return allowed.includes(record.state)
    ? undefined
    : { kind: "wrong-state", event, state: record.state, allowed };
}

export function checkPreview(
  record: DigestItem,
  event: DigestEventKind,
  preview: number,
): DigestRefusal | undefined {
  return preview === record.preview
    ? undefined
    : { kind: "stale-preview", event, preview, current: record.preview };
}
