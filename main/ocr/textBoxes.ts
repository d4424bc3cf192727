/**
 * Text boxes from the detector's probability map, in plain typed-array code (no OpenCV): the
 * DB post-processing of PaddleOCR as @gutenye/ocr did it, i.e. each blob of the thresholded
 * map → its minimum-area rectangle → grown ("unclipped") by area × 1.5 / perimeter on every
 * side → corners in page pixels, ordered top-left, top-right, bottom-right, bottom-left.
 * Blobs are 8-connected regions (OpenCV's outer contours); holes inside a blob give no box.
 */

export type Point = [number, number];

const UNCLIP_RATIO = 1.5;
const MIN_SIDE = 3;

/**
 * Boxes of the blobs of `map` (one byte per pixel, non-zero = text) of size mapW × mapH, scaled
 * to a page of pageW × pageH pixels. `map` is consumed (cleared while walking).
 */
export function textBoxes(map: Uint8Array, mapW: number, mapH: number, pageW: number, pageH: number): Point[][] {
  const boxes: Point[][] = [];
  const stack = new Int32Array(mapW * mapH);
  // per row of the blob: leftmost and rightmost pixel, enough for its convex hull
  const rowMin = new Int32Array(mapH).fill(mapW);
  const rowMax = new Int32Array(mapH).fill(-1);
  const rx = pageW / mapW;
  const ry = pageH / mapH;
  for (let start = 0; start < map.length; start++) {
    if (!map[start]) continue;
    let top = mapH;
    let bottom = -1;
    let sp = 0;
    stack[sp++] = start;
    map[start] = 0;
    while (sp > 0) {
      const i = stack[--sp]!;
      const y = (i / mapW) | 0;
      const x = i - y * mapW;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x < rowMin[y]!) rowMin[y] = x;
      if (x > rowMax[y]!) rowMax[y] = x;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= mapH) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= mapW) continue;
          const n = ny * mapW + nx;
          if (map[n]) {
            map[n] = 0;
            stack[sp++] = n;
          }
        }
      }
    }
    const pts: Point[] = [];
    for (let r = top; r <= bottom; r++) {
      if (rowMax[r]! >= 0) {
        pts.push([rowMin[r]!, r]);
        if (rowMax[r] !== rowMin[r]) pts.push([rowMax[r]!, r]);
      }
      rowMin[r] = mapW;
      rowMax[r] = -1;
    }
    const rect = minAreaRect(convexHull(pts));
    if (Math.min(rect.w, rect.h) < MIN_SIDE) continue;
    const grown = unclip(rect);
    if (Math.min(grown.w, grown.h) < MIN_SIDE + 2) continue;
    const box = orderCorners(corners(grown)).map(
      ([x, y]): Point => [clamp(Math.round(x * rx), 0, pageW), clamp(Math.round(y * ry), 0, pageH)],
    );
    const width = Math.floor(Math.max(dist(box[0]!, box[1]!), dist(box[2]!, box[3]!)));
    const height = Math.floor(Math.max(dist(box[0]!, box[3]!), dist(box[1]!, box[2]!)));
    if (width <= 3 || height <= 3) continue;
    boxes.push(box);
  }
  return boxes;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(n, hi));
const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Andrew's monotone chain; points in any order, hull counter-clockwise without repeats. */
export function convexHull(points: Point[]): Point[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** A rectangle: centre, side lengths along unit direction (ux, uy) and its normal. */
export interface Rect {
  cx: number;
  cy: number;
  w: number;
  h: number;
  ux: number;
  uy: number;
}

/** Minimum-area enclosing rectangle of a convex hull (one side lies on a hull edge). */
export function minAreaRect(hull: Point[]): Rect {
  if (hull.length === 0) return { cx: 0, cy: 0, w: 0, h: 0, ux: 1, uy: 0 };
  if (hull.length === 1) return { cx: hull[0]![0], cy: hull[0]![1], w: 0, h: 0, ux: 1, uy: 0 };
  let best: Rect | null = null;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const ux = (b[0] - a[0]) / len;
    const uy = (b[1] - a[1]) / len;
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const u = p[0] * ux + p[1] * uy;
      const v = -p[0] * uy + p[1] * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = { cx: cu * ux - cv * uy, cy: cu * uy + cv * ux, w: maxU - minU, h: maxV - minV, ux, uy };
    }
  }
  return best ?? { cx: hull[0]![0], cy: hull[0]![1], w: 0, h: 0, ux: 1, uy: 0 };
}

/**
 * The rectangle grown by area × ratio / perimeter on every side. (Offsetting a rectangle with
 * round joins and taking the minimum-area rectangle of the result, as PaddleOCR does with
 * Clipper, gives exactly this.)
 */
export function unclip(r: Rect): Rect {
  const perimeter = 2 * (r.w + r.h);
  const d = perimeter > 0 ? (r.w * r.h * UNCLIP_RATIO) / perimeter : 0;
  return { ...r, w: r.w + 2 * d, h: r.h + 2 * d };
}

function corners(r: Rect): Point[] {
  const [hw, hh] = [r.w / 2, r.h / 2];
  const [vx, vy] = [-r.uy, r.ux];
  return [
    [r.cx - hw * r.ux - hh * vx, r.cy - hw * r.uy - hh * vy],
    [r.cx + hw * r.ux - hh * vx, r.cy + hw * r.uy - hh * vy],
    [r.cx + hw * r.ux + hh * vx, r.cy + hw * r.uy + hh * vy],
    [r.cx - hw * r.ux + hh * vx, r.cy - hw * r.uy + hh * vy],
  ];
}

/** Of the two leftmost corners the upper is top-left, of the two rightmost the upper is top-right. */
export function orderCorners(pts: Point[]): Point[] {
  const p = [...pts].sort((a, b) => a[0] - b[0]);
  const [tl, bl] = p[1]![1] > p[0]![1] ? [p[0]!, p[1]!] : [p[1]!, p[0]!];
  const [tr, br] = p[3]![1] > p[2]![1] ? [p[2]!, p[3]!] : [p[3]!, p[2]!];
  return [tl, tr, br, bl];
}
