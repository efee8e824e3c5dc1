import { type EventId, type UserId, parseEventId, parseUserId } from "../../../../../lib/matrix-ids.ts";
import {
  type EventMapper,
  type RelayDirection,
  type RequesterIdentity,
  relayContent,
} from "../../../../../bots/route/relay/index.ts";

export function user(id: string): UserId {
  const parsed = parseUserId(id);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export function event(id: string): EventId {
  const parsed = parseEventId(id);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export const amina: RequesterIdentity = {
  userId: user("@amina.d:example.org"),
  displayNames: ["Amina Diallo", "Mina"],
  otherNames: ["Al"],
};

export const HANDLE = "Requester K7Q2";

/** Maps `$dm-N` to `$case-N` for the events listed, nothing else. */
export function mapperOf(...known: string[]): EventMapper {
  const map = new Map(known.map((id) => [id, event(id.replace("$dm-", "$case-"))]));
  return (original) => map.get(original);
}

export const noEvents: EventMapper = () => undefined;

export const toExperts = (mapEvent = noEvents): RelayDirection => ({
  to: "experts",
  handle: HANDLE,
  requester: amina,
  mapEvent,
});

/** The relayed result, failing the test on a refusal. */
export function relayed(content: unknown, direction: RelayDirection = toExperts()) {
  const result = relayContent(content, direction);
  if (!result.ok) throw new Error(`refused: ${result.error.detail}`);
  return result.value;
}
