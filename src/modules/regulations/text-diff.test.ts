import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareClauses, diffText, newSide, oldSide, summarizeComparison, tokenize, type ClauseText, type DiffPart } from './text-diff.js';

/** A compact notation for expected diffs: "=same", "-gone", "+new". */
function show(parts: DiffPart[]): string[] {
  return parts.map((p) => `${p.op === 'equal' ? '=' : p.op === 'delete' ? '-' : '+'}${p.text}`);
}

test('tokenize: words, spaces and punctuation in English; one token per Chinese character', () => {
  assert.deepEqual(tokenize('Vendors may trade.'), ['Vendors', ' ', 'may', ' ', 'trade', '.']);
  assert.deepEqual(tokenize('摊贩应当'), ['摊', '贩', '应', '当']);
  assert.deepEqual(tokenize('第3条，摊贩 may'), ['第', '3', '条', '，', '摊', '贩', ' ', 'may']);
  assert.deepEqual(tokenize(''), []);
  assert.equal(tokenize('Line one\nline two').join(''), 'Line one\nline two');
});

const cases: { name: string; a: string; b: string; expected: string[] }[] = [
  { name: 'identical', a: 'Vendors may trade.', b: 'Vendors may trade.', expected: ['=Vendors may trade.'] },
  { name: 'both empty', a: '', b: '', expected: [] },
  { name: 'from nothing', a: '', b: 'New text.', expected: ['+New text.'] },
  { name: 'to nothing', a: 'Old text.', b: '', expected: ['-Old text.'] },
  { name: 'one word changed', a: 'Vendors may trade until 9 pm.', b: 'Vendors may trade until 10 pm.', expected: ['=Vendors may trade until ', '-9', '+10', '= pm.'] },
  { name: 'word inserted', a: 'Vendors may trade.', b: 'Registered vendors may trade.', expected: ['-Vendors', '+Registered vendors', '= may trade.'] },
  { name: 'words appended', a: 'Vendors may trade.', b: 'Vendors may trade on weekdays.', expected: ['=Vendors may trade', '+ on weekdays', '=.'] },
  { name: 'phrase replaced reads as one change', a: 'the red car stops', b: 'a blue bus stops', expected: ['-the red car', '+a blue bus', '= stops'] },
  { name: 'word removed', a: 'Vendors must always keep the pavement clear.', b: 'Vendors must keep the pavement clear.', expected: ['=Vendors must ', '-always ', '=keep the pavement clear.'] },
  { name: 'Chinese: one character changed', a: '摊贩应当在晚上九点前收摊。', b: '摊贩应当在晚上十点前收摊。', expected: ['=摊贩应当在晚上', '-九', '+十', '=点前收摊。'] },
  { name: 'Chinese: characters inserted', a: '摊贩应当保持人行道畅通。', b: '摊贩应当始终保持人行道畅通。', expected: ['=摊贩应当', '+始终', '=保持人行道畅通。'] },
  { name: 'Chinese: phrase deleted', a: '经营者应当于每日营业结束后清扫摊位。', b: '经营者应当清扫摊位。', expected: ['=经营者应当', '-于每日营业结束后', '=清扫摊位。'] },
  { name: 'Chinese: phrase replaced', a: '由城市管理局负责。', b: '由市场监管局负责。', expected: ['=由', '-城市管理', '+市场监管', '=局负责。'] },
  { name: 'mixed Chinese and English', a: '第3条 Vendors 应当登记。', b: '第4条 Vendors 必须登记。', expected: ['=第', '-3', '+4', '=条 Vendors ', '-应当', '+必须', '=登记。'] },
  { name: 'lines', a: 'One.\nTwo.\nThree.', b: 'One.\nThree.', expected: ['=One.\n', '-Two.\n', '=Three.'] },
];

for (const c of cases) {
  test(`diffText: ${c.name}`, () => {
    const parts = diffText(c.a, c.b);
    assert.deepEqual(show(parts), c.expected);
    assert.equal(oldSide(parts), c.a);
    assert.equal(newSide(parts), c.b);
  });
}

test('diffText rebuilds both sides of random edits, and never lists two parts of the same kind in a row', () => {
  const words = ['vendors', 'may', 'trade', ' ', '摊', '贩', '，', '.', '\n', 'until', '9'];
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const text = () => Array.from({ length: Math.floor(random() * 40) }, () => words[Math.floor(random() * words.length)]).join('');
  for (let k = 0; k < 300; k++) {
    const a = text();
    const b = text();
    const parts = diffText(a, b);
    assert.equal(oldSide(parts), a);
    assert.equal(newSide(parts), b);
    for (let i = 1; i < parts.length; i++) assert.notEqual(parts[i]!.op, parts[i - 1]!.op, JSON.stringify(parts));
  }
});

