import { describe, expect, it } from "vitest";
import { found } from "./redact-fixtures.ts";

const phones = (text: string) => found("phone", text);

describe("the phone rule", () => {
  it.each([
    "+254 712 345 678",
    "00 33 6 12 34 56 78",
    "+971-50-123-4567",
    "+252 61 5123456",
    "+33 (0)6 12 34 56 78",
    "+254 (0) 712-345 678",
    "(+254) 712 345 678",
    "+251911234567",
    "254712345678",
    "+٩٧١ ٥٠ ١٢٣ ٤٥٦٧",
  ])("finds the international number %s whole", (number) => {
    expect(phones(`call ${number} today`)).toEqual([number]);
  });

  it.each([
    "0712 345678",
    "06 12 34 56 78",
    "06.12.34.56.78",
    "(020) 7946 0958",
    "050-123-4567",
    "0712345678",
    "07700 900123",
    "04 123 4567",
    "٠٥٠١٢٣٤٥٦٧",
    "۰۹۱۲ ۳۴۵ ۶۷۸۹",
  ])("finds the local number %s whole", (number) => {
    expect(phones(`appelle le ${number}.`)).toEqual([number]);
  });

  it("finds numbers next to punctuation, labels and each other", () => {
    expect(phones("Tel:0712345678, WhatsApp 0722 111222")).toEqual(["0712345678", "0722 111222"]);
    expect(phones("0712345678,0722345678")).toEqual(["0712345678", "0722345678"]);
    expect(phones("هاتف: ٠٧١٢ ٣٤٥ ٦٧٨")).toEqual(["٠٧١٢ ٣٤٥ ٦٧٨"]);
  });

  it("keeps brackets that are not the number's", () => {
    expect(phones("(call 0712 345678)")).toEqual(["0712 345678"]);
    expect(phones("(0712 345678, mobile)")).toEqual(["0712 345678"]);
  });

  it("leaves out a time, date or year written right next to the number", () => {
    expect(phones("14:30 0712345678")).toEqual(["0712345678"]);
    expect(phones("0712 345678 14:30")).toEqual(["0712 345678"]);
    expect(phones("15.03.2024 0712 345678")).toEqual(["0712 345678"]);
    expect(phones("0712 345678 15.03.2024")).toEqual(["0712 345678"]);
    expect(phones("in 2024 0712 345678")).toEqual(["0712 345678"]);
  });

  it("finds a number written right after an amount, without the amount", () => {
    expect(phones("USD 12 500 0712 345678")).toEqual(["0712 345678"]);
    expect(phones("KES 1 500 000 (020) 7946 0958")).toEqual(["(020) 7946 0958"]);
    expect(phones("1 500 000 00 33 6 12 34 56 78")).toEqual(["00 33 6 12 34 56 78"]);
    expect(phones("0712 345678 1,500")).toEqual(["0712 345678"]);
  });

  it.each([
    "2024",
    "in 2024 at 14:30",
    "3 of 10",
    "1,500 people",
    "1 500 000 people",
    "2.500.000 FCFA",
    "1 500 000.50 euros",
    "KES 1500000",
    "1500000 people",
    "USD 12 500 000",
    "45 000 000 shillings",
    "on 15.03.2024",
    "on 2024-03-15 14:30",
    "le 15-03-2024",
    "15 03 2024",
    "2019-2024",
    "1990 2000",
    "10.30-12.00",
    "10.30 - 12.00",
    "room 101, floor 3",
    "ISO 27001",
    "between 10 and 12 June",
    "1 2 3 4 5 6 7",
    "v2.3.14",
    "٢٠٢٤",
    "١٬٥٠٠٬٠٠٠ شخص",
    "https://example.org/report/0712345678",
    "1 500 000 ٢٠٢٤",
    "1,500 2024",
    "v2.3.14 2024",
    "3 of 10 15.03.2024 3 of 10",
    "?id=254712345678",
  ])("leaves %s alone", (text) => {
    expect(phones(text)).toEqual([]);
  });
});
