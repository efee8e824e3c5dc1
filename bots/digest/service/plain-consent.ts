/**
 * A consent answer typed as a plain word ("pseudonym", "non") in a direct message with the
 * bot, by someone asked about exactly one item: people should not need the command syntax.
 * With two items pending the word is ambiguous, and the command is asked for. Returns whether
 * the message was such an answer (and was answered).
 */
import type { IncomingRoomMessage } from "../../runtime/intake/incoming-room-message.ts";
import { authorKeyOf } from "./author-keys.ts";
import type { DigestDeps } from "./digest-deps.ts";
import type { DigestEngine } from "./digest-engine.ts";
import type { DigestRooms } from "./digest-rooms.ts";
import { localeOfUser, textsFor } from "./digest-texts.ts";
import type { ItemRecords } from "./item-records.ts";
import { readChoice } from "./read-choice.ts";
import { refusalText } from "./refusal-text.ts";

export async function answerPlainConsent(
  deps: DigestDeps,
  parts: { readonly rooms: DigestRooms; readonly records: ItemRecords; readonly engine: DigestEngine },
  message: IncomingRoomMessage,
): Promise<boolean> {
  const { config, matrix, logger } = deps;
  const { rooms, records, engine } = parts;
  const body = message.content["body"];
  if (typeof body !== "string" || message.content["m.relates_to"] !== undefined) return false;
  const choice = readChoice(body);
  if (!choice.ok || (await rooms.configOf(message.roomId)) !== undefined) return false;
  const pending = records.all().filter((record) => {
    if (record.state !== "awaiting-consent") return false;
    const author = authorKeyOf(deps.authorSecret, record.id, message.sender);
    return record.authors.some((entry) => entry.author === author && entry.consent === "pending");
  });
  const locale = localeOfUser(config, message.sender);
  const only = pending.length === 1 ? pending[0] : undefined;
  const outcome =
    only === undefined
      ? undefined
      : await engine.apply(
          only.id,
          {
            kind: "consent",
            author: authorKeyOf(deps.authorSecret, only.id, message.sender),
            choice: choice.value,
          },
          { eventId: message.eventId },
        );
  if (pending.length === 0) return false;
  const text =
    only === undefined || outcome === undefined
      ? textsFor(locale).whichItem(pending.map((record) => record.id))
      : outcome.ok
        ? textsFor(locale).consentRecorded(only.id, choice.value)
        : refusalText(outcome.error, locale);
  const sent = await matrix.sendMessage(
    message.roomId,
    { msgtype: "m.notice", body: text },
    `${message.eventId}-consent`,
  );
  if (!sent.ok)
    logger.warn({ roomId: message.roomId, errcode: sent.error.errcode }, "could not answer a consent");
  return true;
}
