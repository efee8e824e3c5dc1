/**
 * The convening card: the message the bot posts (and edits) for a convening, with
 * everything a person needs to decide and answer. Built with the reply helpers, which
 * escape every value, so a title or reason typed by a user can never inject markup.
 * A cancelled convening keeps its card, marked CANCELLED with the reason and no invitation
 * to answer.
 */
import {
  type Reply,
  type ReplyValue,
  bold,
  code,
  join,
  lines,
  list,
  reply,
} from "../../runtime/commands/reply.ts";
import { checkTime } from "../calendar/checked-time.ts";
import { describeSeries } from "../calendar/describe-series.ts";
import { t } from "../i18n/translate.ts";
import type { Convening } from "../model/convening.ts";
import { ANSWER_REACTIONS } from "../rsvp/reaction-answers.ts";
import type { RsvpTally } from "../rsvp/tally-rsvps.ts";
import type { LocalTimeLine } from "./local-time-lines.ts";

/** The content of an `m.notice` with an HTML body and its plain-text fallback. */
export interface CardContent {
  readonly msgtype: "m.notice";
  readonly body: string;
  readonly format: "org.matrix.custom.html";
  readonly formatted_body: string;
}

export interface CardInput {
  readonly convening: Convening;
  readonly locale: string;
  /** The start in each invited region's local time, one line per region, in order. */
  readonly localTimes: readonly LocalTimeLine[];
  readonly tally: RsvpTally;
  /** The command that answers, e.g. "!rsvp"; the card then shows "!rsvp c7k2p yes|maybe|no". */
  readonly answerCommand?: string;
}

export function renderConveningCard(input: CardInput): CardContent {
  const card = cardReply(input);
  return {
    msgtype: "m.notice",
    body: card.text,
    format: "org.matrix.custom.html",
    formatted_body: card.html,
  };
}

export function cardReply(input: CardInput): Reply {
  const { convening, locale, tally } = input;
  const cancelled = convening.status === "cancelled";
  const time = checkTime(convening.time);
  const rule = time.ok ? time.value.rule : undefined;
  const parts: ReplyValue[] = [
    cancelled
      ? join([bold(t(locale, "card.cancelled")), bold(convening.title)], " — ")
      : bold(convening.title),
    ...(cancelled && convening.cancelReason !== undefined
      ? [t(locale, "card.cancelledReason", { reason: convening.cancelReason })]
      : []),
    ...(input.localTimes.length === 0
      ? []
      : [
          reply`${t(locale, "card.when")}`,
          list(input.localTimes.map(({ label, text }) => t(locale, "card.localTime", { label, time: text }))),
        ]),
    t(locale, "card.duration", { minutes: convening.time.durationMinutes }),
    ...(rule === undefined
      ? []
      : [t(locale, "card.repeats", describeSeries(rule, convening.time.zone, locale))]),
    t(locale, "card.languages", { languages: convening.languages }),
    convening.capacity === undefined
      ? t(locale, "card.noCapacity")
      : t(locale, "card.capacity", { capacity: convening.capacity }),
    t(locale, "card.answers", {
      going: tally.going.length,
      waitlist: tally.waitlist.length,
      maybe: tally.maybe.length,
      no: tally.no.length,
    }),
    ...(cancelled ? [t(locale, "card.answersClosed")] : [howToAnswer(input)]),
    around((id) => t(locale, "card.id", { id }), code(convening.id)),
  ];
  return lines(...parts);
}

function howToAnswer(input: CardInput): Reply {
  const { locale, convening, answerCommand } = input;
  const reactions = t(locale, "card.howToAnswer", {
    yes: ANSWER_REACTIONS.yes,
    maybe: ANSWER_REACTIONS.maybe,
    no: ANSWER_REACTIONS.no,
  });
  if (answerCommand === undefined) return reply`${reactions}`;
  const command = code(`${answerCommand} ${convening.id} yes|maybe|no`);
  return join([reactions, ", ", around((value) => t(locale, "card.orCommand", { command: value }), command)]);
}

// A private-use character: never in a catalogue sentence, so splitting on it is safe.
const PLACEHOLDER = "\uE000";

/**
 * A message with one value shown as markup (code): the sentence is rendered around a
 * placeholder and the value put in its place, so translations still choose where it goes.
 */
function around(render: (placeholder: string) => string, value: Reply): Reply {
  const [before = "", after = ""] = render(PLACEHOLDER).split(PLACEHOLDER);
  return join([before, value, after]);
}
