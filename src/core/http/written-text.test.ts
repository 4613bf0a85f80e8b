import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textWidth, writtenText } from './schemas.js';

test('written text measures Chinese characters as twice as long as Latin letters', () => {
  const cases: Array<[string, number]> = [['park', 4], ['公园', 4], ['社区菜园', 8], ['A 公园', 6], ['', 0], ['😀', 1]];
  for (const [text, width] of cases) assert.equal(textWidth(text), width, text);
  const title = writtenText(5, 20);
  assert.equal(title.safeParse('社区菜园').success, true, 'a four-character Chinese title');
  assert.equal(title.safeParse('  Park  ').success, false, 'four Latin letters are too short');
  assert.equal(title.safeParse('Parks').success, true);
  assert.equal(title.parse('  Parks  '), 'Parks', 'trimmed');
  assert.equal(title.safeParse('x'.repeat(21)).success, false, 'at most 20 characters');
  const issue = title.safeParse('公园').error!.issues[0]!;
  assert.equal(issue.code, 'too_small');
});
