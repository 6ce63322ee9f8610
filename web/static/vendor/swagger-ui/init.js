// Starts Swagger UI on /api/docs. A separate file (not inline) so the page works under a CSP without
// 'unsafe-inline'; swagger-ui-bundle.js and swagger-ui.css are copied here by the web build.
window.SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
});
