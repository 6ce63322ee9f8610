// The activity extractor read directly: the examples, one activity for every form of a verb,
// plans, negations and other people's doings left out, people kept; and the figures on the labelled
// sentences (the same ones `npm run eval:activities` prints) held to their targets or measured floors.
import { describe, expect, it } from "vitest";
import sentences from "./sentences.tsv?raw";
import { extractActivities } from "../../worker/text/activities.ts";
import { evaluate, parseSentences, splitOf, TARGETS } from "../../worker/text/activity-evaluation.ts";

const activities = (text: string) => extractActivities(text).activities;
const people = (text: string) => extractActivities(text).people;

describe("extractActivities", () => {
  it.each([
    ["Went for a long run by the river and it cleared my head.", ["run"]],
    ["Called my sister on the way home.", ["call my sister"]],
    ["walked by the harbour at sunset", ["walk"]],
    ["Meditated for ten minutes before work.", ["meditate"]],
    ["Slept nine hours last night.", ["sleep"]],
    ["Had a bath and read a few chapters.", ["bath", "read"]],
    ["Walked the dog, did the dishes and finally sat down with a book.", ["walk the dog", "do the dishes", "read"]],
  ])("reads %j as %j", (text, expected) => {
    expect(activities(text)).toEqual(expected);
  });

  it("reads ran, running, runs and a run as one activity", () => {
    for (const text of ["Ran 5k this morning.", "I was running in the park.", "I run three times a week now.", "Did a quick run before breakfast.", "Went for a run."]) {
      expect(activities(text), text).toEqual(["run"]);
    }
  });

  it.each([
    "I want to run tomorrow.",
    "I should really go for a run tomorrow.",
    "Hoping to go swimming with Mum on Saturday.",
    "If I get time I'll paint tonight.",
    "Thinking about taking up running.",
    "I'm going to call Mum later.",
  ])("leaves out the plan in %j", (text) => {
    expect(activities(text)).toEqual([]);
  });

  it.each(["Didn't go to the gym again.", "I couldn't sleep at all last night.", "No walk today, too windy.", "Skipped my run because of the rain.", "Too tired to cook tonight.", "I almost went for a run but then didn't."])(
    "leaves out the negated %j",
    (text) => {
      expect(activities(text)).toEqual([]);
    },
  );

  it.each(["My sister ran a marathon on Sunday.", "Dad went fishing with his mates.", "Amy and Raj went climbing without me.", "My husband cooked tonight, a proper lasagne."])(
    "leaves out what someone else did in %j",
    (text) => {
      expect(activities(text)).toEqual([]);
    },
  );

  it.each(["ran out of milk so no coffee this morning", "I'm running late for everything this week.", "Drew a blank when my manager asked me.", "My boss walked all over me again."])(
    "reads the idiom %j as no activity",
    (text) => {
      expect(activities(text)).toEqual([]);
    },
  );

  it("keeps what I did beside what someone else did", () => {
    expect(extractActivities("We watched a film together but Tom fell asleep halfway through.")).toEqual({ activities: ["watch a film"], people: ["tom"] });
  });

  it("keeps the people mentioned, with or without an activity", () => {
    expect(people("Called my sister, then had lunch with Sam.")).toEqual(["my sister", "sam"]);
    expect(people("Saw Dr Patel about my knee.")).toEqual(["dr patel"]);
    expect(people("The kids went to the park with their dad.")).toEqual(["the kids", "their dad"]);
    expect(people("Drove to Leeds and sang along to the radio.")).toEqual([]);
  });

  it("answers nothing for an entry with no deeds and no people", () => {
    expect(extractActivities("Feeling anxious about everything and nothing.")).toEqual({ activities: [], people: [] });
    expect(extractActivities("")).toEqual({ activities: [], people: [] });
  });
});

describe("figures on the labelled sentences", () => {
  const rows = parseSentences(sentences);

  it("has at least 200 labelled sentences, a third of them held out", () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.filter((r) => splitOf(r.index) === "test").length).toBeGreaterThanOrEqual(100);
  });

  it("meets both targets on the dev split the tables were shaped on", () => {
    const report = evaluate(rows.filter((r) => splitOf(r.index) === "dev"));
    expect(report.activities.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(report.activities.recall).toBeGreaterThanOrEqual(TARGETS.recall);
  });

  // The held-out split (index % 3 == 2): the targets are precision >= 0.85 and recall >= 0.70;
  // what the extractor reaches today is held here as a floor so that it can only improve (README,
  // "Activities from the words"). People are held to the targets themselves.
  const MEASURED_FLOOR = { precision: 0.75, recall: 0.6 };

  it("on the held-out test split: activities hold their measured floor, people meet the targets", () => {
    const report = evaluate(rows.filter((r) => splitOf(r.index) === "test"));
    expect(report.activities.precision).toBeGreaterThanOrEqual(MEASURED_FLOOR.precision);
    expect(report.activities.recall).toBeGreaterThanOrEqual(MEASURED_FLOOR.recall);
    expect(report.people.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(report.people.recall).toBeGreaterThanOrEqual(TARGETS.recall);
  });

  it("reads a four-sentence entry in well under a millisecond", () => {
    const entry = rows
      .slice(0, 4)
      .map((r) => r.text)
      .join(" ");
    for (let i = 0; i < 200; i++) extractActivities(entry);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      extractActivities(entry);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    // workerd's timer is coarse; the median of many rounds still shows a budget blown by 10x.
    expect(times[100]!).toBeLessThan(1);
  });
});
