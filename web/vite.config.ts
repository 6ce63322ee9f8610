// Builds the SvelteKit SPA into web/build, which the Worker serves as static assets. Run from the
// repository root (`vite build --config web/vite.config.ts`); every path here is anchored to web/.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import adapter from "@sveltejs/adapter-static";
import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig, type Plugin } from "vite";

const webDir = path.dirname(fileURLToPath(import.meta.url));
const buildDir = path.join(webDir, "build");
const SPA_SHELL = "index.html";
/** Stands in web/static/_headers for the policy Kit computes (with its inline-script hashes). */
const KIT_CSP_PLACEHOLDER = "%KIT_CSP%";

const require = createRequire(import.meta.url);
const sha256 = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}` as const;

/**
 * Kit's root component renders its route announcer with a static style attribute, which a policy
 * without 'unsafe-inline' blocks. Allow exactly those attribute values, by hash, read from the
 * installed Kit so that an upgrade cannot silently break the policy.
 */
function kitStyleAttributeHashes() {
  const rootComponent = path.join(path.dirname(require.resolve("@sveltejs/kit/package.json")), "src/runtime/components/root.svelte");
  const source = readFileSync(rootComponent, "utf8");
  return [...source.matchAll(/\sstyle="([^"{}]*)"/g)].map((m) => sha256(m[1] ?? ""));
}

const styleAttributeHashes = kitStyleAttributeHashes();

/**
 * After the adapter has written web/build: copy the policy Kit put in the SPA shell's <meta> into
 * the _headers CSP (a header can also carry frame-ancestors), and copy Swagger UI from node_modules
 * for /api/docs (kept out of git; init.js is ours and lives in web/static).
 */
function finishStaticBuild(): Plugin {
  return {
    name: "tideline-finish-static-build",
    apply: "build",
    buildApp: {
      order: "post",
      async handler() {
        const shell = await readFile(path.join(buildDir, SPA_SHELL), "utf8");
        const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(shell);
        if (!meta?.[1] || !meta[1].includes("'sha256-")) {
          throw new Error(`Kit wrote no hashed CSP into ${SPA_SHELL}; check the csp option.`);
        }
        const policy = meta[1].replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
        const headersFile = path.join(buildDir, "_headers");
        const headers = await readFile(headersFile, "utf8");
        if (!headers.includes(KIT_CSP_PLACEHOLDER)) {
          throw new Error(`web/static/_headers must contain ${KIT_CSP_PLACEHOLDER} in its Content-Security-Policy.`);
        }
        await writeFile(headersFile, headers.replaceAll(KIT_CSP_PLACEHOLDER, policy));

        const swaggerDir = path.dirname(require.resolve("swagger-ui-dist/package.json"));
        const vendorDir = path.join(buildDir, "vendor", "swagger-ui");
        await mkdir(vendorDir, { recursive: true });
        for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
          await copyFile(path.join(swaggerDir, file), path.join(vendorDir, file));
        }
      },
    },
  };
}

export default defineConfig({
  root: webDir,
  plugins: [
    sveltekit({
      adapter: adapter({ pages: buildDir, assets: buildDir, fallback: SPA_SHELL, strict: true }),
      // The one place the page's policy is written. Kit adds the hash of its inline bootstrap script
      // and emits a <meta> CSP; the build copies it into _headers as a real header.
      csp: {
        mode: "hash",
        directives: {
          "default-src": ["self"],
          "script-src": ["self"],
          "style-src": ["self"],
          ...(styleAttributeHashes.length ? { "style-src-attr": ["unsafe-hashes", ...styleAttributeHashes] } : {}),
          "img-src": ["self", "data:"],
          "font-src": ["self"],
          "connect-src": ["self"],
          "object-src": ["none"],
          "base-uri": ["none"],
          "form-action": ["self"],
        },
      },
    }),
    finishStaticBuild(),
  ],
  build: { reportCompressedSize: true },
});
