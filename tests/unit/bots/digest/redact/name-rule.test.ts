import { describe, expect, it } from "vitest";
import { type Person, indexPeople } from "../../../../../bots/digest/redact/index.ts";
import { PEOPLE, amina, found, omar, rule } from "./redact-fixtures.ts";

const names = (text: string, people: readonly Person[] = PEOPLE) => found("person-name", text, people);
const member = (key: string, ...personNames: string[]): Person => ({
  key,
  names: personNames,
  disposition: "member",
});

describe("the person-name rule", () => {
  it("finds full names and each part alone, as whole words in any case or accent", () => {
    expect(names("Amina Yusuf said AMINA, then yusuf and mina. Àmina too.")).toEqual([
      "Amina Yusuf",
      "AMINA",
      "yusuf",
      "mina",
      "Àmina",
    ]);
    expect(names("Aminata, Minaret and Yusufu are other words")).toEqual([]);
  });

  it("finds a full name across a line break or a hyphen, and the localpart", () => {
    expect(names("Amina\nYusuf and Amina-Yusuf and omar.h")).toEqual([
      "Amina\nYusuf",
      "Amina-Yusuf",
      "omar.h",
    ]);
  });

  it("finds names in French and Swahili sentences", () => {
    expect(names("C'est d'Amina que vient l'idée, pas d'Omar.")).toEqual(["Amina", "Omar"]);
    expect(names("Bi. Amina alisema kwamba Omar Hassan atakuja kesho.")).toEqual(["Amina", "Omar Hassan"]);
  });

  it("says whose name it is", () => {
    expect(rule("person-name").find("Amina and Omar", indexPeople(PEOPLE))).toEqual([
      { start: 0, end: 5, personKey: amina.key },
      { start: 10, end: 14, personKey: omar.key },
    ]);
  });

  it("never finds the names of people who consented to be named", () => {
    expect(names("Fatuma Ali and Fatuma thanked Ali")).toEqual([]);
  });

  it("keeps a consenting person's full name whole but replaces a part shared with someone else, for nobody in particular", () => {
    const hassan: Person = { key: "h", names: ["Hassan Ali"], disposition: "named" };
    const ali = member("a", "Ali Omar");
    expect(names("Hassan Ali met Ali and Omar", [hassan, ali])).toEqual(["Ali", "Omar"]);
    expect(rule("person-name").find("Ali", indexPeople([hassan, ali, member("b", "Ali Musa")]))).toEqual([
      { start: 0, end: 3, personKey: undefined },
    ]);
  });

  describe("in Arabic script", () => {
    it("finds a name with or without the article, and after a clitic, leaving the clitic", () => {
      expect(names("قال عمر الحسن إن حسن والحسن وعمر وصلوا للحسن")).toEqual([
        "عمر الحسن",
        "حسن",
        "الحسن",
        "عمر",
        "لحسن",
      ]);
    });

    it("finds names written with or without hamza, harakat or tatweel, ة or ه", () => {
      const amina2 = member("m", "أمينة يوسف");
      expect(names("امينه يوسف، أَمِينَة، أمـــينة، إمينة", [amina2])).toEqual([
        "امينه يوسف",
        "أَمِينَة",
        "أمـــينة",
        "إمينة",
      ]);
    });

    it("does not take a name of God alone from a compound name", () => {
      expect(names("ليلى عبد الله قالت: إن شاء الله. ليلى وعبد الله")).toEqual([
        "ليلى عبد الله",
        "ليلى",
        "عبد الله",
      ]);
      expect(names("Layla Abdallah and Abdallah, Allah willing")).toEqual(["Layla Abdallah", "Abdallah"]);
    });

    it("does not find a name inside a longer word", () => {
      expect(names("عمرو والعمران", [member("o", "عمر")])).toEqual([]);
    });
  });

  it("treats a transliterated article as optional", () => {
    const amin = member("n", "Mohamed al-Amin");
    expect(names("al-Amin, El Amin, Alamin and Amin", [amin])).toEqual([
      "al-Amin",
      "El Amin",
      "Alamin",
      "Amin",
    ]);
  });

  it("leaves titles, particles and short parts alone", () => {
    const people = [member("d", "Dr Jo Kamau"), member("s", "Sheikh Ahmed bin Said")];
    expect(names("Dr, Jo, Sheikh, bin, Kamau, Ahmed, Said, bin Said", people)).toEqual([
      "Kamau",
      "Ahmed",
      "Said",
      "bin Said",
    ]);
  });

  it("finds short whole names as words, and ignores single letters", () => {
    expect(names("Al came, also Alan", [member("al", "Al")])).toEqual(["Al"]);
    expect(names("a b c", [member("a", "a")])).toEqual([]);
  });
});
