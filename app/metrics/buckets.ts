/**
 * Bucket boundaries the alerts and dashboards are written against (monitoring/metrics-contract.yml).
 * HighLatency asks for P95 > 1 s and HighLatencyP99 for P99 > 2 s, so 1 and 2 must be
 * boundaries: histogram_quantile is only exact at boundaries (check rules/quantile-buckets). Changing a list here is a contract change; the contract test catches drift.
 */

/** 1 ms to 5 s: HTTP request and DB query durations share them, so their quantiles compare. */
export const durationSecondsBuckets: readonly number[] = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5];

/** 100 B to 1 MB, by factors of ten: request and response bodies. */
export const sizeBytesBuckets: readonly number[] = [100, 1_000, 10_000, 100_000, 1_000_000];
