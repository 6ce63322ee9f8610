// Starts the whole app locally for scripts that need a real server (browser tests, benchmarks):
// a fresh D1 in a temporary directory, `wrangler dev --local` on free ports, and a stop that
// always takes workerd down with it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const READY_TIMEOUT_MS = 120_000;

export const quietEnv: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  // Keeps wrangler from prompting (migrations) or drawing its interactive dev session.
  CI: process.env.CI ?? "1",
};

export function run(command: string, args: string[], what: string): void {
  console.log(`\n▶ ${what}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, env: quietEnv, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`wrangler dev exited early (code ${server.exitCode})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev did not answer ${url} within ${READY_TIMEOUT_MS / 1000}s`);
}

function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server?.pid || server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal("SIGKILL");
      setTimeout(resolve, 500);
    }, 8_000);
    server.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    // wrangler dev starts workerd as a child: signal the whole process group we created.
    function signal(sig: NodeJS.Signals) {
      try {
        process.kill(-server!.pid!, sig);
      } catch {
        // Already gone.
      }
    }
    signal("SIGTERM");
  });
}

export interface LocalApp {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startLocalApp(label: string): Promise<LocalApp> {
  const stateDir = mkdtempSync(path.join(tmpdir(), `tideline-${label}-`));
  let server: ChildProcess | undefined;
  const stop = async () => {
    await stopServer(server);
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir], "Prepare the local D1");
    const port = await freePort();
    const inspectorPort = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const args = [
      "wrangler", "dev", "--local",
      "--ip", "127.0.0.1",
      "--port", String(port),
      "--inspector-port", String(inspectorPort),
      "--persist-to", stateDir,
      "--log-level", "warn",
      "--show-interactive-dev-session=false",
      // A checkout without .dev.vars (CI) still gets a signing secret; .dev.vars wins when present.
      "--var", `JWT_SECRET:${randomBytes(32).toString("hex")}`,
      "--var", "AI_PROVIDER:local",
    ];
    console.log(`\n▶ Start the app on ${baseUrl}`);
    server = spawn("npx", args, { cwd: root, env: quietEnv, stdio: ["ignore", "inherit", "inherit"], detached: true });
    await waitUntilReady(`${baseUrl}/api/openapi.json`, server);
    console.log(`✔ App answers at ${baseUrl}`);
    return { baseUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
