/**
 * Cuts one text line out of a greyscale page straight at the recogniser's height: the box's
 * rectangle is mapped onto a strip `height` pixels high (width in proportion), each output
 * pixel the mean of bilinear samples over its footprint (no aliasing when shrinking), edges
 * repeated beyond the page. A box at least 1.5 times taller than wide holds vertical text and
 * is turned a quarter counter-clockwise, as PaddleOCR does. No copy of the page is made.
 */
import type { Point } from './textBoxes';

/** One byte per pixel, top row first. */
export interface Gray {
  data: Uint8Array;
  width: number;
  height: number;
}

/** RGBA → grey (ITU-R 601 luma, as OpenCV and libvips compute it). */
export function toGray(rgba: Uint8Array, width: number, height: number): Gray {
  const n = width * height;
  const data = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++, p += 4) data[i] = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114 + 500) / 1000;
  return { data, width, height };
}

const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const int = (n: number) => (n > 0 ? Math.floor(n) : Math.ceil(n));

/** The line in `box` (top-left, top-right, bottom-right, bottom-left) as a grey strip `height` pixels high. */
export function cropLine(page: Gray, box: Point[], height: number): Gray {
  const [p0, p1, , p3] = box as [Point, Point, Point, Point];
  const w = Math.max(1, int(Math.max(dist(box[0]!, box[1]!), dist(box[2]!, box[3]!))));
  const h = Math.max(1, int(Math.max(dist(box[0]!, box[3]!), dist(box[1]!, box[2]!))));
  // unit steps in page pixels along the box's width (u) and height (v)
  const ux = (p1[0] - p0[0]) / w;
  const uy = (p1[1] - p0[1]) / w;
  const vx = (p3[0] - p0[0]) / h;
  const vy = (p3[1] - p0[1]) / h;
  const turned = h / w >= 1.5;
  // the strip's axes in box coordinates: along the strip (a) and across it (b)
  const [lenA, lenB] = turned ? [h, w] : [w, h];
  const outW = Math.max(1, Math.round((lenA * height) / lenB));
  const scale = lenB / height;
  const k = Math.min(4, Math.max(1, Math.ceil(scale)));
  const out = new Uint8Array(outW * height);
  const { data, width: pw, height: ph } = page;
  const sample = (x: number, y: number) => {
    // pixel centres at integer + 0.5; beyond the page the edge is repeated
    const fx = Math.min(pw - 1, Math.max(0, x - 0.5));
    const fy = Math.min(ph - 1, Math.max(0, y - 0.5));
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const x1 = Math.min(pw - 1, x0 + 1);
    const y1 = Math.min(ph - 1, y0 + 1);
    const ax = fx - x0;
    const ay = fy - y0;
    const top = data[y0 * pw + x0]! * (1 - ax) + data[y0 * pw + x1]! * ax;
    const bottom = data[y1 * pw + x0]! * (1 - ax) + data[y1 * pw + x1]! * ax;
    return top * (1 - ay) + bottom * ay;
  };
  const step = 1 / k;
  for (let oy = 0; oy < height; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let sum = 0;
      for (let sy = 0; sy < k; sy++) {
        const b = (oy + (sy + 0.5) * step) * scale;
        for (let sx = 0; sx < k; sx++) {
          const a = (ox + (sx + 0.5) * step) * scale;
          // turned a quarter counter-clockwise: along the strip runs down the box, across it right to left
          const u = turned ? w - b : a;
          const v = turned ? a : b;
          sum += sample(p0[0] + u * ux + v * vx, p0[1] + u * uy + v * vy);
        }
      }
      out[oy * outW + ox] = sum / (k * k);
    }
  }
  return { data: out, width: outW, height };
}
