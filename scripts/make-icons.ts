// Draws the app's icons (web/static/icons/*.png) from the same design as web/static/favicon.svg: a
// deep teal square with one light wave. Run once after changing the design: `node scripts/make-icons.ts`.
// PNGs are written by hand (zlib and a CRC), so no image library is needed for four small files.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";

const BACKGROUND = [0x1f, 0x5f, 0x6b] as const;
const WAVE = [0xe8, 0xf3, 0xf1] as const;

/** The favicon's wave, in its 32-unit box: two cubic curves, M5 19 c4-5 7-5 11 0 s7 5 11 0. */
const CURVES: [number, number][][] = [
  [[5, 19], [9, 14], [12, 14], [16, 19]],
  [[16, 19], [20, 24], [23, 24], [27, 19]],
];
const STROKE_RADIUS = 1.5;

function wavePoints(): [number, number][] {
  const points: [number, number][] = [];
  for (const [p0, p1, p2, p3] of CURVES) {
    for (let i = 0; i <= 400; i++) {
      const t = i / 400;
      const u = 1 - t;
      const x = u ** 3 * p0![0] + 3 * u * u * t * p1![0] + 3 * u * t * t * p2![0] + t ** 3 * p3![0];
      const y = u ** 3 * p0![1] + 3 * u * u * t * p1![1] + 3 * u * t * t * p2![1] + t ** 3 * p3![1];
      points.push([x, y]);
    }
  }
  return points;
}

const points = wavePoints();
const onWave = (x: number, y: number) => points.some(([px, py]) => (px - x) ** 2 + (py - y) ** 2 <= STROKE_RADIUS ** 2);

/**
 * One icon. `rounded`: the favicon's rounded corners on a transparent ground; otherwise full bleed
 * (a maskable icon, whose wave is shrunk into the middle 80% that every mask keeps).
 */
function draw(size: number, rounded: boolean): Buffer {
  const samples = 4;
  const scale = 32 / size;
  const inner = rounded ? 1 : 0.8;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      let wave = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const ux = (x + (sx + 0.5) / samples) * scale;
          const uy = (y + (sy + 0.5) / samples) * scale;
          const cornerX = Math.max(0, Math.abs(ux - 16) - 8);
          const cornerY = Math.max(0, Math.abs(uy - 16) - 8);
          if (rounded && cornerX * cornerX + cornerY * cornerY > 64) continue;
          inside++;
          if (onWave(16 + (ux - 16) / inner, 16 + (uy - 16) / inner)) wave++;
        }
      }
      const total = samples * samples;
      const share = inside ? wave / inside : 0;
      const at = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) rgba[at + c] = Math.round(BACKGROUND[c]! * (1 - share) + WAVE[c]! * share);
      rgba[at + 3] = Math.round((255 * inside) / total);
    }
  }
  return png(size, rgba);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const dir = join(import.meta.dirname, "..", "web", "static", "icons");
mkdirSync(dir, { recursive: true });
const icons = [
  ["icon-192.png", 192, true],
  ["icon-512.png", 512, true],
  ["maskable-512.png", 512, false],
  ["apple-touch-icon.png", 180, false],
] as const;
for (const [name, size, rounded] of icons) {
  writeFileSync(join(dir, name), draw(size, rounded));
  console.log(`wrote web/static/icons/${name} (${size}×${size})`);
}
