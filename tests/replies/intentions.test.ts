// Intentions become goal drafts: what counts as a stated intention and what never does.
import { describe, expect, it } from "vitest";
import { detectIntention } from "../../worker/reply/intentions.ts";

const now = Date.parse("2026-11-22T12:00:00Z");

describe("detectIntention", () => {
  it.each([
    ["I want to start running three times a week.", { title: "Start running three times a week", life_area: "health", cadence: { times: 3, per: "week" }, due_date: null }],
    ["I need to call mum more.", { title: "Call mum more", life_area: "relationships", cadence: null }],
    ["I'm going to learn Spanish this year.", { title: "Learn Spanish", life_area: "growth", due_date: "2026-12-31" }],
    ["This year I will read twenty books.", { title: "Read twenty books", due_date: "2026-12-31" }],
    ["I should really drink more water.", { title: "Drink more water" }],
    ["From now on I'm going to meditate every morning.", { title: "Meditate every morning", life_area: "mind", cadence: { times: 1, per: "day" } }],
    ["Honestly, I really need to start saving money because rent is going up.", { title: "Start saving money", life_area: "finance" }],
    ["I'd love to get back into painting.", { title: "Get back into painting", life_area: "leisure" }],
    ["My goal is to run a half marathon by Christmas.", { title: "Run a half marathon", due_date: "2026-12-25" }],
    ["I've decided to quit smoking.", { title: "Quit smoking", life_area: "health" }],
    ["I want to spend more time with the kids.", { title: "Spend more time with the kids", life_area: "relationships" }],
    ["I’ll go to the gym twice a week from now on.", { title: "Go to the gym twice a week", cadence: { times: 2, per: "week" } }],
    ["Long day at work. Anyway, I need to stop scrolling before bed.", { title: "Stop scrolling before bed" }],
  ])("%s", (text, expected) => {
    const draft = detectIntention(text, now);
    expect(draft).toMatchObject(expected);
    expect(draft!.description).toContain(text.split(". ").at(-1)!.replace(/\.$/, ""));
  });

  it.each([
    ["a past intention", "I wanted to go running but it rained."],
    ["a plan that fell through", "I was going to learn Spanish."],
    ["a regret", "I should have called mum more."],
    ["a negated intention", "I don't want to start running."],
    ["a negated plan", "I'm not going to learn Spanish."],
    ["a never", "I never want to see him again."],
    ["a wish about someone else", "I want my sister to call more."],
    ["someone else's wish for me", "My mum says I need to exercise more."],
    ["a wish", "I wish I could travel more."],
    ["a condition", "If I want to run a marathon, I need to train more."],
    ["a question", "Should I start running?"],
    ["an errand", "I need to call the plumber tomorrow."],
    ["a chore with more", "I need to buy more milk."],
    ["tonight's plan", "I'm going to bed."],
    ["venting", "I need to vent."],
    ["a shrug", "I'll see how it goes."],
    ["a tear", "I'm going to cry."],
    ["work tomorrow", "I have to work tomorrow."],
    ["self-reproach", "I need to lose weight or nobody will love me."],
    ["a crisis", "I want to die."],
    ["a crisis with a frame", "I don't want to be here anymore."],
    ["a threat", "I'm going to kill him if he does that again."],
    ["disappearing", "I want to disappear."],
  ])("not %s", (_, text) => {
    expect(detectIntention(text, now)).toBeNull();
  });

  it("keeps the person's capitals, clips a long title, and reads only the first intention", () => {
    expect(detectIntention("I'm going to learn Japanese with Aiko this year. I need to call mum more.", now)).toMatchObject({ title: "Learn Japanese with Aiko" });
    const long = detectIntention("I want to start walking the dog round the big park by the river with my neighbour Maureen before breakfast on weekdays every day.", now)!;
    expect(long.title.length).toBeLessThanOrEqual(80);
    expect(long.title.endsWith("\u2026")).toBe(true);
  });

  it("dates 'by Christmas' to next year once this year's has passed", () => {
    expect(detectIntention("My goal is to run a 10k by Christmas.", Date.parse("2026-12-28T10:00:00Z"))?.due_date).toBe("2027-12-25");
  });
});
