// Reads a V8 CPU profile of the bundled Worker back into the source tree: esbuild writes a
// `// path/to/file.ts` line before each module it inlines, so a line of the bundle tells the file.
// Time in built-ins (JSON.parse, crypto, the D1 and RPC bindings' JavaScript side) is charged to the
// Worker code that called them; idle time (waiting for D1, SQLite, the network) is left out.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; lineNumber: number; functionName: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled time that was not idle. */
  busyMs: number;
  bySource: { source: string; ms: number }[];
  byFunction: { name: string; ms: number }[];
}

const SPECIAL = /^\((idle|program|garbage collector|root)\)$/;
/** The bundle's own top level: module set-up code and esbuild's helpers (__export, lazy init). */
const HELPERS = "(bundle top level)";

export function analyseProfile(profile: CpuProfile, script: string): ProfileSummary {
  const bundle = path.basename(script);
  const lines = readFileSync(script, "utf8").split("\n");
  const markers: { line: number; source: string }[] = [];
  lines.forEach((text, i) => {
    const m = /^\/\/ (\S+\.(?:[cm]?[jt]s|json))$/.exec(text);
    if (!m) return;
    const npm = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m[1]!);
    markers.push({ line: i, source: npm ? `npm:${npm[1]}` : m[1]!.replace(/^(?:\.\.\/)+(?:.*?\/(?=(?:worker|durable-objects|queues|bench)\/))?/, "") });
  });
  const sourceAt = (line: number) => {
    let lo = 0;
    let hi = markers.length - 1;
    let found = HELPERS;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (markers[mid]!.line <= line) {
        found = markers[mid]!.source;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inBundle = (id: number) => byId.get(id)?.callFrame.url.endsWith(bundle) ?? false;

  const sources = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const name = node.callFrame.functionName;
    if (name === "(idle)") return;
    busy += ms;
    // Charged to the nearest Worker code above: built-ins to their caller, and esbuild's module
    // helpers (__export, lazy module init) to the module that used them.
    const charged = (n: number) => inBundle(n) && sourceAt(byId.get(n)!.callFrame.lineNumber) !== HELPERS;
    let owner: number | undefined = id;
    if (!SPECIAL.test(name)) while (owner !== undefined && !charged(owner)) owner = parent.get(owner);
    if (owner === undefined && !SPECIAL.test(name) && inBundle(id)) owner = id;
    const frame = owner === undefined ? undefined : byId.get(owner)?.callFrame;
    // A built-in with no Worker code above it (an async continuation): named by its module, e.g.
    // cloudflare-internal:d1-api, the D1 binding's JavaScript that turns results into rows.
    const source = frame && !SPECIAL.test(name) ? sourceAt(frame.lineNumber) : SPECIAL.test(name) ? name : `(${node.callFrame.url || `runtime: ${name || "anonymous"}`})`;
    const fn = frame && !SPECIAL.test(name) ? `${frame.functionName || "(anonymous)"} (${source})` : source;
    sources.set(source, (sources.get(source) ?? 0) + ms);
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  });
  const sorted = (m: Map<string, number>) =>
    [...m.entries()].map(([k, ms]) => ({ k, ms: Math.round(ms * 10) / 10 })).sort((a, b) => b.ms - a.ms);
  return {
    busyMs: Math.round(busy * 10) / 10,
    bySource: sorted(sources).map(({ k, ms }) => ({ source: k, ms })),
    byFunction: sorted(functions).map(({ k, ms }) => ({ name: k, ms })),
  };
}
