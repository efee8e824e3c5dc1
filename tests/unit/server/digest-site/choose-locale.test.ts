import { describe, expect, it } from "vitest";
import {
  acceptedLanguages,
  chooseLocale,
  directionOf,
  siteLocaleOf,
} from "../../../../server/digest-site/choose-locale.ts";
import { formatFor } from "../../../../server/digest-site/format-for-locale.ts";

describe("the interface language", () => {
  it("is ?lang= first, and then it is carried in links", () => {
    expect(chooseLocale("fr", "ar", "en")).toEqual({ locale: "fr", explicit: true });
    expect(chooseLocale("AR-eg", undefined, "en")).toEqual({ locale: "ar", explicit: true });
  });

  it("is the best Accept-Language the site speaks when ?lang= is absent or unknown", () => {
    expect(chooseLocale(undefined, "de-DE, fr-CA;q=0.8, en;q=0.9", "ar")).toEqual({
      locale: "en",
      explicit: false,
    });
    expect(chooseLocale("xx", "sw, ar;q=0.5", "en")).toEqual({ locale: "ar", explicit: false });
    expect(chooseLocale(undefined, "fr;q=0, en;q=0.1", "ar")).toEqual({ locale: "en", explicit: false });
  });

  it("is the network's default language otherwise, and English if the site does not speak that", () => {
    expect(chooseLocale(undefined, undefined, "fr")).toEqual({ locale: "fr", explicit: false });
    expect(chooseLocale(undefined, "*, de", "ar")).toEqual({ locale: "ar", explicit: false });
    expect(chooseLocale(undefined, "garbage;;;q=x", "sw")).toEqual({ locale: "en", explicit: false });
  });

  it("reads Accept-Language by weight, then order", () => {
    expect(acceptedLanguages("en;q=0.5, fr, ar;q=0.5")).toEqual(["fr", "en", "ar"]);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(siteLocaleOf("fr_BE")).toBe("fr");
    expect(siteLocaleOf("de")).toBeUndefined();
  });
});

describe("writing direction", () => {
  it("is right to left for Arabic, Hebrew, Persian, Urdu, and for Arabic script", () => {
    for (const tag of ["ar", "ar-EG", "he", "fa", "ur", "ku-Arab"]) expect(directionOf(tag)).toBe("rtl");
    for (const tag of ["en", "fr", "sw", "so", "ku", "az-Latn", "ar-Latn"])
      expect(directionOf(tag)).toBe("ltr");
  });
});

describe("locale formats", () => {
  it("write dates, counts and weeks in the locale", () => {
    const day = Date.UTC(2026, 11, 1, 23, 30);
    expect(formatFor("en").date(day)).toBe("December 1, 2026");
    expect(formatFor("fr").date(day)).toBe("1 décembre 2026");
    expect(formatFor("ar").date(day)).toContain("ديسمبر");
    expect(formatFor("en").count(formatFor("en").text.items, 1)).toBe("1 item");
    expect(formatFor("fr").count(formatFor("fr").text.items, 20)).toBe("20 éléments");
    // Arabic has a dual form.
    expect(formatFor("ar").count(formatFor("ar").text.items, 2)).toBe("مادتان");
    expect(formatFor("en").week("2026-W09")).toBe("Week 9, 2026");
    expect(formatFor("fr").week("2026-W48")).toBe("Semaine 48, 2026");
    expect(formatFor("en").week("special")).toBe("special");
  });
});
