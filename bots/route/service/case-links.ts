/**
 * The router's private knowledge of each case: its room, who asked, and where the requester
 * is reached. For an anonymous case that link is the one secret of the case, so it lives in
 * the bot's own account data (readable by the bot's account only), never in the case room's
 * state, which every expert can read. One account-data entry per case; an in-memory index,
 * rebuilt from them on start, answers "which case is this room?".
 */
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import type { Result } from "../../../lib/result.ts";
import type { BotMatrix, MatrixFailure } from "../../runtime/matrix/bot-matrix.ts";
import { type CaseId, parseCaseId } from "../case/index.ts";

export const CASE_LINK_PREFIX = "org.meridian.route.case.";

export interface CaseLink {
  readonly caseId: CaseId;
  readonly caseRoom: RoomId;
  readonly requester: UserId;
  /** Where the requester reads and writes: the case room itself, or their own room when anonymous. */
  readonly requesterRoom: RoomId;
  /**
   * The bot's own first posting of the request in the case room. Megolm keys reach only the
   * members of their day, so every expert offered the case later gets the text posted again,
   * read back from here: the text itself is kept nowhere but in the room.
   */
  readonly requestEvent?: EventId;
}

/** Which case a room belongs to, and which side of it the room is. */
export interface RoomOfCase {
  readonly link: CaseLink;
  readonly side: "case" | "requester";
}

export interface CaseLinks {
  get(caseId: CaseId): CaseLink | undefined;
  byRoom(roomId: RoomId): RoomOfCase | undefined;
  all(): readonly CaseLink[];
  put(link: CaseLink): Promise<Result<void, MatrixFailure>>;
  /** Reads every link from account data into the index. */
  load(): number;
}

function parseLink(content: Record<string, unknown> | undefined): CaseLink | undefined {
  if (content === undefined) return undefined;
  const { caseId, caseRoom, requester, requesterRoom, requestEvent } = content;
  if (
    typeof caseId !== "string" ||
    !parseCaseId(caseId).ok ||
    typeof caseRoom !== "string" ||
    typeof requester !== "string" ||
    typeof requesterRoom !== "string"
  )
    return undefined;
  return {
    caseId: caseId as CaseId,
    caseRoom: caseRoom as RoomId,
    requester: requester as UserId,
    requesterRoom: requesterRoom as RoomId,
    ...(typeof requestEvent === "string" ? { requestEvent: requestEvent as EventId } : {}),
  };
}

export function createCaseLinks(matrix: BotMatrix): CaseLinks {
  const byCase = new Map<CaseId, CaseLink>();
  const rooms = new Map<RoomId, RoomOfCase>();
  const index = (link: CaseLink): void => {
    byCase.set(link.caseId, link);
    rooms.set(link.caseRoom, { link, side: "case" });
    if (link.requesterRoom !== link.caseRoom) rooms.set(link.requesterRoom, { link, side: "requester" });
  };
  return {
    get: (caseId) => byCase.get(caseId),
    byRoom: (roomId) => rooms.get(roomId),
    all: () => [...byCase.values()],
    async put(link) {
      const written = await matrix.setAccountData(`${CASE_LINK_PREFIX}${link.caseId}`, { ...link });
      if (written.ok) index(link);
      return written;
    },
    load() {
      let count = 0;
      for (const type of matrix.accountDataTypes(CASE_LINK_PREFIX)) {
        const link = parseLink(matrix.accountData(type));
        if (link === undefined) continue;
        index(link);
        count += 1;
      }
      return count;
    },
  };
}
