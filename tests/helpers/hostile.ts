// Generators of hostile requests for one operation of the OpenAPI document: bodies that are almost
// right or nothing like it, malformed JSON, wrong content types, invalid UTF-8, deep nesting,
// prototype-pollution keys, huge strings, NUL bytes, lone surrogates, and the same in queries and ids.
import fc from "fast-check";
import { fillPath, resolve, type JsonSchema, type OpenApiDocument, type Operation } from "./openapi.ts";

export type HostileBody =
  | { kind: "none" }
  | { kind: "text"; text: string; contentType: string | null }
  | { kind: "bytes"; bytes: Uint8Array; contentType: string | null };

export interface HostileRequest {
  method: string;
  /** Path and query exactly as sent (percent-escapes included). */
  url: string;
  body: HostileBody;
}

// ---------------------------------------------------------------------------------------------
// Encoding: a test must be able to send what no well-behaved client would, e.g. a lone surrogate
// in a URL (as its WTF-8 bytes, which are not valid UTF-8) or a broken percent-escape.

/** UTF-8, except that a lone surrogate is encoded as if it were a code point (WTF-8). */
export function wtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return new Uint8Array(out);
}

/** Percent-encodes everything but unreserved characters; lone surrogates become invalid UTF-8. */
export function percentEncode(s: string): string {
  let out = "";
  for (const byte of wtf8(s)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Hostile values.

const LONE_SURROGATES = ["\uD800", "\uDFFF", "a\uD83D", "\uDE00b", "\uDBFF\uDBFF"];
const TRICKY_STRINGS = [
  "",
  " ",
  "\t\n\r ",
  "\u0000",
  "a\u0000b",
  "\u0000".repeat(64),
  ...LONE_SURROGATES,
  "\uFEFF",
  "\u200B\u200D",
  "\u202Egnp.exe",
  "İ",
  "ß",
  "ǅ",
  "🏳️‍🌈",
  "e\u0301",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "'; DROP TABLE entries; --",
  "\" OR 1=1 --",
  "NEAR(a b) OR c* AND \"",
  "%00",
  "%ZZ",
  "../../etc/passwd",
  "__proto__",
  "constructor",
  "prototype",
  "[object Object]",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "0x10",
  "9007199254740993",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "2024-02-30",
  "+275760-09-13T00:00:00.000Z",
  "00000000-0000-0000-0000-000000000000",
  "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
  "#zzzzzz",
  "Europe/../../etc",
];

/** Strings just past the limits the API states, and far past the body limit. */
const hugeStringArb = fc.oneof(
  fc.constantFrom(41, 61, 81, 121, 201, 257, 501, 1001, 20_001).map((n) => "x".repeat(n)),
  fc.constant("😀".repeat(10_001)),
  fc.constant("İ".repeat(60)),
  fc.constant("\u0000".repeat(20_001)),
  fc.constant("\uD800".repeat(20_001)),
  fc.constant("y".repeat(300 * 1024)),
);

export const hostileStringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: hugeStringArb },
);

const POLLUTION_KEYS = ["__proto__", "constructor", "prototype", "__defineGetter__", "hasOwnProperty", "toString", "valueOf", "toJSON", "then"];

