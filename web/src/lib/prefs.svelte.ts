// The signed-in person's settings as every view needs them (the theme above all), and applying the
// theme: system follows the device; light and dark override it at once through <html data-theme>.
import { api } from "./api.ts";
import type { Settings } from "./types.ts";

export type Theme = Settings["theme"];

const THEME_KEY = "tideline.theme";

export const prefs = $state<{ settings: Settings | null }>({ settings: null });

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    if (theme === "system") localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Not remembered across reloads; the settings still hold it.
  }
}

/** The last theme chosen on this device, applied before the settings arrive to avoid a flash. */
export function applyRememberedTheme(): void {
  let theme: string | null = null;
  try {
    theme = localStorage.getItem(THEME_KEY);
  } catch {
    // No storage: system theme.
  }
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
}

export async function loadSettings(): Promise<Settings | null> {
  try {
    const res = await api.api.settings.$get();
    if (!res.ok) return null;
    const settings = await res.json();
    prefs.settings = settings;
    applyTheme(settings.theme);
    return settings;
  } catch {
    return null;
  }
}

export function forgetPrefs(): void {
  prefs.settings = null;
  applyTheme("system");
}
