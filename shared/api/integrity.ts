/** Channels of 检查与备份. Merged into `channels` in shared/api.ts. */
export const integrityChannels = {} as const;
