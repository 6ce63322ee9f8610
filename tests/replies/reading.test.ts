// The pieces of a reply that read the entry: life events, what fits, how things are named, and the
// feeling a reply answers.
import { describe, expect, it } from "vitest";
import { findLifeEvents } from "../../worker/reply/events.ts";
import { doneKeys, fits, suggestionKeys } from "../../worker/reply/fit.ts";
import { activityPhrase, gerund, personPhrase } from "../../worker/reply/naming.ts";
import { feelOf, readEntry, subjectOf } from "../../worker/reply/reading.ts";

describe("findLifeEvents", () => {
  it.each([
    ["I got the job!!!", "achievement", "getting the job", true],
    ["Passed my driving test today", "achievement", "passing your driving test", true],
    ["My sister got the job she wanted", "achievement", "getting the job", false],
    ["Graduated today!", "achievement", "graduating", true],
    ["My daughter was born this morning", "milestone", "the arrival of your daughter", true],
    ["We got engaged last night!", "milestone", "getting engaged", true],
    ["My grandad passed away this morning", "loss", "your grandad", true],
    ["We had to put our dog down today", "loss", "your dog", true],
    ["Got made redundant today", "loss", "losing your job", true],
    ["I got dumped today", "loss", "the break-up", true],
    ["I'm dreading Monday's presentation", "upcoming", "Monday's presentation", true],
    ["I'm so anxious about the exam tomorrow", "upcoming", "tomorrow's exam", true],
  ])("%s", (text, kind, phrase, own) => {
    expect(findLifeEvents(text)[0]).toMatchObject({ kind, phrase, own });
  });

  it("finds none in an ordinary day, and no upcoming event in a past one", () => {
    expect(findLifeEvents("Did some laundry, had lunch, nothing much happened today.")).toEqual([]);
    expect(findLifeEvents("I passed the exam yesterday!")[0]).toMatchObject({ kind: "achievement" });
    expect(findLifeEvents("The interview went well after all")).toEqual([]);
  });
});

describe("what fits", () => {
  it("reads a suggestion's activity with the extractor and by kind", () => {
    expect(suggestionKeys("take a slow walk outside, even ten minutes")).toContain("walk");
    expect(suggestionKeys("step into daylight for a few minutes")).toContain("outdoors");
    expect(doneKeys(["call my sister"])).toContain("company");
  });

  it("never repeats what the entry did, by lemma or kind", () => {
    const walked = { done: doneKeys(["walk"]), oneOff: false, news: false };
    expect(fits("take a slow walk outside, even ten minutes", walked)).toBe(false);
    expect(fits("go outside and enjoy it a little longer", walked)).toBe(false);
    expect(fits("walk", walked)).toBe(false);
    expect(fits("make a warm drink and sit somewhere comfortable", walked)).toBe(true);
    const meditated = { done: doneKeys(["meditate"]), oneOff: false, news: false };
    expect(fits("breathe in for four, hold for four, out for six", meditated)).toBe(false);
  });

  it("no 'do it again' for a one-off event or when nothing was done; no 'good news' without news", () => {
    const job = { done: doneKeys([]), oneOff: true, news: true };
    expect(fits("do it again soon: put it in your calendar", job)).toBe(false);
    expect(fits("share the good news with someone", job)).toBe(true);
    expect(fits("do it again soon: put it in your calendar", { done: doneKeys([]), oneOff: false, news: false })).toBe(false);
    expect(fits("do it again soon: put it in your calendar", { done: doneKeys(["bake"]), oneOff: false, news: false })).toBe(true);
    expect(fits("share the good news with someone", { done: doneKeys(["run"]), oneOff: false, news: false })).toBe(false);
  });
});

describe("naming", () => {
  it("says things back in the second person", () => {
    expect(personPhrase("my sister")).toBe("your sister");
    expect(personPhrase("sam")).toBe("Sam");
    expect(personPhrase("mum")).toBe("Mum");
    expect(personPhrase("the kids")).toBe("the kids");
    expect(activityPhrase("run", "the")).toBe("the run");
    expect(activityPhrase("run", "a")).toBe("a run");
    expect(activityPhrase("call my sister", "a")).toBe("calling your sister");
    expect(activityPhrase("yoga", "a")).toBe("yoga");
    expect(activityPhrase("go to the gym", "a")).toBe("going to the gym");
    expect(["meditate", "bake", "swim", "lie", "tidy", "travel", "ski"].map(gerund)).toEqual(["meditating", "baking", "swimming", "lying", "tidying", "travelling", "skiing"]);
  });
});

describe("the feeling a reply answers", () => {
  const read = (text: string, activities: string[] = [], people: string[] = []) => readEntry(text, activities, people);

  it("meets good news with joy, even when the model reads overwhelm", () => {
    expect(feelOf("fear", { fear: 0.78, joy: 0.95 }, read("My daughter was born this morning. I'm overwhelmed with love."))).toBe("joy");
  });

  it("is mixed for good news with a stated hard feeling, good and bad news, or the writer's own words", () => {
    expect(feelOf("joy", { joy: 0.7 }, read("I got into university! But I'm terrified of moving away from home."))).toBe("mixed");
    expect(feelOf("sadness", {}, read("Got the promotion, but my grandad passed away."))).toBe("mixed");
    expect(feelOf("sadness", {}, read("Honestly mixed feelings about today."))).toBe("mixed");
    expect(feelOf("joy", { joy: 0.85, sadness: 0.71 }, read("A day."))).toBe("mixed");
  });

  it("never meets a loss with calm or joy", () => {
    expect(feelOf("neutral", {}, read("My cat died last night."))).toBe("sadness");
    expect(feelOf("joy", {}, read("My cat died last night."))).toBe("mixed");
  });

  it("names an event first, then people, then what was done, then a topic", () => {
    expect(subjectOf(read("I got the job! Called my sister.", ["call my sister"], ["my sister"]), "joy")).toMatchObject({ kind: "event", phrase: "getting the job" });
    expect(subjectOf(read("Baked bread with the kids.", ["bake"], ["the kids"]), "joy")).toMatchObject({ kind: "person", phrase: "the kids" });
    expect(subjectOf(read("Went for a run, felt great.", ["run"]), "joy")).toMatchObject({ kind: "activity", phrase: "the run" });
    expect(subjectOf(read("Still anxious about work after the meeting.", [], []), "fear")).toMatchObject({ kind: "topic" });
    // after a hard day, only what was meant to help is named ("even after the walk"), never "work"
    expect(subjectOf(read("Work was awful.", ["work"]), "sadness")?.kind).not.toBe("activity");
  });
});
