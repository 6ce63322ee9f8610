// Writing offline: the app is installable, opens and shows what was read before without a connection,
// keeps entries written offline on the device, and sends them when the connection returns, each once.
import { apiSession, conversation, expect, newPerson, replies, signUp, test, writeEntry } from "./fixtures.ts";

test.use({ serviceWorkers: "allow" });

const ONLINE = "Walked along the canal after lunch and felt calmer than I have all week.";
const OFFLINE_ONE = "On the train with no signal. Thinking about how good the weekend with my sister was.";
const OFFLINE_TWO = "Still offline. I am nervous about the interview on Monday but I have prepared well.";

test("entries written offline wait on the device and are each sent once when the connection returns", async ({ page, context }) => {
  const person = newPerson("Ola");
  await signUp(page, person);

  // Installable: a manifest with icons, and a service worker that takes control of the page.
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Tideline", display: "standalone", start_url: "/" });
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) expect((await page.request.get(icon.src)).status()).toBe(200);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  await writeEntry(page, { content: ONLINE });
  // Reload under the worker's control, so the pages read through it (and it keeps them).
  await page.reload();
  await expect(page.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(true);
  await expect(replies(page)).toHaveCount(1);

  // Offline, the journal still opens and shows what was read before.
  await context.setOffline(true);
  await page.reload();
  await expect(conversation(page)).toContainText(ONLINE);

  // Two entries written offline wait, and the page says so. By the device's clock they are written
  // an hour ago, a minute apart: each keeps that time when it is sent.
  const box = page.getByLabel("What’s on your mind?");
  const hourAgo = Date.now() - 60 * 60_000;
  const writtenAt = new Map([
    [OFFLINE_ONE, hourAgo],
    [OFFLINE_TWO, hourAgo + 60_000],
  ]);
  for (const [text, at] of writtenAt) {
    await page.clock.setFixedTime(at);
    await box.fill(text);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved on this device. It will be sent" })).toBeVisible();
    await expect(box).toHaveValue("");
  }
  const waiting = page.getByRole("list", { name: "Waiting to be sent" });
  await expect(waiting.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("status").filter({ hasText: "You’re offline. 2 entries are saved on this device" })).toBeVisible();
  await page.clock.setFixedTime(Date.now());

  // Back online: both are sent, in order, and each gets its reply.
  await context.setOffline(false);
  await expect(waiting).toHaveCount(0, { timeout: 20_000 });
  await expect(replies(page)).toHaveCount(3);
  await expect(conversation(page)).toContainText(OFFLINE_ONE);
  await expect(conversation(page)).toContainText(OFFLINE_TWO);

  // Exactly three entries exist: nothing was lost and nothing was sent twice.
  const { token } = await apiSession(page);
  const list = await (await page.request.get("/api/entries?limit=50", { headers: { authorization: `Bearer ${token}` } })).json();
  const contents = list.entries.map((e: { content: string }) => e.content).sort();
  expect(contents).toEqual([OFFLINE_ONE, OFFLINE_TWO, ONLINE].sort());
  // Each keeps the time it was written, not the time it arrived.
  for (const entry of list.entries.filter((e: { content: string }) => e.content !== ONLINE)) {
    expect(Date.parse(entry.created_at)).toBe(writtenAt.get(entry.content));
  }

  // A reload after sending shows nothing waiting.
  await page.reload();
  await expect(page.getByRole("list", { name: "Waiting to be sent" })).toHaveCount(0);
  await expect(replies(page)).toHaveCount(3);
});

test("signing out forgets what was kept for offline reading", async ({ page }) => {
  await signUp(page, newPerson("Ines"));
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await writeEntry(page, { content: ONLINE });
  await page.reload();
  await expect.poll(() => page.evaluate(async () => (await (await caches.open("tideline-api")).keys()).length)).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).includes("tideline-api"))).toBe(false);
});

test("signing out with entries still waiting asks first, and deletes them from the device only when told to", async ({ page, context }) => {
  await signUp(page, newPerson("Noor"));
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  // The page knows who is signed in (the header's account controls) before the connection goes.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await context.setOffline(true);
  const box = page.getByLabel("What’s on your mind?");
  await box.fill(OFFLINE_ONE);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("list", { name: "Waiting to be sent" }).getByRole("listitem")).toHaveCount(1);
  const waitingOnDevice = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open("tideline-outbox", 1);
          open.onsuccess = () => {
            const request = open.result.transaction("entries", "readonly").objectStore("entries").count();
            request.onsuccess = () => {
              open.result.close();
              resolve(request.result);
            };
          };
        }),
    );
  expect(await waitingOnDevice()).toBe(1);

  // Asked, with the safe choice focused: staying keeps the entry and the session.
  await page.getByRole("button", { name: "Sign out" }).click();
  const question = page.getByRole("region", { name: "One entry hasn’t been sent yet" });
  await expect(question).toContainText("If you sign out now, it is deleted from this device.");
  await expect(question.getByRole("button", { name: "Stay signed in" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(question).toHaveCount(0);
  await expect(page).not.toHaveURL(/\/signin/);
  expect(await waitingOnDevice()).toBe(1);

  // Told to: the entry leaves the device and the person is signed out.
  await page.getByRole("button", { name: "Sign out" }).click();
  await question.getByRole("button", { name: "Delete it and sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect(await waitingOnDevice()).toBe(0);
});
