/**
 * The digest bot's words in English: the type every other language's catalogue must match,
 * so a message missing in one language cannot compile. Never a user id in what the public
 * or the steering room reads; names only where people agreed to them.
 */
import type { AuthorNotice, ConsentChoice, NominatorNotice, SteeringNotice } from "../item/index.ts";

export interface ConsentRequest {
  readonly item: string;
  readonly room: string;
  /** The person's own messages in the thread, as they read now. */
  readonly quotes: readonly string[];
  /** Formatted in the person's zone. */
  readonly deadline: string;
}

export interface PreviewPost {
  readonly item: string;
  readonly preview: number;
  readonly room: string;
  /** The text as it would be published, every replacement between ⟦ and ⟧. */
  readonly text: string;
  readonly quorum: number;
  readonly left: number;
  readonly topics: readonly string[];
}

export interface DigestTexts {
  consentRequest(request: ConsentRequest): string;
  consentRecorded(item: string, choice: ConsentChoice): string;
  withdrawn(item: string): string;
  /** A plain answer while several items wait for one. */
  whichItem(items: readonly string[]): string;
  nominated(item: string, authors: number, deadline: string): string;
  preview(post: PreviewPost): string;
  steering(item: string, notice: SteeringNotice, url: string): string;
  author(item: string, notice: AuthorNotice, url: string): string;
  nominator(item: string, notice: NominatorNotice, url: string): string;
  approved(item: string, preview: number, approvals: number, quorum: number): string;
  vetoed(item: string, preview: number): string;
  choiceWords: Readonly<Record<ConsentChoice, string>>;
}

const choice: Record<ConsentChoice, string> = {
  named: "publish with my name",
  pseudonym: "publish under a pseudonym",
  refused: "do not publish my messages",
};

export const en: DigestTexts = {
  consentRequest: ({ item, room, quotes, deadline }) =>
    [
      `A thread you wrote in (${room}) was proposed for the network's public digest (item ${item}).`,
      `Your messages that would be quoted, after personal data such as phone numbers and emails is removed:`,
      ...quotes.map((quote) => `> ${quote.replaceAll("\n", "\n> ")}`),
      `Do you agree? Answer named, pseudonym or no, or use one of:`,
      `  !digest consent ${item} named: ${choice.named}`,
      `  !digest consent ${item} pseudonym: ${choice.pseudonym}`,
      `  !digest consent ${item} no: ${choice.refused}`,
      `No answer by ${deadline} means no. You can withdraw at any time, also after publication: !digest withdraw ${item}`,
    ].join("\n"),
  consentRecorded: (item, chosen) =>
    chosen === "refused"
      ? `Understood: your messages will not be published in item ${item}.`
      : `Thank you: recorded for item ${item}: ${choice[chosen]}. You can withdraw at any time with !digest withdraw ${item}.`,
  whichItem: (items) =>
    `You were asked about ${items.length} items (${items.join(", ")}): answer with the command for the one you mean, e.g. !digest consent ${items[0] ?? ""} named.`,
  withdrawn: (item) =>
    `Your consent for item ${item} is withdrawn: your messages are taken off every public page within a minute.`,
  nominated: (item, authors, deadline) =>
    `Nominated as item ${item}. I asked ${authors} author(s) for consent; the deadline is ${deadline}. The preview comes to the steering room once they answered.`,
  preview: ({ item, preview, room, text, quorum, left, topics }) =>
    [
      `Digest preview: item ${item}, preview ${preview} (from ${room}${topics.length > 0 ? `; topics: ${topics.join(", ")}` : ""}).`,
      `Exactly this would be published; every replacement is marked ⟦like this⟧:`,
      "",
      text,
      "",
      `Approve: react ✅ or send !digest approve ${item} ${preview}. Veto: react ❌ or send !digest veto ${item} ${preview}.`,
      `${quorum} approval(s) needed; ${left} to go.`,
    ].join("\n"),
  steering: (item, notice, url) => {
    switch (notice) {
      case "preview-voided":
        return `Item ${item}: what would be published changed (an edit or a consent); earlier approvals no longer count. A new preview follows.`;
      case "redaction-unclean":
        return `Item ${item}: the publication check still finds personal data in it; it is being redacted again before anyone can approve it.`;
      case "embargoed":
        return `Item ${item} is approved and held until its embargo date.`;
      case "published":
        return `Item ${item} is published: ${url}`;
      case "taken-down":
        return `Item ${item} was taken off every public page.`;
      case "vetoed":
        return `Item ${item} was vetoed and will not be published.`;
      case "dropped":
        return `Item ${item} was dropped: nothing is left to publish.`;
      case "withdrawn":
        return `Item ${item} was withdrawn by its authors.`;
      case "unpublished":
        return `Item ${item} was unpublished by the steering group.`;
    }
  },
  author: (item, notice, url) => {
    switch (notice) {
      case "published":
        return `Item ${item}, which quotes you, is published: ${url}. Withdraw at any time with !digest withdraw ${item}.`;
      case "taken-down":
        return `Item ${item}, which quotes you, was taken off the public pages.`;
      case "not-published":
        return `Item ${item}, which would have quoted you, will not be published.`;
    }
  },
  nominator: (item, notice, url) => {
    switch (notice) {
      case "no-consent":
        return `Item ${item} will not be published: no author agreed in time.`;
      case "published":
        return `Item ${item}, which you nominated, is published: ${url}`;
      case "vetoed":
        return `Item ${item}, which you nominated, was vetoed by the steering group.`;
      case "dropped":
        return `Item ${item}, which you nominated, was dropped: nothing was left to publish.`;
    }
  },
  approved: (item, preview, approvals, quorum) =>
    approvals >= quorum
      ? `Approved preview ${preview} of item ${item} (${approvals} of ${quorum}).`
      : `Approved preview ${preview} of item ${item}: ${approvals} of ${quorum} approvals; ${quorum - approvals} to go.`,
  vetoed: (item, preview) => `Vetoed preview ${preview} of item ${item}: it will not be published.`,
  choiceWords: choice,
};
