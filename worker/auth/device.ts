// What a session remembers about where it is used: the client's User-Agent and, on Cloudflare, the
// approximate place the edge attaches to the request (request.cf city and country). Both come from
// outside, so they are read through a schema: cut to size, and dropped (never refused) when odd.
import { z } from "zod";

const USER_AGENT_MAX = 300;
const CITY_MAX = 100;

const clipped = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .transform((s) => s.slice(0, max))
    .nullable()
    .catch(null);

export const DeviceSchema = z.object({
  userAgent: clipped(USER_AGENT_MAX),
  city: clipped(CITY_MAX),
  /** ISO 3166-1 alpha-2, or Cloudflare's T1 (Tor) / XX (unknown). */
  country: z
    .string()
    .regex(/^[A-Z][A-Z0-9]$/)
    .nullable()
    .catch(null),
});

export type Device = z.infer<typeof DeviceSchema>;

export const UNKNOWN_DEVICE: Device = { userAgent: null, city: null, country: null };

/** The device behind a request; the place only when the platform gives it (not in local development). */
export function deviceOf(request: Request): Device {
  const cf = request.cf;
  return DeviceSchema.parse({
    userAgent: request.headers.get("user-agent"),
    city: cf && "city" in cf ? cf.city : null,
    country: cf && "country" in cf ? cf.country : null,
  });
}
