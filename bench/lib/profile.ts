// `--profile write,list`: runs each named scenario under V8's sampling profiler, attached to the
// Tideline Worker's isolate (the Worker and its Durable Object run there) through workerd's DevTools
// inspector. Writes a .cpuprofile per scenario (open it in Chrome DevTools or VS Code) and answers
// where the JavaScript time went, by source file. SQLite's own time inside D1 and the Durable Object
// is native code: it shows as idle here, the gap between this and the request's wall time.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { App, Build } from "./app.ts";
import { analyseProfile, type CpuProfile } from "./cpu-profile.ts";
import { runSlice, type Scenario } from "./load.ts";

export interface ScenarioProfile {
  key: string;
  label: string;
  path: string;
  requests: number;
  /** Wall time of the slice and the JavaScript time sampled in the Worker's isolate. */
  wallMs: number;
  busyMs: number;
  /** JavaScript time per request (what one request costs the isolate, waits left out). */
  busyMsPerRequest: number;
  bySource: { source: string; ms: number; share: number }[];
  byFunction: { name: string; ms: number; share: number }[];
}

class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private constructor(private readonly ws: WebSocket) {
    ws.addEventListener("message", (event) => {
      const msg = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (msg.id === undefined) return;
      const waiting = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) waiting?.reject(new Error(msg.error.message));
      else waiting?.resolve(msg.result);
    });
  }

  static async open(inspectorUrl: string, worker: string): Promise<Inspector> {
    const targets = (await (await fetch(`${inspectorUrl}/json/list`)).json()) as { id: string; title?: string; webSocketDebuggerUrl?: string }[];
    const target = targets.find((t) => t.id.endsWith(`:${worker}`) || t.title?.includes(worker));
    if (!target) throw new Error(`no inspector target for ${worker} among ${targets.map((t) => t.id).join(", ")}`);
    const url = target.webSocketDebuggerUrl ?? `${inspectorUrl.replace(/^http/, "ws")}/${target.id}`;
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener("open", () => resolve(), { once: true });
      ws.addEventListener("error", () => reject(new Error(`could not open ${url}`)), { once: true });
    });
    return new Inspector(ws);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  close(): void {
    this.ws.close();
  }
}

export async function profileScenarios(app: App, build: Build, scenarios: Scenario[], seconds: number, dir: string): Promise<ScenarioProfile[]> {
  if (!app.inspectorUrl) throw new Error("the app was started without an inspector");
  mkdirSync(dir, { recursive: true });
  const inspector = await Inspector.open(app.inspectorUrl, "tideline");
  const out: ScenarioProfile[] = [];
  try {
    await inspector.send("Profiler.enable");
    await inspector.send("Profiler.setSamplingInterval", { interval: 200 });
    for (const scenario of scenarios) {
      await runSlice(scenario, { seconds: Math.min(2, seconds), checkEvery: 1 });
      await inspector.send("Profiler.start");
      const t0 = performance.now();
      const slice = await runSlice(scenario, { seconds, checkEvery: 50 });
      const wallMs = performance.now() - t0;
      const { profile } = await inspector.send<{ profile: CpuProfile }>("Profiler.stop");
      const file = path.join(dir, `${scenario.key}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      const summary = analyseProfile(profile, build.script);
      const busyMs = summary.busyMs;
      out.push({
        key: scenario.key,
        label: scenario.label,
        path: path.relative(process.cwd(), file),
        requests: slice.requests,
        wallMs,
        busyMs,
        busyMsPerRequest: busyMs / Math.max(1, slice.requests),
        bySource: summary.bySource.slice(0, 10).map((s) => ({ ...s, share: s.ms / busyMs })),
        byFunction: summary.byFunction.slice(0, 10).map((s) => ({ ...s, share: s.ms / busyMs })),
      });
    }
  } finally {
    inspector.close();
  }
  return out;
}

export interface WindowProfile extends ScenarioProfile {
  /** Stretches in which the isolate ran JavaScript without a break (nothing else on its thread ran). */
  longestBusyMs: number[];
}

/**
 * Samples the Worker's isolate for `seconds` of whatever it is doing (the backlog's queue consumer),
 * with no scenario of its own; answers the same summary, and the longest unbroken busy stretches.
 */
export async function profileWindow(app: App, build: Build, key: string, label: string, seconds: number, dir: string): Promise<WindowProfile> {
  if (!app.inspectorUrl) throw new Error("the app was started without an inspector");
  mkdirSync(dir, { recursive: true });
  const inspector = await Inspector.open(app.inspectorUrl, "tideline");
  try {
    await inspector.send("Profiler.enable");
    await inspector.send("Profiler.setSamplingInterval", { interval: 200 });
    await inspector.send("Profiler.start");
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const wallMs = performance.now() - t0;
    const { profile } = await inspector.send<{ profile: CpuProfile }>("Profiler.stop");
    const file = path.join(dir, `${key}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const summary = analyseProfile(profile, build.script);
    const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
    const stretches: number[] = [];
    let run = 0;
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      if (idle.has(id)) {
        if (run > 0) stretches.push(run);
        run = 0;
      } else run += ms;
    });
    if (run > 0) stretches.push(run);
    return {
      key,
      label,
      path: path.relative(process.cwd(), file),
      requests: 0,
      wallMs,
      busyMs: summary.busyMs,
      busyMsPerRequest: Number.NaN,
      bySource: summary.bySource.slice(0, 10).map((s) => ({ ...s, share: s.ms / summary.busyMs })),
      byFunction: summary.byFunction.slice(0, 10).map((s) => ({ ...s, share: s.ms / summary.busyMs })),
      longestBusyMs: stretches.sort((a, b) => b - a).slice(0, 5).map((ms) => Math.round(ms * 10) / 10),
    };
  } finally {
    inspector.close();
  }
}
