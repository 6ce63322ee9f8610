// A browsable API reference at /api/docs: Swagger UI served from the app's own static assets
// (copied from swagger-ui-dist at build time), so it works offline; app.ts gives it its own CSP.
import type { Context } from "hono";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tideline API reference</title>
<link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"><p>Loading the API reference… The raw document is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></main>
<script src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/vendor/swagger-ui/init.js"></script>
</body>
</html>`;

export function apiDocsPage(c: Context) {
  return c.html(PAGE);
}
