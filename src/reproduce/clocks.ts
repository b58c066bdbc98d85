import { formatDuration } from '../prometheus-rules/duration.js';

/** Simulated time reads as a Prometheus duration (`5m15s`). */
export const simulatedTime = (ms: number) => formatDuration(Math.round(ms));

/** Live time reads as seconds since the incident was injected (`+4.2s`). */
export const liveTime = (ms: number) => `+${(ms / 1000).toFixed(1)}s`;
