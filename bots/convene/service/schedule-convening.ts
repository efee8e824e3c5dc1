/**
 * `!convene schedule`: the convening room is created first (encrypted, restricted to the
 * invited regions' and networks' spaces), then the convening's state is written in it, the
 * cards posted and the reminders planned. Matrix first: a crash part-way leaves a room that
 * the next start finds and completes, never an index entry pointing nowhere.
 */
import { randomInt } from "node:crypto";
import { personByUserId } from "../../../config/queries.ts";
import type { RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { err, ok } from "../../../lib/result.ts";
import { lines, reply } from "../../runtime/commands/reply.ts";
import { parseScheduleDetails } from "../commands/parse-schedule-details.ts";
import { t } from "../i18n/index.ts";
import type { Convening } from "../model/convening.ts";
import type { StoredConvening } from "../store/convening-store.ts";
import { cardAsReply, postCards } from "./cards.ts";
import { conveningRoomState } from "./convening-room-state.ts";
import { invitedRooms } from "./managed-rooms.ts";
import { localeOf, regionsReached, zoneOf } from "./people.ts";
import { renderScheduleError } from "./render-schedule-error.ts";
import type { Outcome, ServiceContext } from "./service-context.ts";

const ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function newId(): string {
  return `c${Array.from({ length: 4 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join("")}`;
}

export async function scheduleConvening(
  ctx: ServiceContext,
  sender: UserId,
  title: string,
  text: string,
): Promise<Outcome> {
  const { deps, zones, reminders, networkLocale } = ctx;
  const { config, matrix, store } = deps;
  const locale = localeOf(config, sender);
  const parsed = parseScheduleDetails(config, text.split(/\s+/u).filter(Boolean), {
    now: new Date(deps.now()),
    defaultZone: zoneOf(config, sender, zones.get(sender)),
    weekStartsOn: config.convening.locale.weekStartsOn,
  });
  if (!parsed.ok)
    return err(reply`${t(locale, "error.badSchedule", { problem: renderScheduleError(parsed.error) })}`);
  const chosen = parsed.value;
  const nowIso = new Date(deps.now()).toISOString();
  let id = newId();
  const target = { regions: chosen.regions, networks: chosen.networks };
  const rooms = await invitedRooms(config, matrix, target);
  const reached = regionsReached(config, target);
  const hostRegion = personByUserId(config, sender)?.region ?? reached[0] ?? config.regions[0]?.id ?? "";
  const draft = (conveningId: string): Convening => ({
    id: conveningId,
    title,
    organiser: sender,
    time: {
      start: chosen.when.start,
      zone: chosen.when.zone,
      durationMinutes: chosen.durationMinutes,
      ...(chosen.rrule !== undefined && { rrule: chosen.rrule }),
    },
    regions: chosen.regions,
    networks: chosen.networks,
    ...(chosen.capacity !== undefined && { capacity: chosen.capacity }),
    languages: chosen.languages,
    status: "scheduled",
    sequence: 0,
    createdAt: nowIso,
    updatedAt: nowIso,
  });
  const created = await matrix.createRoom({
    name: title,
    topic: `Convening ${id}`,
    initialState: conveningRoomState(config, rooms.spaces, hostRegion, reached),
    powerLevelUsers: { [sender]: 50 },
    invite: [sender],
  });
  if (!created.ok) {
    deps.logger.warn({ errcode: created.error.errcode }, "could not create a convening room");
    return err(reply`${t(locale, "error.internal")}`);
  }
  const roomId: RoomId = created.value;
  // Five characters from 31 give 28 million ids; a clash is retried with a new one.
  for (let attempt = 0; !(await store.claimId(id, roomId)); attempt += 1) {
    if (attempt > 5) return err(reply`${t(locale, "error.internal")}`);
    id = newId();
  }
  const convening: Convening = { ...draft(id), roomId };
  const saved = await store.saveConvening(roomId, convening);
  if (!saved.ok) return err(reply`${t(locale, "error.internal")}`);
  const cards = await postCards(deps, { convening, rsvps: [] }, [roomId, ...rooms.announce], networkLocale);
  await store.saveCards(roomId, id, cards);
  const stored: StoredConvening = { roomId, convening, rsvps: [], cards };
  await reminders.sync(stored);
  await deps.afterChange(stored);
  deps.logger.info({ convening: id, roomId, announced: rooms.announce.length }, "scheduled a convening");
  return ok(lines(reply`${t(locale, "schedule.done", { id, title })}`, cardAsReply(deps, stored, locale)));
}
