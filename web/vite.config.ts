// Builds the SvelteKit SPA into web/build, which the Worker serves as static assets. Run from the
// repository root (`vite build --config web/vite.config.ts`); every path here is anchored to web/.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
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

/** The journal (home) page must stay light: its first-load JavaScript, gzipped, in bytes. */
const JOURNAL_JS_BUDGET = 120 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * After the client build, adds up what the journal page loads before it can show anything: Kit's
 * entry (start) and app, the root layout and error nodes and the home page's node, with all their
 * static imports (dynamic imports, such as Chart.js on the insights page, are left out, as the
 * browser does). Prints the figure and fails the build when it is over budget.
 */
function journalBudget(): Plugin {
  return {
    name: "tideline-journal-js-budget",
    apply: "build",
    buildApp: {
      order: "post",
      async handler() {
        const clientDir = path.join(webDir, ".svelte-kit/output/client");
        const manifest = JSON.parse(await readFile(path.join(clientDir, ".vite/manifest.json"), "utf8")) as Record<string, ManifestChunk>;
        const nodesDir = path.join(webDir, ".svelte-kit/generated/build/client-optimized/nodes");
        // Which node is which route: each generated node file re-exports its component.
        const nodeFor = (component: string) =>
          readdirSync(nodesDir).find((f) => readFileSync(path.join(nodesDir, f), "utf8").includes(component));
        const home = nodeFor("src/routes/+page.svelte");
        const layout = nodeFor("src/routes/+layout.svelte");
        if (!home || !layout) throw new Error("journal budget: could not find the home page's or the root layout's node.");
        const roots = Object.keys(manifest).filter(
          (key) =>
            key.endsWith("runtime/client/entry.js") ||
            key.endsWith("client-optimized/app.js") ||
            key.endsWith(`client-optimized/nodes/${home}`) ||
            key.endsWith(`client-optimized/nodes/${layout}`) ||
            // The root error node (nodes/1) is fetched at start-up as well.
            key.endsWith("client-optimized/nodes/1.js"),
        );
        if (roots.length < 4) throw new Error(`journal budget: expected Kit's entry, app and nodes in the manifest, found ${roots.join(", ")}`);
        const files = new Set<string>();
        const visit = (key: string) => {
          const chunk = manifest[key];
          if (!chunk || files.has(chunk.file)) return;
          files.add(chunk.file);
          for (const dep of chunk.imports ?? []) visit(dep);
        };
        roots.forEach(visit);
        let total = 0;
        for (const file of files) {
          const full = path.join(clientDir, file);
          if (file.endsWith(".js") && existsSync(full)) total += gzipSync(readFileSync(full), { level: 9 }).length;
        }
        const kb = (bytes: number) => (bytes / 1024).toFixed(1);
        console.log(`\njournal page JS: ${kb(total)} KB gzipped (budget ${kb(JOURNAL_JS_BUDGET)} KB), ${files.size} files`);
        if (total > JOURNAL_JS_BUDGET) {
          throw new Error(`The journal page's first-load JS is ${kb(total)} KB gzipped, over the ${kb(JOURNAL_JS_BUDGET)} KB budget.`);
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
    journalBudget(),
  ],
  build: { reportCompressedSize: true },
});