/** Sets a key as an own, enumerable property, even "__proto__", so JSON.stringify sends it. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

const pollutionPayloadArb: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  { polluted: "yes", isAdmin: true, role: "admin" },
  { prototype: { polluted: "yes" } },
  "polluted",
  null,
  [],
);

export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileStringArb },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(0, -1, -0, 1.5, 1e308, -1e308, 2 ** 53 + 2, 101, 1_000_000, true, false, null, [], {}, [null], [""], { "": "" }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: pollutionPayloadArb },
);

// ---------------------------------------------------------------------------------------------
// Almost-valid values from a schema: the base that mutations start from, so that hostile values
// reach the checks behind the first one.

const DAY_MS = 86_400_000;
const SANE_DATES = fc.integer({ min: Date.UTC(2000, 0, 1) / DAY_MS, max: Date.UTC(2035, 0, 1) / DAY_MS }).map((d) => new Date(d * DAY_MS));

export function validishArb(doc: OpenApiDocument, schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if (depth > 6) return fc.constant(null);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validishArb(doc, a, depth + 1)));
  if (s.allOf) {
    const parts = s.allOf.map((a) => resolve(doc, a));
    const merged: JsonSchema = { type: "object", properties: {}, required: [] };
    for (const p of parts) {
      Object.assign(merged.properties!, p.properties);
      merged.required!.push(...(p.required ?? []));
    }
    return validishArb(doc, merged, depth + 1);
  }
  if (Array.isArray(s.type)) {
    return fc.oneof(...s.type.map((t) => (t === "null" ? fc.constant(null) : validishArb(doc, { ...s, type: t }, depth + 1))));
  }
  switch (s.type) {
    case "string":
      return stringArb(s);
    case "integer":
      return fc.integer({ min: Math.ceil(s.minimum ?? (s.exclusiveMinimum ?? -1001) + 1), max: Math.floor(s.maximum ?? 1000) });
    case "number":
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(s.items ? validishArb(doc, s.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, Math.max(s.minItems ?? 0, 3)),
      });
    case "object":
    case undefined: {
      const props = s.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validishArb(doc, v, depth + 1)]));
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const max = s.maxLength ?? 40;
  const min = s.minLength ?? 0;
  switch (s.format) {
    case "uuid":
      return fc.uuid();
    case "date":
      return SANE_DATES.map((d) => d.toISOString().slice(0, 10));
    case "date-time":
      return SANE_DATES.map((d) => d.toISOString());
    case "email":
      return fc.uuid().map((u) => `fuzz-${u}@example.com`);
  }
  if (s.pattern) {
    const matching = fc.stringMatching(new RegExp(s.pattern), s.maxLength === undefined ? {} : { maxLength: s.maxLength });
    return matching.filter((x) => x.length >= min && x.length <= (s.maxLength ?? Infinity));
  }
  return fc.string({ minLength: min, maxLength: Math.min(max, Math.max(min, 40)) }).map((x) => (min > 0 && x.trim() === "" ? `a${x}`.slice(0, max) : x));
}

// ---------------------------------------------------------------------------------------------
// Mutations of an almost-valid body.

type Path = (string | number)[];

function nodePaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (path.length) out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => nodePaths(v, [...path, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) nodePaths(v, [...path, k], out);
  return out;
}

function containers(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (value && typeof value === "object") {
    out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => containers(v, [...path, i], out));
    else for (const [k, v] of Object.entries(value)) containers(v, [...path, k], out);
  }
  return out;
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

type Mutation =
  | { op: "taint"; pick: number; at: number; insert: string }
  | { op: "set"; pick: number; value: unknown }
  | { op: "delete"; pick: number }
  | { op: "add"; pick: number; key: string; value: unknown };

/** Characters a valid string may still carry, inserted into one: the body often stays valid, so they reach storage. */
const TAINTS = ["\u0000", "\uD800", "\uDFFF", "\uDBFF\uDBFF", "\u202E", "\u200B", "\uFEFF", "İ", "e\u0301", "😀", "\u0085", "\u2028", "\r\n", "\t", "'", '"', "\\", "%", "_", "*", "<b>", ";", "NEAR"];
const taintArb: fc.Arbitrary<Mutation> = fc.record({ op: fc.constant("taint" as const), pick: fc.nat(), at: fc.nat(), insert: fc.constantFrom(...TAINTS) });

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant("set" as const), pick: fc.nat(), value: hostileValueArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("add" as const),
      pick: fc.nat(),
      key: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...POLLUTION_KEYS) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) }),
      value: fc.oneof(pollutionPayloadArb, hostileValueArb),
    }),
  },
);

