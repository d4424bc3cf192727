/** Global search over cadres and materials (with OCR'd pages). Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import type { CadreListRow, MaterialSearchHit } from '../domain';

export const searchChannels = {
  'search.global': {
    input: z.object({ q: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(200).optional() }),
    output: null as unknown as { cadres: CadreListRow[]; materials: MaterialSearchHit[] },
  },
} as const;
