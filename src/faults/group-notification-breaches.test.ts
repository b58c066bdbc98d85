import { describe, expect, it } from 'vitest';
import { groupNotificationBreaches } from './group-notification-breaches.js';
import type { StormNotification } from './storm-notifications.js';

const timers = { groupIntervalMs: 6_000, repeatIntervalMs: 360_000 };
const at = (seq: number, seconds: number, firing: number, status: StormNotification['status'] = 'firing'): StormNotification => ({
  seq,
  receivedAt: seconds * 1000,
  integration: 'pagerduty',
  status,
  alertname: 'ApplicationDown',
  firing,
  bytes: 1,
  alertList: '',
  body: {},
});

describe('groupNotificationBreaches', () => {
  it('accepts a group that grows once per group_interval, then resolves', () => {
    expect(groupNotificationBreaches([at(1, 0, 120), at(2, 6, 500)], 'growing', timers)).toEqual([]);
    expect(groupNotificationBreaches([at(3, 20, 200), at(4, 26, 0, 'resolved')], 'resolving', timers)).toEqual([]);
  });

  it('flags a notification that adds nothing before repeat_interval', () => {
    expect(groupNotificationBreaches([at(1, 0, 500), at(2, 6, 500)], 'growing', timers)).toEqual(['#2 (ApplicationDown, 500 firing) came 6.0s after #1 (500 firing) with nothing added']);
  });

  it('accepts the same count again once repeat_interval has passed', () => {
    expect(groupNotificationBreaches([at(1, 0, 500), at(2, 360, 500)], 'growing', timers)).toEqual([]);
  });

  it('flags more notifications than one per half group_interval', () => {
    expect(groupNotificationBreaches([at(1, 0, 1), at(2, 1, 2), at(3, 2, 3)], 'growing', timers)).toEqual([
      '3 growing notifications of ApplicationDown within 2.0s: more than one per half group_interval (6s) allows (1)',
    ]);
  });

  it('wants a resolving group to end RESOLVED', () => {
    expect(groupNotificationBreaches([at(5, 0, 300)], 'resolving', timers)).toEqual(['the last notification of ApplicationDown (#5) is not RESOLVED']);
  });
});
