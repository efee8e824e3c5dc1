import { describe, expect, it } from "vitest";
import { digestSnapshotOf } from "../../../../server/digest-site/digest-snapshot.ts";
import {
  foldForSearch,
  queryWords,
  searchableItem,
  searchItems,
} from "../../../../server/digest-site/search-items.ts";
import { searchNamesOf } from "../../../../server/digest-site/search-names.ts";
import { publishedItem, SITE_NETWORK } from "../../../support/digest-site-fixtures.ts";

const items = [
  publishedItem("fr1", {
    title: "Réintégration : le rôle des pairs",
    language: "fr",
    topics: ["reintegration"],
    regions: ["europe"],
    messages: [
      { author: "Léa Martin", pseudonymous: false, text: "Les ÉDUCATEURS ont été présents à chaque étape." },
    ],
  }),
  publishedItem("ar1", {
    title: "حلقات حوار للأمهات",
    language: "ar",
    topics: ["mothers-engagement"],
    regions: ["mena"],
    messages: [
      {
        author: "مُشارِكة ١",
        pseudonymous: true,
        // With harakat, hamza on alef, ta marbuta and a tatweel, as a careful writer types it.
        text: "بدأنا حلقات حوارٍ أسبوعيّة في المدرسـة مع ٣٠ أُمّاً.",
      },
    ],
  }),
  publishedItem("en1", {
    title: "Online recruitment patterns",
    topics: ["online-recruitment"],
    messages: [{ author: "Practitioner 1", pseudonymous: true, text: "Recruiters target gamers first." }],
  }),
];
const searchable = items.map((item) => searchableItem(item, searchNamesOf(SITE_NETWORK)(item)));
const ids = (query: string) => searchItems(searchable, query).map(({ id }) => id);

describe("search", () => {
  it("ignores case and accents", () => {
    expect(ids("educateurs")).toEqual(["fr1"]);
    expect(ids("REINTEGRATION")).toEqual(["fr1"]);
    expect(ids("lea")).toEqual(["fr1"]);
    expect(ids("rôle")).toEqual(["fr1"]);
  });

  it("finds Arabic text whether or not harakat, hamza forms or tatweel were typed", () => {
    expect(ids("حوار")).toEqual(["ar1"]);
    expect(ids("اسبوعية")).toEqual(["ar1"]);
    expect(ids("امّا")).toEqual(["ar1"]);
    expect(ids("المدرسه")).toEqual(["ar1"]);
    expect(ids("مشاركة")).toEqual(["ar1"]);
  });

  it("reads Arabic-Indic digits as digits", () => {
    expect(ids("30")).toEqual(["ar1"]);
    expect(ids("٣٠")).toEqual(["ar1"]);
  });

  it("needs every word, each as part of a word", () => {
    expect(ids("recruit gamers")).toEqual(["en1"]);
    expect(ids("recruit educateurs")).toEqual([]);
  });

  it("finds items by their topics' labels in any language and their regions' names", () => {
    expect(ids("recrutement")).toEqual(["en1"]);
    expect(ids("التجنيد")).toEqual(["en1"]);
    expect(ids("middle east")).toEqual(["ar1"]);
  });

  it("finds nothing for an empty query or one made of punctuation", () => {
    expect(ids("")).toEqual([]);
    expect(ids("  ,;!  ")).toEqual([]);
    expect(queryWords("a".repeat(500)).join("").length).toBe(200);
  });

  it("folds ligatures and full-width forms", () => {
    expect(foldForSearch("Œuvre ＡＢＣ ﬁn")).toBe("oeuvre abc fin");
  });

  it("is what a snapshot searches, newest first", () => {
    const snapshot = digestSnapshotOf(items, [], searchNamesOf(SITE_NETWORK));
    expect(searchItems(snapshot.searchable(), "e").map(({ id }) => id)).toEqual(["fr1", "ar1", "en1"]);
  });
});
