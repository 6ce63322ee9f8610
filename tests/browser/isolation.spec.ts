// Two people in two browser contexts never see each other's entries, in the list or in search.
import { entryTitles, expect, newPerson, signUp, test, watchPage, writeEntry } from "./fixtures.ts";

test("two people never see each other's entries", async ({ browser }) => {
  const alice = newPerson("Alice");
  const bob = newPerson("Bob");
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  try {
    const a = await aliceContext.newPage();
    const b = await bobContext.newPage();
    const problems = [...[a, b].map(watchPage)];

    await signUp(a, alice);
    await signUp(b, bob);
    await writeEntry(a, { title: "Alice's secret", content: "Only Alice knows about the marmalade.", tags: ["private"] });
    await writeEntry(b, { title: "Bob's secret", content: "Only Bob knows about the harmonica.", tags: ["private"] });

    for (const page of [a, b]) await page.reload();
    await expect(entryTitles(a)).toHaveText(["Alice's secret"]);
    await expect(entryTitles(b)).toHaveText(["Bob's secret"]);

    // Bob searching for Alice's words finds nothing; Alice finds her own.
    await b.getByRole("searchbox", { name: "Search your entries" }).fill("marmalade");
    await b.getByRole("button", { name: "Search", exact: true }).click();
    await expect(b.getByText("No entries match “marmalade”.")).toBeVisible();
    await a.getByRole("searchbox", { name: "Search your entries" }).fill("marmalade");
    await a.getByRole("button", { name: "Search", exact: true }).click();
    await expect(a.getByRole("list", { name: "Search results" }).getByRole("listitem")).toHaveCount(1);

    expect(problems.flat()).toEqual([]);
  } finally {
    await aliceContext.close();
    await bobContext.close();
  }
});