/** Applies mutations to a copy; declared properties that the sample left out can be set too. */
function mutate(sample: unknown, declared: string[], mutations: Mutation[]): unknown {
  let root: unknown = structuredClone(sample);
  for (const original of mutations) {
    // Generated values may be shared constants: a copy keeps one run from reaching into the next.
    const m = "value" in original ? { ...original, value: structuredClone(original.value) } : original;
    if (m.op === "taint") {
      const strings = nodePaths(root).filter((p) => typeof at(root, p) === "string");
      if (strings.length === 0) {
        if (typeof root === "string") root = root.slice(0, m.at % (root.length + 1)) + m.insert + root.slice(m.at % (root.length + 1));
        continue;
      }
      const path = strings[m.pick % strings.length]!;
      const parent = at(root, path.slice(0, -1)) as Record<string | number, string>;
      const key = path[path.length - 1]!;
      const text = parent[key]!;
      const cut = m.at % (text.length + 1);
      parent[key] = text.slice(0, cut) + m.insert + text.slice(cut);
      continue;
    }
    if (m.op === "add") {
      const targets = containers(root);
      if (targets.length === 0) continue;
      const target = at(root, targets[m.pick % targets.length]!) as Record<string, unknown>;
      if (Array.isArray(target)) target.push(m.value);
      else setOwn(target, m.key, m.value);
      continue;
    }
    const paths = nodePaths(root);
    const isObject = root !== null && typeof root === "object" && !Array.isArray(root);
    const absent = isObject ? declared.filter((k) => !(k in (root as object))).map((k) => [k] as Path) : [];
    const candidates = [...paths, ...absent];
    if (candidates.length === 0) {
      if (m.op === "set") root = m.value;
      continue;
    }
    const path = candidates[m.pick % candidates.length]!;
    const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    if (m.op === "set") {
      if (typeof key === "string") setOwn(parent as Record<string, unknown>, key, m.value);
      else parent[key] = m.value;
    } else if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  }
  return root;
}

function deepText(depth: number, shape: "array" | "object" | "mixed"): string {
  if (shape === "array") return "[".repeat(depth) + "]".repeat(depth);
  if (shape === "object") return '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
  return '[{"__proto__":'.repeat(depth) + "null" + "}]".repeat(depth);
}

const MALFORMED_JSON = [
  "",
  "{",
  "}",
  "[",
  '{"a":',
  "{'a':1}",
  '{"a":1,}',
  "[1,2,]",
  "{a:1}",
  "NaN",
  "Infinity",
  "undefined",
  "nul",
  "\u0000",
  "\uFEFF{}",
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '{"a":"unterminated}',
  "1e999999",
  "--1",
  '{"a":1}{"b":2}',
  "/* comment */ {}",
  '"\\ud800"',
];

const WRONG_CONTENT_TYPES = [
  "text/plain",
  "text/plain; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----hostile",
  "application/xml",
  "application/octet-stream",
  "application/jsonp",
  "application/json-patch+json",
  "json",
  "*/*",
];

/** JSON content types that are unusual but still JSON: the body must be read as JSON or refused cleanly. */
const ODD_JSON_CONTENT_TYPES = ["application/json; charset=utf-16", "APPLICATION/JSON", "application/vnd.api+json", "application/json;;", "application/json; charset=\"latin1\""];

const INVALID_UTF8 = [
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0x00],
];

/** JSON text with placeholders replaced by raw text (deep nesting is built as text, not as objects). */
function stringifyWith(value: unknown, replacements: Record<string, string>): string {
  let text = JSON.stringify(value) ?? "null";
  for (const [marker, raw] of Object.entries(replacements)) text = text.replace(JSON.stringify(marker), raw);
  return text;
}

