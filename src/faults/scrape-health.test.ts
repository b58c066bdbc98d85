import { expect, it } from 'vitest';
import { renderScrapeHealth, type JobScrapeHealth } from './scrape-health.js';

const app = (failed: number): JobScrapeHealth => ({ job: 'timetable-app', scrapes: 40, failed, slowestS: failed ? 8.3 : 0.02 });
const self = (failed: number): JobScrapeHealth => ({ job: 'prometheus', scrapes: 24, failed, slowestS: failed ? 9.9 : 0.05 });

it('blames Prometheus for failed scrapes when its self-scrape failed too', () => {
  const text = renderScrapeHealth([app(9), self(17)], 2500);
  expect(text).toContain('timetable-app    9 of 40 scrapes failed, slowest 8.30 s');
  expect(text).toContain('Prometheus failed 17 of 24 scrapes of itself: it could not scrape in time');
  expect(text).toContain('timeout 2.5 s');
});

it('leaves failed scrapes to the targets when Prometheus scraped itself every time', () => {
  expect(renderScrapeHealth([app(9), self(0)], 2500)).toContain("failed scrapes of the other jobs are the targets' own");
});

it('says it cannot tell without a self-scrape', () => {
  expect(renderScrapeHealth([app(9)], 2500)).toContain('no self-scrape (job prometheus) recorded');
});
