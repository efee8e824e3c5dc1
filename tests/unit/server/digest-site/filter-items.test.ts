import { describe, expect, it } from "vitest";
import { filterItems, isFiltered, readItemFilter } from "../../../../server/digest-site/filter-items.ts";
import { publishedItem, SITE_NETWORK } from "../../../support/digest-site-fixtures.ts";

describe("filters", () => {
  it("keep only topic and region ids the network knows", () => {
    expect(readItemFilter(SITE_NETWORK, "reintegration", "mena")).toEqual({
      topic: "reintegration",
      region: "mena",
    });
    expect(readItemFilter(SITE_NETWORK, "<script>", "atlantis")).toEqual({});
    expect(readItemFilter(SITE_NETWORK, ["reintegration"], undefined)).toEqual({});
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ region: "mena" })).toBe(true);
  });

  it("select the items with the topic and the region", () => {
    const items = [
      publishedItem("a", { topics: ["reintegration"], regions: ["mena"] }),
      publishedItem("b", { topics: ["reintegration", "online-recruitment"], regions: ["europe"] }),
      publishedItem("c", { topics: ["online-recruitment"], regions: ["mena", "europe"] }),
    ];
    const ids = (filter: Parameters<typeof filterItems>[1]) => filterItems(items, filter).map(({ id }) => id);
    expect(ids({})).toEqual(["a", "b", "c"]);
    expect(ids({ topic: "reintegration" })).toEqual(["a", "b"]);
    expect(ids({ region: "europe" })).toEqual(["b", "c"]);
    expect(ids({ topic: "online-recruitment", region: "mena" })).toEqual(["c"]);
  });
});
