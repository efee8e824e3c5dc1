/** RSVPs: applying answers with a capacity and waitlist, the notices, reactions as answers. */
export type { RsvpOutcome } from "./apply-rsvp.ts";
export { applyRsvp, changeCapacity } from "./apply-rsvp.ts";
export { ANSWER_REACTIONS, answerForReaction } from "./reaction-answers.ts";
export type { RsvpNotice } from "./rsvp-notices.ts";
export { noticesBetween } from "./rsvp-notices.ts";
export type { RsvpTally, Standing } from "./tally-rsvps.ts";
export { byAnswerOrder, latestAnswers, standingOf, tallyRsvps } from "./tally-rsvps.ts";
