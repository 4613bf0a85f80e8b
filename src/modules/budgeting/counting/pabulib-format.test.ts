import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PabulibError } from './errors.js';
import { electionFromPabulib, parseDecimal, parsePabulib, tryParsePabulib, writePabulib } from './pabulib.js';

const lines = (...rows: string[]) => rows.join('\r\n');

const sample = lines(
  '\ufeffMeta',
  'key;value',
  'description;"Budget; with a semicolon"',
  'country;Poland',
  'unit;Gdańsk',
  'instance;2024',
  'num_projects;3',
  'num_votes;4',
  'budget;1000,50',
  'vote_type;choose-1',
  'rule;greedy',
  'date_begin;2024',
  'date_end;2024',
  'comment;None',
  '',
  'PROJECTS',
  'project_id;cost;votes;name;category;selected;latitude;longitude;description;target',
  '1;500,25;2;"Park ""Zielony""; benches";"green,sport";1;54.35;18.64;"two',
  'lines";None',
  '2;250;1;Library;culture;0;None;None;None;seniors,children',
  '10;0;0;Free concert;None;0;None;None;None;None',
  '',
  'votes',
  'voter_id;vote;age;sex',
  'a;1;33;F',
  'b;1;None;M',
  'c;2;51;None',
  'd;;;',
  '',
);

test('reads a file with a BOM, any-case titles, quoted fields (;, "" and a newline), None, decimal commas and blank lines', () => {
  const file = parsePabulib(sample);
  assert.equal(file.meta.description, 'Budget; with a semicolon');
  assert.equal(file.meta.comment, 'None', 'META keeps values as written');
  assert.equal(file.budget, 1000.5);
  assert.equal(file.voteType, 'approval', 'choose-1 is read as approval');
  assert.equal(file.meta.vote_type, 'choose-1');
  assert.deepEqual(file.warnings, []);
  assert.equal(file.projects.length, 3);
  assert.deepEqual(file.projects[0], {
    id: '1',
    cost: 500.25,
    votes: 2,
    name: 'Park "Zielony"; benches',
    category: ['green', 'sport'],
    selected: 1,
    latitude: 54.35,
    longitude: 18.64,
    description: 'two\r\nlines',
    extra: {},
  });
  assert.deepEqual(file.projects[1]!.target, ['seniors', 'children']);
  assert.equal(file.projects[1]!.latitude, undefined);
  assert.equal(file.projects[2]!.cost, 0);
  assert.deepEqual(file.ballots, [
    { voterId: 'a', projects: ['1'], attributes: { age: '33', sex: 'F' } },
    { voterId: 'b', projects: ['1'], attributes: { sex: 'M' } },
    { voterId: 'c', projects: ['2'], attributes: { age: '51' } },
    { voterId: 'd', projects: [], attributes: {} },
  ]);
  assert.deepEqual(file.projectColumns.slice(0, 3), ['project_id', 'cost', 'votes']);
  assert.deepEqual(file.voterColumns, ['voter_id', 'vote', 'age', 'sex']);
  const election = electionFromPabulib(file);
  assert.deepEqual(election.projects, [
    { id: '1', cost: 500.25 },
    { id: '2', cost: 250 },
    { id: '10', cost: 0 },
  ]);
  assert.deepEqual(election.ballots[3], { projects: [] });
});

test('reads cumulative points and ordinal rankings in their order', () => {
  const head = (type: string) => ['META', 'key;value', 'budget;100', `vote_type;${type}`, 'PROJECTS', 'project_id;cost', 'x;10', 'y;20', 'z;30', 'VOTES'];
  const cumulative = parsePabulib([...head('cumulative'), 'voter_id;vote;points', '1;z,x;3,1.5', '2;;'].join('\n'));
  assert.deepEqual(cumulative.ballots[0], { voterId: '1', projects: ['z', 'x'], points: [3, 1.5], attributes: {} });
  assert.deepEqual(cumulative.ballots[1], { voterId: '2', projects: [], points: [], attributes: {} });
  const ordinal = parsePabulib([...head('ordinal'), 'voter_id;vote', '1;y,z,x'].join('\n'));
  assert.equal(ordinal.voteType, 'ordinal');
  assert.deepEqual(ordinal.ballots[0]!.projects, ['y', 'z', 'x']);
  assert.equal(ordinal.ballots[0]!.points, undefined);
  const approval = parsePabulib([...head('approval'), 'voter_id;vote', '1;x,y,x'].join('\n'));
  assert.deepEqual(approval.ballots[0]!.projects, ['x', 'y'], 'an approval named twice counts once');
});

