/** Channels for the evaluation group. Merged into `channels` in shared/api.ts. */
export const evaluationChannels = {} as const;
