/**
 * Why the digest bot said no, in words for the person who asked. The lifecycle returns
 * refusals as data; this is the one place they become sentences, in English or French
 * (refusal-text-fr.ts), the languages the bot's other messages speak.
 */
import type { DigestRefusal } from "../item/index.ts";
import type { EngineFailure } from "./digest-engine.ts";
import { refusalTextFr } from "./refusal-text-fr.ts";

export type Refusal = DigestRefusal | EngineFailure;

/** `locale` as from `localeOfUser`; anything but French gets English. */
export function refusalText(refusal: Refusal, locale = "en"): string {
  return locale.startsWith("fr") ? refusalTextFr(refusal) : refusalTextEn(refusal);
}

function refusalTextEn(refusal: Refusal): string {
  switch (refusal.kind) {
    case "wrong-state":
      return `That cannot be done while the item is ${refusal.state} (only when ${refusal.allowed.join(" or ")}).`;
    case "wrong-actor":
      return "Only steering-group members can do that.";
    case "not-allowed-to-nominate":
      return "Thank you for the suggestion: only steering-group members and this room's moderators can nominate a thread for the digest. You could ask one of them.";
    case "already-nominated":
      return `This thread is already nominated as item ${refusal.item}.`;
    case "empty-thread":
      return "There is nothing to quote in this thread (bot messages and commands are never quoted).";
    case "too-many-messages":
      return `The thread has ${refusal.count} messages; an item quotes at most ${refusal.max}. A summary in a new thread would serve readers better.`;
    case "missing-language":
      return "I could not tell which language to ask one of the authors in.";
    case "not-an-author":
      return "None of your messages are quoted in that item.";
    case "consent-final":
      return refusal.consent === "refused"
        ? "You already declined for that item; your messages will not be published. (A new nomination would ask you again.)"
        : "Your consent can only be narrowed now: answer pseudonym (if you chose named) or withdraw with !digest withdraw.";
    case "already-withdrawn":
      return "Your consent for that item is already withdrawn.";
    case "not-quoted":
      return "That message is not quoted in the item.";
    case "stale-preview":
      return `That names preview ${refusal.preview}, but the current preview is ${refusal.current}: read the new preview in the steering room first.`;
    case "already-approved":
      return "You have already approved this preview; approvals count once per person.";
    case "veto-disabled":
      return "Vetoes are turned off for this network (digest.allowVeto in the config).";
    case "embargo-not-in-future":
      return "The embargo date must be in the future.";
    case "already-in-edition":
      return `The item is already in edition ${refusal.edition}.`;
    case "stale-timer":
      return "That timer no longer applies.";
    case "unknown-item":
      return `There is no digest item ${refusal.item}.`;
    case "no-steering-room":
      return "I am not in the steering room yet, so I cannot keep digest items; ask an administrator to run the provisioner.";
    case "publish-failed":
      return `Nothing was published (${refusal.reason === "no-public-room" ? "I am not in the public digest room yet" : refusal.reason}), so this step was not recorded; please try again in a moment.`;
    case "matrix":
      return `The homeserver refused the change (${refusal.errcode}); please try again in a moment.`;
  }
}