test('decimal numbers: point or comma, nothing else', () => {
  assert.equal(parseDecimal('2532645.83'), 2532645.83);
  assert.equal(parseDecimal(' 12,5 '), 12.5);
  assert.equal(parseDecimal('7'), 7);
  assert.equal(parseDecimal('1,000,000'), null);
  assert.equal(parseDecimal('abc'), null);
  assert.equal(parseDecimal(''), null);
  assert.equal(parseDecimal('1e5'), null);
});

test('malformed files are typed errors with the line', () => {
  const base = ['META', 'key;value', 'budget;100', 'vote_type;approval', 'PROJECTS', 'project_id;cost', 'x;10', 'y;20', 'VOTES', 'voter_id;vote'];
  const cases: Array<[string[], number, RegExp]> = [
    [[...base, '1;x', '2;w'], 12, /unknown project "w"/],
    [[...base.slice(0, 7), 'x;30', ...base.slice(7)], 8, /project x appears twice/],
    [[...base.slice(0, 6), 'x;ten', ...base.slice(7)], 7, /cost "ten"/],
    [[...base.slice(0, 6), 'x;None', ...base.slice(7)], 7, /has no cost/],
    [[...base.slice(0, 5), 'project_id;price', ...base.slice(6)], 6, /project_id and cost/],
    [[...base, '1;"x'], 11, /quoted field is not closed/],
    [['hello', ...base], 1, /before the META section/],
    [[...base.slice(0, 8)], 0, /no VOTES section/],
    [[...base.slice(0, 3), 'vote_type;borda', ...base.slice(4), '1;x'], 0, /unknown vote_type "borda"/],
    [[...base.slice(0, 2), ...base.slice(3), '1;x'], 0, /no budget/],
    [[...base, '1;x;extra'], 11, /3 fields but the header has 2/],
    [[...base, 'META'], 11, /META section appears twice/],
  ];
  for (const [rows, line, reason] of cases) {
    assert.throws(
      () => parsePabulib(rows.join('\n')),
      (error: unknown) => error instanceof PabulibError && error.code === 'pabulib_malformed' && error.line === line && reason.test(error.reason),
      `${reason}`,
    );
  }
  const cumulative = ['META', 'key;value', 'budget;100', 'vote_type;cumulative', 'PROJECTS', 'project_id;cost', 'x;10', 'VOTES', 'voter_id;vote;points', '1;x;1,2'];
  assert.throws(() => parsePabulib(cumulative.join('\n')), (e: unknown) => e instanceof PabulibError && e.line === 10 && /1 projects but 2 points/.test(e.reason));
  const failure = tryParsePabulib([...base, '1;w'].join('\n'));
  assert.equal(failure.ok, false);
  if (!failure.ok) assert.deepEqual(failure.params, { line: 11, reason: 'voter 1 votes for unknown project "w"' });
  const counts = parsePabulib([...base.slice(0, 3), 'num_votes;5', ...base.slice(3), '1;x'].join('\n'));
  assert.deepEqual(counts.warnings, ['num_votes is 5 but the file has 1 votes']);
});

test('writes an anonymized file: ballots shuffled with the seed, numbered 1..n, without voter data, and it reads back', () => {
  const file = parsePabulib(sample);
  const text = writePabulib(file, { seed: 7 });
  assert.ok(!text.includes('age'), 'no voter attributes');
  assert.ok(!/^a;/m.test(text), 'no original voter ids');
  const back = parsePabulib(text);
  assert.deepEqual(back.meta, { ...file.meta, num_projects: '3', num_votes: '4' });
  assert.deepEqual(back.projects, file.projects);
  assert.deepEqual(back.ballots.map((b) => b.voterId), ['1', '2', '3', '4']);
  assert.deepEqual(back.ballots.map((b) => b.projects.join(',')).sort(), file.ballots.map((b) => b.projects.join(',')).sort());
  for (const ballot of back.ballots) assert.deepEqual(ballot.attributes, {});
  assert.equal(writePabulib(file, { seed: 7 }), text, 'the same seed gives the same file');
  const orders = new Set<string>();
  for (let seed = 0; seed < 10; seed += 1) orders.add(parsePabulib(writePabulib(file, { seed })).ballots.map((b) => b.projects.join('|')).join(' '));
  assert.ok(orders.size > 1, 'different seeds shuffle differently');

  const cumulative = parsePabulib(['META', 'key;value', 'budget;100', 'vote_type;cumulative', 'PROJECTS', 'project_id;cost', 'x;10', 'y;20', 'VOTES', 'voter_id;vote;points;age', '9;x,y;2,1;40'].join('\n'));
  const cumulativeBack = parsePabulib(writePabulib(cumulative, { seed: 1 }));
  assert.deepEqual(cumulativeBack.ballots, [{ voterId: '1', projects: ['x', 'y'], points: [2, 1], attributes: {} }]);
});
