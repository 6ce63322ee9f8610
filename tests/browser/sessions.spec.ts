// Sessions in the browser: the refresh token lives in an HttpOnly cookie (no script and no storage
// holds it), a reload stays signed in, Settings lists the signed-in devices, signs the others out,
// and changes the password.
import { expect, newPerson, signIn, signUp, test, watchPage } from "./fixtures.ts";

test("the session cookie is out of reach of scripts, survives a reload, and Settings signs out the other devices", async ({ page, browser }) => {
  const person = newPerson("Grace");
  await signUp(page, person);

  // The cookie exists and is HttpOnly; neither document.cookie nor storage holds any token.
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => /tideline_refresh$/.test(c.name));
  expect(session, "the session cookie").toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("tideline_refresh");
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(stored).not.toContain(session!.value);
  expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);

  // A reload keeps the person signed in: the access token is renewed from the cookie.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${person.name}`);

  // A second device.
  const laptopContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const laptop = await laptopContext.newPage();
    const laptopProblems = watchPage(laptop);
    await signIn(laptop, person);

    await page.goto("/settings");
    const devices = page.getByRole("list", { name: "Signed-in devices" });
    await expect(devices.getByRole("listitem")).toHaveCount(2);
    await expect(devices.getByText("This device")).toHaveCount(1);
    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expect(page.getByText("Signed out 1 other device.")).toBeVisible();
    await expect(devices.getByRole("listitem")).toHaveCount(1);

    // The laptop's session is over: after a reload it cannot renew and is sent to sign in.
    await laptop.reload();
    await expect(laptop).toHaveURL(/\/signin/);
    expect(laptopProblems).toEqual([]);

    // This device is still signed in, and can change the password.
    await page.reload();
    await expect(devices.getByRole("listitem")).toHaveCount(1);
    await page.getByLabel("Current password").fill("not the password");
    await page.getByLabel("New password").fill("a new and longer passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("The password is not correct.")).toBeVisible();
    await page.getByLabel("Current password").fill(person.password);
    await page.getByLabel("New password").fill("a new and longer passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed.")).toBeVisible();

    // Signing out clears the cookie.
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect((await page.context().cookies()).find((c) => /tideline_refresh$/.test(c.name))).toBeUndefined();
    await signIn(page, { ...person, password: "a new and longer passphrase" });
  } finally {
    await laptopContext.close();
  }
});
