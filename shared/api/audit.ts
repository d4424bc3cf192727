/** Channels of 审计日志. Merged into `channels` in shared/api.ts. */
export const auditChannels = {} as const;
