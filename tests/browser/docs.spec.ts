// /api/docs renders Swagger UI from the app's own static assets, with the API's operations listed.
import { expect, test } from "./fixtures.ts";

test("the API reference renders its operations", async ({ page }) => {
  await page.goto("/api/docs");
  await expect(page.locator(".swagger-ui .info .title")).toContainText("Tideline API");
  const operation = page.locator(".opblock").filter({ hasText: "/api/auth/login" });
  await expect(operation.first()).toBeVisible();
  await expect(page.locator(".opblock-summary-path").first()).toBeVisible();
});
