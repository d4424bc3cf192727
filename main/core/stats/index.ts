/** The county's figures (统计): computeStats for the page and CLI, drillStats for the records behind a figure, computeCityStats for the city view. */
export { computeCityStats, type CityQuery } from './city';
export { computeStats } from './compute';
export { drillStats, type DrillQuery } from './drill';
export type { StatsQuery } from './scope';
