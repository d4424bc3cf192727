/** Channels of 数据交换. Merged into `channels` in shared/api.ts. */
export const exchangeChannels = {} as const;
