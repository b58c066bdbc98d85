import { describe, expect, it } from 'vitest';
import { downtimeSummary, lowestPagingErrorRatio, saturatedScrapeDowntimeProblems, type DowntimeEvidence } from './saturated-scrape-downtime.js';

/** Five scrapes 2.5 s apart, the third timed out; the machine at load 60 on 2 cores; no request failed. */
function saturated(): DowntimeEvidence {
  const times = [100, 102.5, 105, 107.5, 110];
  return {
    up: times.map((t) => ({ t, value: t === 105 ? 0 : 1 })),
    scrapeDuration: times.map((t) => ({ t, value: t === 105 ? 2.5013 : 0.04 })),
    scrapeTimeoutS: 2.5,
    load1: [
      { t: 90, value: 60 },
      { t: 104, value: 61 },
    ],
    cores: 2,
    requestErrorRatios: { '5m': 0, '1h': 0, '6h': undefined },
    lastError: '',
  };
}

describe('saturatedScrapeDowntimeProblems: is a burn of downtime the machine, not the app', () => {
  it('accepts down scrapes that ran their whole timeout while the run queue exceeded the cores', () => {
    expect(saturatedScrapeDowntimeProblems(saturated())).toEqual([]);
    expect(saturatedScrapeDowntimeProblems({ ...saturated(), lastError: 'Get "http://host.docker.internal:1234/metrics": context deadline exceeded' })).toEqual([]);
  });

  it('rejects a window without a down scrape: then the burn is not downtime', () => {
    const evidence = saturated();
    evidence.up = evidence.up.map((s) => ({ ...s, value: 1 }));
    expect(saturatedScrapeDowntimeProblems(evidence)).toEqual(['no scrape of the app failed in the window: the burn is not downtime']);
  });

  it('rejects a down scrape that failed before its timeout (refused, or a bad answer)', () => {
    const evidence = saturated();
    evidence.scrapeDuration = evidence.scrapeDuration.map((s) => (s.t === 105 ? { ...s, value: 0.002 } : s));
    expect(saturatedScrapeDowntimeProblems(evidence)).toEqual([expect.stringMatching(/failed after 0\.002 s, before its 2\.5 s timeout/)]);
  });

  it('rejects a timeout while the machine had a core to spare, taking the load sample at or before the scrape', () => {
    const evidence = saturated();
    evidence.load1 = [
      { t: 104, value: 1.5 },
      { t: 106, value: 80 },
    ];
    expect(saturatedScrapeDowntimeProblems(evidence)).toEqual([expect.stringMatching(/load 1\.5 on 2 cores \(0\.75 per core\): the machine was not saturated/)]);
  });

  it('rejects a timeout with no load sample in the lookback before it', () => {
    const evidence = saturated();
    evidence.load1 = [{ t: 105 - 301, value: 60 }];
    expect(saturatedScrapeDowntimeProblems(evidence)).toEqual([expect.stringMatching(/no node_load1 sample in the 300 s before it/)]);
  });

  it('rejects request errors that would page by themselves, at the lowest paging tier', () => {
    expect(saturatedScrapeDowntimeProblems({ ...saturated(), requestErrorRatios: { '5m': lowestPagingErrorRatio } })).toEqual([expect.stringMatching(/failed 6\.00% of its requests over 5m/)]);
    expect(saturatedScrapeDowntimeProblems({ ...saturated(), requestErrorRatios: { '5m': lowestPagingErrorRatio - 0.001 } })).toEqual([]);
  });

  it('rejects a last scrape error other than a timeout, and a missing duration sample', () => {
    expect(saturatedScrapeDowntimeProblems({ ...saturated(), lastError: 'connect: connection refused' })).toEqual([expect.stringMatching(/"connect: connection refused", not a timeout/)]);
    const evidence = saturated();
    evidence.scrapeDuration = evidence.scrapeDuration.filter((s) => s.t !== 105);
    expect(saturatedScrapeDowntimeProblems(evidence)).toEqual([expect.stringMatching(/no scrape_duration_seconds sample/)]);
  });
});

it('summarises the window for the log: failed scrapes, timeouts among them, load per core', () => {
  const evidence: DowntimeEvidence = {
    up: [
      { t: 1, value: 0 },
      { t: 2, value: 0 },
      { t: 3, value: 1 },
    ],
    scrapeDuration: [
      { t: 1, value: 2.6 },
      { t: 2, value: 0.01 },
      { t: 3, value: 0.1 },
    ],
    scrapeTimeoutS: 2.5,
    load1: [
      { t: 0, value: 4 },
      { t: 2, value: 90 },
    ],
    cores: 2,
    requestErrorRatios: {},
    lastError: '',
  };
  expect(downtimeSummary(evidence)).toBe('2 of 3 scrapes of the app failed (1 at their 2.5 s timeout); load per core 2.0-45.0 on 2 cores');
});