test('diffText falls back to lines, then to a whole replacement, for very long texts', () => {
  // Every 10th of 1,000 lines changed: too many tokens for the word table, so lines are compared.
  const a = Array.from({ length: 1000 }, (_, i) => `line ${i} of the rules`).join('\n');
  const b = Array.from({ length: 1000 }, (_, i) => (i % 10 === 5 ? `line ${i} of the new rules` : `line ${i} of the rules`)).join('\n');
  const byLine = diffText(a, b);
  assert.equal(oldSide(byLine), a);
  assert.equal(newSide(byLine), b);
  assert.equal(byLine.filter((p) => p.op === 'insert').length, 100);
  assert.ok(byLine.filter((p) => p.op === 'insert').every((p) => /^line \d+ of the new rules\n$/.test(p.text)));
  // One long line each, different throughout: replaced as a whole.
  const x = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
  const y = Array.from({ length: 3000 }, (_, i) => `term${i}`).join(' ');
  assert.deepEqual(show(diffText(x, y)), [`-${x}`, `+${y}`]);
  // A long text with a small change at the end is still compared word by word.
  const long = Array.from({ length: 2500 }, (_, i) => `line ${i}`).join('\n');
  assert.deepEqual(show(diffText(long, `${long}\nextra line`)), [`=${long}`, '+\nextra line']);
});

const clause = (id: string, position: number, text: string, extra: Partial<ClauseText> = {}): ClauseText => ({
  id,
  position,
  label: `Article ${position}`,
  labelZh: `第${position}条`,
  text,
  textZh: null,
  ...extra,
});

test('compareClauses: added, removed, changed and unchanged, in the new order, removed after their predecessor', () => {
  const v1 = [clause('a', 1, 'Scope.'), clause('b', 2, 'Hours until 9 pm.'), clause('c', 3, 'Fees.'), clause('d', 4, 'Penalties.')];
  const v2 = [clause('a', 1, 'Scope.'), clause('b', 2, 'Hours until 10 pm.'), clause('e', 3, 'Waste.'), clause('d', 4, 'Penalties.', { label: 'Article 4' })];
  const result = compareClauses(v1, v2);
  assert.deepEqual(
    result.map((r) => [r.clauseId, r.status]),
    [['a', 'unchanged'], ['b', 'changed'], ['c', 'removed'], ['e', 'added'], ['d', 'unchanged']],
  );
  assert.deepEqual(show(result[1]!.diff!), ['=Hours until ', '-9', '+10', '= pm.']);
  assert.equal(result[2]!.to, null);
  assert.equal(result[3]!.from, null);
  assert.deepEqual(summarizeComparison(result), { added: 1, removed: 1, changed: 1, unchanged: 2 });
});

test('compareClauses: a removed first clause comes first; a renumbered label counts as a change', () => {
  const v1 = [clause('a', 1, 'Old first.'), clause('b', 2, 'Second.')];
  const v2 = [clause('b', 1, 'Second.')];
  const result = compareClauses(v1, v2);
  assert.deepEqual(result.map((r) => [r.clauseId, r.status, r.labelChanged]), [['a', 'removed', false], ['b', 'changed', true]]);
});

test('compareClauses: Chinese text compared by characters; moved clauses are flagged', () => {
  const v1 = [clause('a', 1, 'A.', { textZh: '摊贩应当登记。' }), clause('b', 2, 'B.'), clause('c', 3, 'C.')];
  const v2 = [clause('c', 1, 'C.', { label: 'Article 3' , labelZh: '第3条' }), clause('a', 2, 'A.', { label: 'Article 1', labelZh: '第1条', textZh: '摊贩必须登记。' }), clause('b', 3, 'B.', { label: 'Article 2', labelZh: '第2条' })];
  const result = compareClauses(v1, v2);
  assert.deepEqual(result.map((r) => [r.clauseId, r.status, r.moved]), [['c', 'unchanged', true], ['a', 'changed', false], ['b', 'unchanged', false]]);
  assert.deepEqual(show(result[1]!.diffZh!), ['=摊贩', '-应当', '+必须', '=登记。']);
  assert.equal(result[0]!.diffZh, null);
});

test('compareClauses: comparing a version with itself changes nothing', () => {
  const v = [clause('a', 1, 'One.'), clause('b', 2, 'Two.', { textZh: '二。' })];
  assert.deepEqual(summarizeComparison(compareClauses(v, v)), { added: 0, removed: 0, changed: 0, unchanged: 2 });
});
