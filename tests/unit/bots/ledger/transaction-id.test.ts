import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventId } from "../../../../lib/matrix-ids.ts";
import { transactionIdFor } from "../../../../bots/runtime/ledger/index.ts";

const event = (id: string): EventId => id as EventId;

describe("transactionIdFor", () => {
  it("is pinned: a change would make bots re-send replies after an upgrade", () => {
    expect(transactionIdFor(event("$abc:example.org"))).toBe("ee5c7aa0e6a6a68f955d2989fe613055");
  });

  it("is the same for the same event and purpose, different across purposes and events", () => {
    const id = event("$Rqnc-F-dvnEYJTyHq_iKxU2bZ1CI92-kuZq3a5lr5Zg");
    expect(transactionIdFor(id)).toBe(transactionIdFor(id, "reply"));
    expect(transactionIdFor(id, "notice")).not.toBe(transactionIdFor(id));
    expect(transactionIdFor(event("$other"))).not.toBe(transactionIdFor(id));
  });

  it("is always 32 lowercase hex characters, safe in a URL path", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (raw, purpose) => {
        expect(transactionIdFor(event(`$${raw}`), purpose)).toMatch(/^[0-9a-f]{32}$/);
      }),
    );
  });

  it("does not confuse purpose and event boundaries", () => {
    expect(transactionIdFor(event("$a"), "bc")).not.toBe(transactionIdFor(event("$ab"), "c"));
  });
});
