import { test } from 'node:test';
import assert from 'node:assert/strict';
import { digestSlot } from './digest-schedule.js';

const cases: { now: string; zone: string; hour: number; day: string; at: string }[] = [
  { now: '2026-03-02T09:00:00Z', zone: 'UTC', hour: 8, day: '2026-03-02', at: '2026-03-02T08:00:00.000Z' },
  { now: '2026-03-02T08:00:00Z', zone: 'UTC', hour: 8, day: '2026-03-02', at: '2026-03-02T08:00:00.000Z' },
  { now: '2026-03-02T07:59:59Z', zone: 'UTC', hour: 8, day: '2026-03-01', at: '2026-03-01T08:00:00.000Z' },
  { now: '2026-03-01T00:30:00Z', zone: 'UTC', hour: 0, day: '2026-03-01', at: '2026-03-01T00:00:00.000Z' },
  // Shanghai is UTC+8: 08:00 local is midnight UTC.
  { now: '2026-07-02T00:00:00Z', zone: 'Asia/Shanghai', hour: 8, day: '2026-07-02', at: '2026-07-02T00:00:00.000Z' },
  { now: '2026-07-01T23:59:00Z', zone: 'Asia/Shanghai', hour: 8, day: '2026-07-01', at: '2026-07-01T00:00:00.000Z' },
  // New Year across the date line of the zone.
  { now: '2026-01-01T01:00:00Z', zone: 'Asia/Shanghai', hour: 8, day: '2026-01-01', at: '2026-01-01T00:00:00.000Z' },
  { now: '2025-12-31T23:00:00Z', zone: 'Asia/Shanghai', hour: 8, day: '2025-12-31', at: '2025-12-31T00:00:00.000Z' },
  // New York in summer (UTC-4).
  { now: '2026-07-15T13:00:00Z', zone: 'America/New_York', hour: 9, day: '2026-07-15', at: '2026-07-15T13:00:00.000Z' },
];

for (const c of cases) {
  test(`digest slot at ${c.now} in ${c.zone} (hour ${c.hour}) is ${c.day}`, () => {
    const slot = digestSlot(new Date(c.now), c.zone, c.hour);
    assert.equal(slot.day, c.day);
    assert.equal(slot.at.toISOString(), c.at);
    assert.equal(slot.at.getTime() - slot.from.getTime(), 24 * 3_600_000);
    assert.ok(slot.at.getTime() <= new Date(c.now).getTime());
  });
}
