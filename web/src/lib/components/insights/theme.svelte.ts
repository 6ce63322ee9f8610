// The insights panels' shared wiring: charts take their colours from the theme and are redrawn
// when it changes (system setting or the app's own switch), and a panel reloads when the page says
// the figures changed (a new entry, in this tab or another).
import { onDestroy, onMount, untrack } from "svelte";

/** A counter that goes up whenever the light/dark palette changes; read it in a chart's effect. */
export function paletteVersion(): { readonly value: number } {
  let version = $state(0);
  let stop: (() => void)[] = [];
  onMount(() => {
    const media = matchMedia("(prefers-color-scheme: dark)");
    const bump = () => (version += 1);
    media.addEventListener("change", bump);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    stop = [() => media.removeEventListener("change", bump), () => observer.disconnect()];
  });
  onDestroy(() => stop.forEach((s) => s()));
  return {
    get value() {
      return version;
    },
  };
}

/** Runs `load` now and again each time `refresh()` answers a new number (the page's live counter). */
export function loadOnRefresh(refresh: () => number, load: () => unknown): void {
  $effect(() => {
    refresh();
    untrack(() => void load());
  });
}

/** The message every chart shows when Chart.js cannot be fetched. */
export const CHART_PROBLEM = "The charts could not be loaded. Check your connection and reload the page.";
