export {
  createEventLedger,
  type ClaimOutcome,
  type EventLedger,
  type EventLedgerOptions,
  type PendingEvent,
} from "./create-event-ledger.ts";
export { isTooOld } from "./event-age.ts";
export { transactionIdFor } from "./transaction-id.ts";
