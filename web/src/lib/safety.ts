// Crisis lines as the web app shows them: links that dial, text or open each line, country names in
// words, and the public list of lines for a country (the "Get help now" page works signed out too).
import { publicApi } from "./api.ts";
import { failure } from "./resource.svelte.ts";
import type { SafetyDirectory } from "./types.ts";

/** `tel:` wants the digits (and a leading +) without the spaces the number is written with. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;
export const smsHref = (number: string) => `sms:${number.replace(/[^\d+]/g, "")}`;

/** "https://www.samaritans.org/…" → "samaritans.org": what a link to a line's site reads as. */
export function siteName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

let regionNames: Intl.DisplayNames | null | undefined;

/** "GB" → "United Kingdom"; the code itself where the browser has no name for it. */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(["en"], { type: "region" });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Country codes sorted by their names, as a select lists them. */
export const byCountryName = (codes: readonly string[]) =>
  [...codes].sort((a, b) => countryName(a).localeCompare(countryName(b), "en"));

/** The lines for a country (null: the international directories only) and the countries that have lines. */
export async function fetchDirectory(country: string | null): Promise<SafetyDirectory> {
  const res = await publicApi.api.safety.resources.$get({ query: country ? { country } : {} });
  if (!res.ok) throw await failure(res);
  return res.json();
}
