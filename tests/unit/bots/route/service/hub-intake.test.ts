/** A request from the hub is read like a one-line `!request`: same acceptance, problems per field. */
import { describe, expect, it } from "vitest";
import type { RequestDraft } from "../../../../../bots/route/intake/index.ts";
import { answerHubRequest } from "../../../../../bots/route/service/hub-intake.ts";
import type { UserId } from "../../../../../lib/matrix-ids.ts";
import { ok } from "../../../../../lib/result.ts";
import { config } from "../intake/intake-fixtures.ts";

const claire = config.people.find((person) => person.id === "claire-dubois")!;
const TEXT = "Comment travailler avec la mairie sur un programme de sortie de la violence ?";

function recorder() {
  const filed: { draft: RequestDraft; requester: UserId; trigger: string }[] = [];
  return {
    filed,
    route: {
      file: (draft: RequestDraft, requester: UserId, trigger: string) => {
        filed.push({ draft, requester, trigger });
        return Promise.resolve(ok({ caseId: "rabcdef" as never, handle: "Requester ABCD" }));
      },
    },
  };
}

describe("answerHubRequest", () => {
  it("files a well-formed request with its topic resolved and the requester's defaults", async () => {
    const { filed, route } = recorder();
    const reply = await answerHubRequest(config, route, {
      id: "0f8fad5b-d9cb-469f-a165-70867728950e",
      userId: claire.userId,
      topic: "local authorities",
      language: "fr",
      anonymous: true,
      text: TEXT,
    });
    expect(reply).toEqual({ ok: true, caseId: "rabcdef", handle: "Requester ABCD" });
    expect(filed).toHaveLength(1);
    expect(filed[0]?.draft).toEqual({
      topic: "local-authority-partnership",
      language: "fr",
      region: "europe",
      urgency: "normal",
      anonymous: true,
      text: TEXT,
    });
    expect(filed[0]?.trigger).toBe("hub-0f8fad5b-d9cb-469f-a165-70867728950e");
  });

  it("names each field at fault and files nothing", async () => {
    const { filed, route } = recorder();
    const reply = await answerHubRequest(config, route, {
      id: "0f8fad5b-d9cb-469f-a165-70867728950e",
      userId: claire.userId,
      topic: "astrology",
      language: "123",
      anonymous: false,
      text: "?",
    });
    expect(reply.ok).toBe(false);
    const fields = !reply.ok && "problems" in reply ? reply.problems.map((problem) => problem.field) : [];
    expect(fields).toEqual(["topic", "language", "text"]);
    expect(filed).toEqual([]);
  });

  it("refuses someone who is not a person of the network", async () => {
    const { filed, route } = recorder();
    const reply = await answerHubRequest(config, route, {
      id: "0f8fad5b-d9cb-469f-a165-70867728950e",
      userId: "@stranger:example.org" as UserId,
      topic: "youth",
      language: "en",
      anonymous: false,
      text: TEXT,
    });
    expect(!reply.ok && "refused" in reply ? reply.refused : "").toContain("people of this network");
    expect(filed).toEqual([]);
  });
});
