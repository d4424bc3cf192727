/**
 * Where the invisible text layer puts a recognised line: the upright image OCR read is the
 * viewed page turned clockwise, so its corners must land on the right corners of the place
 * the page is drawn, and its lines must run in the direction the words run on the page.
 */
import { describe, expect, it } from 'vitest';
import { uprightToUser, type Affine } from '../../main/dossier/compose/textLayer';

const apply = (m: Affine, u: number, v: number) => [m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]];
// the page is drawn 300 × 400 at (10, 20), top-down user space
const rect = { x: 10, y: 20, w: 300, h: 400 };
const TL = [10, 20];
const TR = [310, 20];
const BL = [10, 420];
const BR = [310, 420];

describe('uprightToUser', () => {
  it('maps an upright reading straight onto the page, scaled', () => {
    const m = uprightToUser(rect, { rotation: 0, width: 1500, height: 2000 });
    expect(apply(m, 0, 0)).toEqual(TL);
    expect(apply(m, 1500, 2000)).toEqual(BR);
    expect(apply(m, 750, 1000)).toEqual([160, 220]);
  });

  it('undoes each turn: the upright image’s top-left corner is where the text starts on the page', () => {
    // a page scanned sideways, read after turning it 90° clockwise: its text runs up the page from the bottom left
    const r90 = uprightToUser(rect, { rotation: 90, width: 2000, height: 1500 });
    expect(apply(r90, 0, 0)).toEqual(BL);
    expect(apply(r90, 2000, 0)).toEqual(TL);
    expect(apply(r90, 2000, 1500)).toEqual(TR);
    const r180 = uprightToUser(rect, { rotation: 180, width: 1500, height: 2000 });
    expect(apply(r180, 0, 0)).toEqual(BR);
    expect(apply(r180, 1500, 2000)).toEqual(TL);
    const r270 = uprightToUser(rect, { rotation: 270, width: 2000, height: 1500 });
    expect(apply(r270, 0, 0)).toEqual(TR);
    expect(apply(r270, 2000, 0)).toEqual(BR);
    expect(apply(r270, 0, 1500)).toEqual(TL);
  });
});
