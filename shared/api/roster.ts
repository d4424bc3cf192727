/** Channels of the roster import (the file is staged first, see shared/api/staging.ts). Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import type { RosterPreview, RosterResult } from '../domain';

export const rosterChannels = {
  'roster.preview': { input: z.object({ token: z.string() }), output: null as unknown as RosterPreview },
  /** Refused unless every warning of the preview is in `confirmed` (by key). */
  'roster.commit': {
    input: z.object({ token: z.string(), confirmed: z.array(z.string().max(2000)).max(1000).default([]) }),
    output: null as unknown as RosterResult,
  },
} as const;
