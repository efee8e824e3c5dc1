/**
 * The intake channel between the hub and the route bot: the hub asks (askRouter), the bot
 * answers (serveIntake), over Redis pub/sub so a request's text is never stored. Channel
 * layout: intake-keys.ts.
 */
export {
  type AskRouterFailure,
  type RouterConnections,
  DEFAULT_ASK_TIMEOUT_MS,
  askRouter,
} from "./ask-router.ts";
export { type IntakeKeys, requestIntakeKeys } from "./intake-keys.ts";
export {
  type IntakeProblem,
  type IntakeReply,
  type IntakeRequest,
  type UnreadableMessage,
  MAX_REQUEST_TEXT,
  codePoints,
  parseIntakeReply,
  parseIntakeRequest,
  serialiseIntakeReply,
  serialiseIntakeRequest,
} from "./intake-messages.ts";
export { type PendingReply, type ReplyListener, createReplyListener } from "./reply-listener.ts";
export {
  type IntakeHandler,
  type IntakeServer,
  HANDLER_FAILED_REFUSAL,
  serveIntake,
} from "./serve-intake.ts";