export function hostileBodyArb(doc: OpenApiDocument, schema: JsonSchema): fc.Arbitrary<HostileBody> {
  const s = resolve(doc, schema);
  const sample = validishArb(doc, s);
  const declared = Object.keys(s.properties ?? {});
  const json = (text: string, contentType: string | null = "application/json"): HostileBody => ({ kind: "text", text, contentType });
  const DEEP = "\u0001deep\u0001";
  return fc.oneof(
    // Right, but one string carries NUL, a lone surrogate, a direction override, …: often accepted.
    { weight: 4, arbitrary: fc.tuple(sample, taintArb).map(([v, t]) => json(JSON.stringify(mutate(v, declared, [t])) ?? "null")) },
    // Almost right: one to three fields wrong, missing or added.
    { weight: 8, arbitrary: fc.tuple(sample, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([v, ms]) => json(JSON.stringify(mutate(v, declared, ms)) ?? "null")) },
    // Not an object at all.
    { weight: 1, arbitrary: fc.oneof(hostileValueArb, fc.array(sample, { maxLength: 2 })).map((v) => json(JSON.stringify(v) ?? "null")) },
    // Deep nesting, as the whole body or in one field.
    {
      weight: 1,
      arbitrary: fc
        .tuple(sample, fc.constantFrom(64, 1_000, 20_000, 100_000), fc.constantFrom("array", "object", "mixed") as fc.Arbitrary<"array" | "object" | "mixed">, fc.boolean(), fc.nat())
        .map(([v, depth, shape, whole, pick]) => {
          if (whole || !v || typeof v !== "object" || Array.isArray(v) || declared.length === 0) return json(deepText(depth, shape));
          const copy = structuredClone(v) as Record<string, unknown>;
          setOwn(copy, declared[pick % declared.length]!, DEEP);
          return json(stringifyWith(copy, { [DEEP]: deepText(depth, shape) }));
        }),
    },
    // Not JSON, or cut short.
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom(...MALFORMED_JSON).map((t) => json(t)),
        fc.tuple(sample, fc.nat()).map(([v, n]) => {
          const text = JSON.stringify(v) ?? "";
          return json(text.slice(0, text.length > 1 ? n % (text.length - 1) : 0));
        }),
      ),
    },
    // Bytes that are not UTF-8 inside an otherwise fine body.
    {
      weight: 1,
      arbitrary: fc.tuple(sample, fc.constantFrom(...INVALID_UTF8), fc.nat()).map(([v, bad, pick]): HostileBody => {
        const marker = "\u0002bad\u0002";
        const copy = v && typeof v === "object" && !Array.isArray(v) && declared.length ? (structuredClone(v) as Record<string, unknown>) : null;
        if (copy) setOwn(copy, declared[pick % declared.length]!, marker);
        const text = JSON.stringify(copy ?? marker);
        const [before, after] = text.split(marker);
        const bytes = [...new TextEncoder().encode(before), ...bad, ...new TextEncoder().encode(after)];
        return { kind: "bytes", bytes: new Uint8Array(bytes), contentType: "application/json" };
      }),
    },
    // A fine body under the wrong (or an odd) content type, or none.
    {
      weight: 2,
      arbitrary: fc.tuple(sample, fc.constantFrom<string | null>(...WRONG_CONTENT_TYPES, ...ODD_JSON_CONTENT_TYPES, null)).map(([v, ct]) => json(JSON.stringify(v) ?? "null", ct)),
    },
    // No body where one is required.
    { weight: 1, arbitrary: fc.constant<HostileBody>({ kind: "none" }) },
  );
}

// ---------------------------------------------------------------------------------------------
// Ids and query strings.

const RAW_ID_SEGMENTS = ["%ZZ", "%", "%E0%A4%A", "%ED%A0%80", "%C0%AF", "%FF%FE", "%00", "..", "%2E%2E", "a%2Fb", "%20", "%3F", "%23"];

/** URLs get long strings, not megabytes: the body limit is what guards size, and a URL has its own. */
const urlStringArb = hostileStringArb.map((x) => (x.length > 4_000 ? x.slice(0, 4_000) : x));

/** A path segment that is not the id of anything the person owns. */
export const hostileIdArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.uuid().map((u) => u) },
  { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
  { weight: 3, arbitrary: urlStringArb.filter((x) => x.length > 0).map(percentEncode) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_ID_SEGMENTS) },
);

