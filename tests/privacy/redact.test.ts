// What is hidden from Workers AI: each kind of identifier, names whole-word and case-insensitive,
// no ordinary number taken for one, stable placeholders, and only the names put back.
import { describe, expect, it } from "vitest";
import { createRedactor } from "../../worker/privacy/redact.ts";
import { namesOfPeople } from "../../worker/services/ai-gate.ts";

const none = () => createRedactor([]);

describe("redact", () => {
  it("hides email addresses", () => {
    const r = none();
    expect(r.redact("Write to anna.k+journal@example.co.uk today")).toBe("Write to [EMAIL_1] today");
    expect(r.placeholders.get("[EMAIL_1]")).toBe("anna.k+journal@example.co.uk");
  });

  it.each([
    ["+44 7700 900123", "international, spaced"],
    ["+447700900123", "international, run together"],
    ["+1 (555) 123-4567", "international with an area code in brackets"],
    ["07700 900123", "a UK mobile"],
    ["020 7946 0958", "a UK landline"],
    ["(555) 123-4567", "North American"],
    ["555-123-4567", "North American with dashes"],
  ])("hides the phone number %s (%s)", (phone) => {
    const out = none().redact(`Call me on ${phone} tonight.`);
    expect(out).toBe("Call me on [PHONE_1] tonight.");
  });

  it.each(["12 Baker Street", "221b Baker St.", "5 Elm Road", "40 acacia avenue", "7 Mill Lane", "3 High Rd"])("hides the street address %s", (address) => {
    const out = none().redact(`We moved to ${address} last year.`);
    expect(out).toMatch(/^We moved to \[ADDRESS_1\] ?last year\.$/);
  });

  it.each(["4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "3782 822463 10005"])("hides the card-like number %s", (card) => {
    expect(none().redact(`My card ${card} was declined`)).toBe("My card [CARD_1] was declined");
  });

  it("takes no ordinary number, time, date or distance for an identifier", () => {
    const text = "At 3 pm on 30 November 2026 I ran 5 km, 3 miles down the road, then slept 8 hours. Room 101, 2025-11-30, score 12-4, 1,250 steps.";
    expect(none().redact(text)).toBe(text);
  });

  it("hides the person's names whole-word and case-insensitive, the same name the same placeholder", () => {
    const r = createRedactor(namesOfPeople(["anna", "dr patel", "my sister"]));
    const out = r.redact("Anna and ANNA met Dr Patel; annabel and Hannah did not. My sister came.");
    expect(out).toBe("[PERSON_1] and [PERSON_1] met Dr [PERSON_2]; annabel and Hannah did not. My sister came.");
  });

  it("hides names that are also ordinary words only where they are written as names", () => {
    const r = createRedactor(namesOfPeople(["will"]));
    expect(r.redact("I will call Will tomorrow.")).toBe("I will call [PERSON_1] tomorrow.");
  });

  it("puts the names back into an answer and leaves the other placeholders", () => {
    const r = createRedactor(namesOfPeople(["anna"]));
    r.redact("Anna emailed me from anna@example.com and called 07700 900123.");
    expect(r.restore("You heard from [PERSON_1] at [EMAIL_1] and [PHONE_1]. [PERSON_9]")).toBe("You heard from Anna at [EMAIL_1] and [PHONE_1]. [PERSON_9]");
    expect(r.restoreDeep({ summary: "[PERSON_1] wrote.", topics: ["[PERSON_1]"], n: 2 })).toEqual({ summary: "Anna wrote.", topics: ["Anna"], n: 2 });
  });

  it("keeps placeholders stable across texts of one request", () => {
    const r = createRedactor(namesOfPeople(["sam"]));
    expect(r.redact("Sam: sam@example.com")).toBe("[PERSON_1]: [EMAIL_1]");
    expect(r.redact("again sam, again sam@example.com, and bo@example.com")).toBe("again [PERSON_1], again [EMAIL_1], and [EMAIL_2]");
  });
});
