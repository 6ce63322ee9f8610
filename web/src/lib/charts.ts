// The insights page's charts, drawn with Chart.js. Only this module imports Chart.js and the
// insights page loads it with a dynamic import, so the journal page never downloads it. Only the
// pieces used are registered, which keeps the chunk small.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { emotionWord } from "./emotions.ts";
import { valenceWord } from "./format.ts";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, BarController, BarElement, Tooltip, Filler);

export interface Palette {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  surface: string;
  emotions: Record<string, string>;
}

export function readPalette(): Palette {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  const emotions: Record<string, string> = {};
  for (const e of ["joy", "surprise", "neutral", "sadness", "fear", "anger", "disgust"]) emotions[e] = v(`--emo-${e}`);
  return { text: v("--text"), muted: v("--muted"), grid: v("--border"), accent: v("--accent"), surface: v("--surface"), emotions };
}

const reducedMotion = () => matchMedia("(prefers-reduced-motion: reduce)").matches;

export interface MoodSeries {
  labels: string[];
  valence: (number | null)[];
  entries: number[];
  dominant: (string | null)[];
}

export function drawMood(canvas: HTMLCanvasElement, series: MoodSeries, palette: Palette): Chart {
  const config: ChartConfiguration<"line", (number | null)[], string> = {
    type: "line",
    data: {
      labels: series.labels,
      datasets: [
        {
          label: "Average mood",
          data: series.valence,
          borderColor: palette.accent,
          backgroundColor: palette.accent,
          pointRadius: 3.5,
          pointHoverRadius: 6,
          borderWidth: 2.5,
          spanGaps: true,
          tension: 0.3,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion() ? false : { duration: 400 },
      interaction: { mode: "index", intersect: false },
      scales: {
        y: {
          min: -1,
          max: 1,
          grid: { color: palette.grid },
          ticks: {
            color: palette.muted,
            stepSize: 0.5,
            callback: (value) => (value === 1 ? "very positive" : value === 0 ? "neutral" : value === -1 ? "very low" : ""),
          },
        },
        x: { grid: { display: false }, ticks: { color: palette.muted, maxRotation: 0, autoSkipPadding: 12 } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const i = ctx.dataIndex;
              const n = series.entries[i] ?? 0;
              if (!n) return "no entries";
              const dominant = series.dominant[i];
              return `${valenceWord(series.valence[i])}, ${n} ${n === 1 ? "entry" : "entries"}${dominant ? `, mostly ${emotionWord(dominant).toLowerCase()}` : ""}`;
            },
          },
        },
      },
    },
  };
  return new Chart(canvas, config);
}

export function drawDistribution(canvas: HTMLCanvasElement, counts: [string, number][], palette: Palette): Chart {
  const config: ChartConfiguration<"bar", number[], string> = {
    type: "bar",
    data: {
      labels: counts.map(([e]) => emotionWord(e)),
      datasets: [
        {
          label: "Entries",
          data: counts.map(([, n]) => n),
          backgroundColor: counts.map(([e]) => palette.emotions[e] ?? palette.accent),
          borderRadius: 4,
        },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion() ? false : { duration: 400 },
      scales: {
        x: { beginAtZero: true, grid: { color: palette.grid }, ticks: { color: palette.muted, precision: 0 } },
        y: { grid: { display: false }, ticks: { color: palette.text } },
      },
      plugins: { legend: { display: false } },
    },
  };
  return new Chart(canvas, config);
}

export type { Chart };