const queryKeyArb = (declared: string[]) =>
  fc.oneof(
    { weight: declared.length ? 6 : 0, arbitrary: declared.length ? fc.constantFrom(...declared) : fc.constant("x") },
    { weight: 2, arbitrary: fc.constantFrom(...POLLUTION_KEYS, "__proto__[isAdmin]", "constructor[prototype][isAdmin]", "limit[]", "a[b][c]", "") },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 10 }) },
  );

function queryArb(doc: OpenApiDocument, op: Operation): fc.Arbitrary<string> {
  const declared = op.queryParams.map((p) => p.name);
  const valueFor = (key: string) => {
    const param = op.queryParams.find((p) => p.name === key);
    const validish = param ? validishArb(doc, param.schema).map((v) => String(v)) : fc.constant("1");
    return fc.oneof({ weight: 2, arbitrary: validish }, { weight: 3, arbitrary: urlStringArb });
  };
  const pairArb = queryKeyArb(declared).chain((key) =>
    fc.tuple(fc.constant(key), valueFor(key), fc.constantFrom("encoded", "encoded", "encoded", "raw", "broken")),
  );
  return fc.array(pairArb, { maxLength: 4 }).map((pairs) =>
    pairs
      .map(([k, v, how]) => {
        if (how === "raw") return `${k}=${v}`.replace(/[#\s]/g, "");
        if (how === "broken") return `${percentEncode(k)}=${percentEncode(v)}%${v.length % 2 ? "Z" : ""}`;
        return `${percentEncode(k)}=${percentEncode(v)}`;
      })
      .join("&"),
  );
}

/**
 * Requests for one operation. `realIds` are the person's own ids for the path's parameters (if
 * any): most requests use them, so that a hostile body reaches a resource that exists.
 */
export function hostileRequestArb(
  doc: OpenApiDocument,
  op: Operation,
  realIds: Record<string, string> | null,
  options: { useRealIds?: boolean } = {},
): fc.Arbitrary<HostileRequest> {
  const useReal = options.useRealIds !== false && realIds !== null;
  const paramsArb: fc.Arbitrary<Record<string, string>> =
    op.pathParams.length === 0
      ? fc.constant({})
      : fc.oneof(
          { weight: useReal ? 3 : 0, arbitrary: fc.constant(realIds ?? {}) },
          {
            weight: 2,
            arbitrary: fc
              .tuple(...op.pathParams.map((p) => (useReal && realIds?.[p.name] ? fc.oneof(hostileIdArb, fc.constant(realIds[p.name]!)) : hostileIdArb)))
              .map((vals) => Object.fromEntries(op.pathParams.map((p, i) => [p.name, vals[i]!]))),
          },
        );
  const bodyArb: fc.Arbitrary<HostileBody> = op.body
    ? hostileBodyArb(doc, op.body)
    : op.method === "get"
      ? fc.constant({ kind: "none" })
      : fc.oneof({ weight: 3, arbitrary: fc.constant<HostileBody>({ kind: "none" }) }, { weight: 1, arbitrary: hostileValueArb.map((v): HostileBody => ({ kind: "text", text: JSON.stringify(v) ?? "null", contentType: "application/json" })) });
  // With a body to attack, the query is mostly left alone (and the other way round).
  const qArb = op.body ? fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 1, arbitrary: queryArb(doc, op) }) : queryArb(doc, op);
  return fc.tuple(paramsArb, qArb, bodyArb).map(([params, query, body]) => {
    const request: HostileRequest = {
      method: op.method.toUpperCase(),
      url: fillPath(op.path, params) + (query ? `?${query}` : ""),
      body,
    };
    return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
  });
}

/** Short enough for a failure report: huge strings are abbreviated. */
export function describeRequest(r: HostileRequest): string {
  const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 200)}…(${s.length} chars)…${s.slice(-60)}` : s);
  const body =
    r.body.kind === "none"
      ? "no body"
      : r.body.kind === "text"
        ? `${r.body.contentType ?? "no content-type"} ${JSON.stringify(clip(r.body.text))}`
        : `${r.body.contentType ?? "no content-type"} bytes [${clip(Array.from(r.body.bytes).join(","))}]`;
  return `${r.method} ${clip(r.url)} with ${body}`;
}
