/**
 * The OCR pipeline's own geometry (main/ocr/textBoxes.ts, lineCrop.ts), on maps and pages drawn
 * here: blobs of the detector's map become grown, ordered boxes in page pixels, and a line is
 * cut from the page at the recogniser's height the right way round.
 */
import { describe, expect, it } from 'vitest';
import { cropLine, toGray, type Gray } from '../../main/ocr/lineCrop';
import { convexHull, minAreaRect, textBoxes, type Point } from '../../main/ocr/textBoxes';

/** A map of w × h with the pixels inside the rectangle (centre, size, angle in degrees) set. */
function mapWithRect(w: number, h: number, rects: Array<{ cx: number; cy: number; rw: number; rh: number; deg: number }>): Uint8Array {
  const map = new Uint8Array(w * h);
  for (const r of rects) {
    const c = Math.cos((r.deg * Math.PI) / 180);
    const s = Math.sin((r.deg * Math.PI) / 180);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const u = (x - r.cx) * c + (y - r.cy) * s;
        const v = -(x - r.cx) * s + (y - r.cy) * c;
        if (Math.abs(u) <= r.rw / 2 && Math.abs(v) <= r.rh / 2) map[y * w + x] = 1;
      }
    }
  }
  return map;
}

const side = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe('text boxes from the probability map', () => {
  it('finds the minimum-area rectangle of a turned blob', () => {
    const pts: Point[] = [];
    const map = mapWithRect(200, 120, [{ cx: 100, cy: 60, rw: 120, rh: 20, deg: 10 }]);
    for (let i = 0; i < map.length; i++) if (map[i]) pts.push([i % 200, Math.floor(i / 200)]);
    const r = minAreaRect(convexHull(pts));
    const [long, short] = [Math.max(r.w, r.h), Math.min(r.w, r.h)];
    expect(long).toBeGreaterThan(117);
    expect(long).toBeLessThan(122);
    expect(short).toBeGreaterThan(18);
    expect(short).toBeLessThan(22);
    // the long side runs at 10° (either direction of the same line)
    const deg = (Math.atan2(r.w >= r.h ? r.uy : r.ux, r.w >= r.h ? r.ux : -r.uy) * 180) / Math.PI;
    expect(Math.abs(((deg + 180) % 180) - 10)).toBeLessThan(1.5);
  });

  it('gives each line one grown box in page pixels, top-left first, and skips specks', () => {
    const map = mapWithRect(100, 80, [
      { cx: 50, cy: 20, rw: 60, rh: 8, deg: 0 },
      { cx: 40, cy: 50, rw: 40, rh: 10, deg: 0 },
      { cx: 90, cy: 75, rw: 2, rh: 2, deg: 0 },
    ]);
    // a hole in the second blob adds no box of its own
    map[50 * 100 + 40] = 0;
    const boxes = textBoxes(map, 100, 80, 400, 320).sort((a, b) => a[0]![1] - b[0]![1]);
    expect(boxes).toHaveLength(2);
    const [first] = boxes as [Point[]];
    // 61 × 9 pixels grown by area × 1.5 / perimeter ≈ 5.9 on each side, then × 4 to the page
    const d = (60 * 8 * 1.5) / (2 * (60 + 8));
    expect(side(first[0]!, first[1]!)).toBeCloseTo((60 + 2 * d) * 4, -1);
    expect(side(first[0]!, first[3]!)).toBeCloseTo((8 + 2 * d) * 4, -1);
    // top-left, top-right, bottom-right, bottom-left
    expect(first[0]![0]).toBeLessThan(first[1]![0]);
    expect(first[0]![1]).toBeLessThan(first[3]![1]);
    expect(first[2]![0]).toBeGreaterThan(first[3]![0]);
    // the box holds the line's centre, scaled to the page
    const cx = first.reduce((s, p) => s + p[0], 0) / 4;
    const cy = first.reduce((s, p) => s + p[1], 0) / 4;
    expect(Math.abs(cx - 200)).toBeLessThan(4);
    expect(Math.abs(cy - 80)).toBeLessThan(4);
    expect(first.every(([x, y]) => x >= 0 && x <= 400 && y >= 0 && y <= 320)).toBe(true);
  });
});

/** A white page with a dark-to-light ramp inside the box x0..x1, y0..y1 along x (or y). */
function rampPage(x0: number, y0: number, x1: number, y1: number, alongY: boolean): Gray {
  const width = 300;
  const height = 300;
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const t = alongY ? (y - y0) / (y1 - y0) : (x - x0) / (x1 - x0);
      const v = Math.round(200 * t);
      rgba.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return toGray(rgba, width, height);
}

/**
 * Cuts the 200 × 25 ramp line of rampPage(x0, y0, x1, y1, alongY) at 48 px: the strip is 48 high,
 * its width in proportion, dark at its start and light at its end. Returns the strip's middle row.
 */
function cutRamp(x0: number, y0: number, x1: number, y1: number, alongY: boolean) {
  const quad: Array<[number, number]> = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  const strip = cropLine(rampPage(x0, y0, x1, y1, alongY), quad, 48);
  expect(strip.height).toBe(48);
  expect(strip.width).toBe(Math.round((200 * 48) / 25));
  const at = (x: number) => strip.data[24 * strip.width + x]!;
  expect(at(2)).toBeLessThan(20);
  expect(at(strip.width - 3)).toBeGreaterThan(180);
  return { width: strip.width, at };
}

describe('cutting a line at the recogniser height', () => {
  it('keeps a wide line upright, its width in proportion', () => {
    const { width, at } = cutRamp(50, 100, 250, 125, false);
    expect(at(Math.floor(width / 2))).toBeGreaterThan(80);
    expect(at(Math.floor(width / 2))).toBeLessThan(120);
  });

  it('turns a tall line a quarter counter-clockwise: its top comes first', () => {
    cutRamp(100, 40, 125, 240, true);
  });
});
