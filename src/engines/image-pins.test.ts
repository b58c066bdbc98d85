import { describe, expect, it } from 'vitest';
import { ConfigError } from '../sources/config-error.js';
import { imageFor, overrideVariable } from './image-pins.js';

describe('image pins', () => {
  it('takes each engine image from the compose pin', () => {
    const choice = imageFor('prometheus', { HARNESS_IMAGE_PROMETHEUS: '' });
    expect(choice.pinned).toMatch(/^prom\/prometheus:v\d+\.\d+\.\d+$/);
  });

  it('lets an environment variable override the pin, and says so', () => {
    const choice = imageFor('alertmanager', { HARNESS_IMAGE_ALERTMANAGER: 'registry.example/am:1.0' });
    expect(choice).toMatchObject({ image: 'registry.example/am:1.0', source: 'environment (HARNESS_IMAGE_ALERTMANAGER)' });
    expect(choice.pinned).toMatch(/^prom\/alertmanager:/);
  });

  it('pins the database outside the services, under x-harness-images', () => {
    expect(imageFor('database', { HARNESS_IMAGE_DATABASE: '' }).pinned).toMatch(/^mysql:\d/);
  });

  it('names the override variable after the engine', () => {
    expect(overrideVariable('mysqld-exporter')).toBe('HARNESS_IMAGE_MYSQLD_EXPORTER');
  });

  it('fails clearly for an engine with no pin', () => {
    expect(() => imageFor('nonexistent' as never, {})).toThrow(ConfigError);
    expect(() => imageFor('nonexistent' as never, {})).toThrow(/no image is pinned for the engine "nonexistent"/);
  });
});
