import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createTestPlatform, testConfig, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { buildApp } from '../../server/app.js';
import { modules } from '../../server/modules.js';
import { childText, readXml, type XmlElement } from './open311/read-xml.js';
import { escapeXml, toXml } from './open311/format.js';
import { newCategory } from './testing.js';

let p: TestPlatform;
let admin: TestUser;
let areas: Awaited<ReturnType<typeof createAreas>>;
let streets: Awaited<ReturnType<typeof createDepartment>>;
let district: Awaited<ReturnType<typeof createDepartment>>;
let light: { id: string; code: string };
let apiKey: string;

const PERSONAL = { email: 'jane.private@example.test', first_name: 'Janeprivate', last_name: 'Doeprivate', phone: '+86 555 0199 7788' };

before(async () => {
  p = await createTestPlatform();
  p.clock.set('2026-03-02T09:00:00Z');
  areas = await createAreas(p);
  streets = await createDepartment(p, 'Streets Department');
  district = await createDepartment(p, 'District Office');
  admin = await createUser(p, { roles: ['administrator'] });
  light = await newCategory(p, streets.id, { code: 'LIGHT', name: 'Street light not working', workingDays: 5 });
  await api(p, { method: 'PATCH', url: `/api/v1/problem-reports/categories/${light.id}`, as: admin, body: { group: 'Streets', groupZh: '街道', nameZh: '路灯不亮', keywords: 'lamp, dark' } });
  const routes = await api(p, { method: 'PUT', url: `/api/v1/problem-reports/categories/${light.id}/routes`, as: admin, body: { routes: [{ areaId: areas.districtId, departmentId: district.id }] } });
  assert.equal(routes.statusCode, 200, routes.body);
  const key = await api(p, { method: 'POST', url: '/api/v1/problem-reports/api-keys', as: admin, body: { label: 'FixIt app' } });
  assert.equal(key.statusCode, 201, key.body);
  apiKey = key.json().secret;
});
after(async () => {
  await p?.close();
});

/** A plain HTTP call as an Open311 client makes it: no cookie, no CSRF token. */
async function call(method: 'GET' | 'POST', url: string, options: { form?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  let payload: string | undefined;
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(options.form).toString();
  }
  return p.app.inject({ method, url, headers, payload });
}

function xml(res: { headers: Record<string, unknown>; body: string }): XmlElement {
  assert.match(String(res.headers['content-type']), /^text\/xml; charset=utf-8/);
  assert.ok(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
  return readXml(res.body);
}

async function post(form: Record<string, string>, format: 'json' | 'xml' = 'json', headers: Record<string, string> = {}) {
  return call('POST', `/open311/v2/requests.${format}`, { form: { api_key: apiKey, service_code: 'LIGHT', ...form }, headers });
}

test('service discovery, in JSON and well-formed XML, names this endpoint and both formats', async () => {
  const json = await call('GET', '/open311/v2/discovery.json');
  assert.equal(json.statusCode, 200, json.body);
  assert.match(String(json.headers['content-type']), /^application\/json; charset=utf-8/);
  const discovery = json.json();
  assert.equal(discovery.endpoints.length, 1);
  assert.equal(discovery.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
  assert.match(discovery.endpoints[0].url, /\/open311\/v2$/);
  assert.deepEqual(discovery.endpoints[0].formats, ['text/xml', 'application/json']);
  assert.match(discovery.changeset, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  const doc = xml(await call('GET', '/open311/v2/discovery.xml'));
  assert.equal(doc.name, 'discovery');
  const endpoint = doc.children.find((c) => c.name === 'endpoints')!.children[0]!;
  assert.equal(endpoint.name, 'endpoint');
  assert.deepEqual(endpoint.children.find((c) => c.name === 'formats')!.children.map((f) => [f.name, f.text]), [['format', 'text/xml'], ['format', 'application/json']]);
  assert.equal((await call('GET', '/open311/v2/discovery.html')).statusCode, 400);
});

test('services list the routing table in the language asked for; a definition offers the area attribute; unknown codes are a 404 in the spec format', async () => {
  const services = (await call('GET', '/open311/v2/services.json')).json();
  assert.deepEqual(services.find((s: { service_code: string }) => s.service_code === 'LIGHT'), {
    service_code: 'LIGHT',
    service_name: 'Street light not working',
    description: '',
    metadata: true,
    type: 'realtime',
    keywords: 'lamp, dark',
    group: 'Streets',
  });
  const zh = (await call('GET', '/open311/v2/services.json', { headers: { 'accept-language': 'zh-CN' } })).json();
  assert.equal(zh.find((s: { service_code: string }) => s.service_code === 'LIGHT').service_name, '路灯不亮');
  const doc = xml(await call('GET', '/open311/v2/services.xml'));
  assert.equal(doc.name, 'services');
  assert.ok(doc.children.every((c) => c.name === 'service'));
  const service = doc.children.find((c) => childText(c, 'service_code') === 'LIGHT')!;
  assert.deepEqual([childText(service, 'metadata'), childText(service, 'type'), childText(service, 'group')], ['true', 'realtime', 'Streets']);

  const definition = (await call('GET', '/open311/v2/services/LIGHT.json')).json();
  assert.equal(definition.service_code, 'LIGHT');
  const area = definition.attributes[0];
  assert.deepEqual([area.code, area.datatype, area.required, area.variable], ['area', 'singlevaluelist', false, true]);
  assert.ok(area.values.some((v: { key: string }) => v.key === areas.hoodSlug));
  const definitionXml = xml(await call('GET', '/open311/v2/services/LIGHT.xml'));
  assert.equal(definitionXml.name, 'service_definition');
  const attribute = definitionXml.children.find((c) => c.name === 'attributes')!.children[0]!;
  assert.equal(attribute.name, 'attribute');
  assert.ok(attribute.children.find((c) => c.name === 'values')!.children.every((v) => v.name === 'value' && v.children.map((x) => x.name).join() === 'key,name'));

  const missing = await call('GET', '/open311/v2/services/NOPE.json');
  assert.equal(missing.statusCode, 404);
  assert.deepEqual(Object.keys(missing.json()[0]), ['code', 'description']);
  assert.equal(missing.json()[0].code, 404);
  const missingXml = await call('GET', '/open311/v2/services/NOPE.xml');
  assert.equal(missingXml.statusCode, 404);
  const errors = xml(missingXml);
  assert.equal(errors.name, 'errors');
  assert.equal(childText(errors.children[0]!, 'code'), '404');
  const nowhere = await call('GET', '/open311/v2/no-such-thing.xml');
  assert.equal(nowhere.statusCode, 404, 'unknown paths under /open311 answer in the spec format, never the web app');
  assert.equal(xml(nowhere).name, 'errors');
});

test('the one jurisdiction: its id (the top area by default) is accepted, any other is a 404', async () => {
  assert.equal((await call('GET', `/open311/v2/services.json?jurisdiction_id=${areas.citySlug}`)).statusCode, 200);
  const wrong = await call('GET', '/open311/v2/services.json?jurisdiction_id=elsewhere');
  assert.equal(wrong.statusCode, 404);
  assert.equal(wrong.json()[0].code, 404);
  assert.match(wrong.json()[0].description, /jurisdiction_id/);
  const posted = await post({ jurisdiction_id: 'elsewhere', lat: '31.2', long: '121.4' });
  assert.equal(posted.statusCode, 404);
  const set = await api(p, { method: 'PUT', url: '/api/v1/problem-reports/open311-settings', as: admin, body: { jurisdictionId: 'test-city', contact: 'desk@example.test' } });
  assert.equal(set.statusCode, 200, set.body);
  assert.equal((await call('GET', '/open311/v2/services.json?jurisdiction_id=test-city')).statusCode, 200);
  assert.equal((await call('GET', `/open311/v2/services.json?jurisdiction_id=${areas.citySlug}`)).statusCode, 404);
  assert.equal((await call('GET', '/open311/v2/discovery.json')).json().contact, 'desk@example.test');
});

test('an Open311 client posts a request with an API key (form-encoded), reads it back after the department updates it, in JSON and XML', async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const posted = await post(
    { lat: '31.2304', long: '121.4737', address_string: 'Lake Road 12', description: 'Lamp flickers all night.', 'attribute[area]': areas.hoodSlug, media_url: 'https://photos.example.test/lamp.jpg', ...PERSONAL },
    'json',
    { origin: 'https://fixit.example.test' },
  );
  assert.equal(posted.statusCode, 200, posted.body);
  assert.equal(posted.headers['access-control-allow-origin'], '*');
  const [created] = posted.json();
  assert.deepEqual(Object.keys(created), ['service_request_id', 'service_notice', 'account_id']);
  assert.match(created.service_notice, /District Office/, 'routed by the area attribute to the district override');
  const id = created.service_request_id;

  const read = async (format: 'json' | 'xml') => call('GET', `/open311/v2/requests/${id}.${format}`);
  let [request] = (await read('json')).json();
  assert.deepEqual(
    { ...request, requested_datetime: undefined, updated_datetime: undefined },
    {
      service_request_id: id,
      status: 'open',
      status_notes: null,
      service_name: 'Street light not working',
      service_code: 'LIGHT',
      description: 'Lamp flickers all night.',
      agency_responsible: 'District Office',
      service_notice: null,
      requested_datetime: undefined,
      updated_datetime: undefined,
      expected_datetime: '2026-03-10T00:00:00Z',
      address: 'Lake Road 12',
      address_id: null,
      zipcode: null,
      lat: 31.2304,
      long: 121.4737,
      media_url: 'https://photos.example.test/lamp.jpg',
    },
  );
  // Filed on Monday 2 March; five working days (UTC calendar), Tue 3 ... Mon 9: due at the end of 9 March.
  assert.equal(request.requested_datetime, '2026-03-02T09:00:00Z');

  // The department answers; the client sees the new status and the note.
  p.clock.set('2026-03-04T10:00:00Z');
  const fixed = await api(p, { method: 'POST', url: `/api/v1/problem-reports/${id}/status`, as: district.official, body: { state: 'fixed', note: 'New lamp <LED> & cable' } });
  assert.equal(fixed.statusCode, 200, fixed.body);
  [request] = (await read('json')).json();
  assert.deepEqual([request.status, request.status_notes, request.expected_datetime, request.updated_datetime], ['closed', 'New lamp <LED> & cable', null, '2026-03-04T10:00:00Z']);
  const doc = xml(await read('xml'));
  assert.equal(doc.name, 'service_requests');
  const item = doc.children[0]!;
  assert.equal(item.name, 'request');
  assert.deepEqual(item.children.map((c) => c.name), [
    'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
    'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
  ]);
  assert.deepEqual([childText(item, 'status'), childText(item, 'status_notes'), childText(item, 'lat')], ['closed', 'New lamp <LED> & cable', '31.2304']);

  // Posting in XML answers in XML.
  const inXml = await post({ address_string: 'Lake Road 14', description: 'Second lamp out.' }, 'xml');
  assert.equal(inXml.statusCode, 200, inXml.body);
  const answer = xml(inXml);
  assert.equal(answer.name, 'service_requests');
  assert.match(childText(answer.children[0]!, 'service_request_id'), /^[0-9a-f-]{36}$/);
  assert.match(childText(answer.children[0]!, 'service_notice'), /Streets Department/, 'no area: the default department');
});

test('the personal data an Open311 client sends is kept for the department only: never in public answers, the audit log or the logs', async () => {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logged = await buildApp({ config: testConfig({ LOG_LEVEL: 'info' }), database: p.database.handle, clock: p.clock, modules, logger: true, logStream });
  await logged.ready();
  const form = new URLSearchParams({ api_key: apiKey, service_code: 'LIGHT', address_string: 'Harbour Street 3', description: 'Dark corner.', ...PERSONAL }).toString();
  const posted = await logged.inject({ method: 'POST', url: `/open311/v2/requests.json?api_key=${apiKey}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form });
  assert.equal(posted.statusCode, 200, posted.body);
  const id = posted.json()[0].service_request_id;
  const publicAnswers = [
    (await logged.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` })).body,
    (await logged.inject({ method: 'GET', url: `/open311/v2/requests/${id}.xml` })).body,
    (await logged.inject({ method: 'GET', url: `/open311/v2/requests.json?service_request_id=${id}` })).body,
    (await logged.inject({ method: 'GET', url: `/api/v1/problem-reports/${id}` })).body,
    (await logged.inject({ method: 'GET', url: '/api/v1/problem-reports' })).body,
    (await logged.inject({ method: 'GET', url: '/api/v1/audit?limit=200' })).body,
  ];
  await logged.close();
  const audit = await p.deps.db.selectFrom('audit_log').select('data').where('resource_id', '=', id).execute();
  const everywhere = [...publicAnswers, JSON.stringify(audit), lines.join('')];
  assert.ok(lines.length > 0, 'the app logged its requests');
  for (const value of [...Object.values(PERSONAL), apiKey]) {
    for (const [i, text] of everywhere.entries()) assert.equal(text.includes(value), false, `${value} leaked in #${i}`);
  }
  // The department may call back; nobody else sees the contact.
  const official = (await api(p, { method: 'GET', url: `/api/v1/problem-reports/${id}`, as: streets.official })).json();
  assert.deepEqual(official.contact, { displayName: null, email: PERSONAL.email, firstName: PERSONAL.first_name, lastName: PERSONAL.last_name, phone: PERSONAL.phone, deviceId: null, accountId: null });
  assert.deepEqual(official.report.reporter, { source: 'open311', displayName: null, via: 'FixIt app', viaZh: null });
  for (const who of [admin, district.official, await createUser(p)]) {
    assert.equal((await api(p, { method: 'GET', url: `/api/v1/problem-reports/${id}`, as: who })).json().contact, null);
  }
});

test('refusals come in the spec format with proper statuses: bad or revoked key 403, missing fields 400, unknown service 404', async () => {
  for (const format of ['json', 'xml'] as const) {
    const bad = await call('POST', `/open311/v2/requests.${format}`, { form: { api_key: 'c311_not-a-key', service_code: 'LIGHT', address_string: 'Somewhere' } });
    assert.equal(bad.statusCode, 403, bad.body);
    if (format === 'json') {
      assert.deepEqual(bad.json().map((e: { code: number }) => e.code), [403]);
      assert.match(bad.json()[0].description, /api_key/);
    } else {
      const errors = xml(bad);
      assert.deepEqual([errors.name, errors.children[0]!.name, childText(errors.children[0]!, 'code')], ['errors', 'error', '403']);
    }
  }
  const none = await call('POST', '/open311/v2/requests.json', { form: { service_code: 'LIGHT', address_string: 'Somewhere' } });
  assert.equal(none.statusCode, 403);

  const created = await api(p, { method: 'POST', url: '/api/v1/problem-reports/api-keys', as: admin, body: { label: 'Short-lived' } });
  const { key, secret } = created.json();
  assert.equal((await call('POST', '/open311/v2/requests.json', { form: { api_key: secret, service_code: 'LIGHT', address_string: 'Somewhere' } })).statusCode, 200);
  const listed = await api(p, { method: 'GET', url: '/api/v1/problem-reports/api-keys', as: admin });
  assert.equal(listed.body.includes(secret), false, 'the key is shown once, never listed');
  assert.equal(listed.json().keys.find((k: { id: string }) => k.id === key.id).reportCount, 1);
  assert.equal((await api(p, { method: 'DELETE', url: `/api/v1/problem-reports/api-keys/${key.id}`, as: admin })).statusCode, 204);
  const revoked = await call('POST', '/open311/v2/requests.json', { form: { api_key: secret, service_code: 'LIGHT', address_string: 'Somewhere' } });
  assert.equal(revoked.statusCode, 403);
  const stored = await p.deps.db.selectFrom('open311_api_keys').select(['key_hash', 'key_prefix']).where('id', '=', key.id).executeTakeFirstOrThrow();
  assert.equal(stored.key_hash.includes(secret), false);
  assert.equal(stored.key_hash.length, 64);

  const cases: [Record<string, string>, number, RegExp][] = [
    [{ service_code: '' }, 400, /service_code/],
    [{ lat: '31.2' }, 400, /lat and long/],
    [{}, 400, /lat and long/],
    [{ lat: 'north', long: '121' }, 400, /lat/],
    [{ address_string: 'X', media_url: 'javascript:alert(1)' }, 400, /media_url/],
    [{ address_string: 'X', service_code: 'NOPE' }, 404, /service_code/],
    [{ address_string: 'X', 'attribute[area]': 'atlantis' }, 400, /attribute\[area\]/],
  ];
  for (const [form, status, description] of cases) {
    const res = await post(form);
    assert.equal(res.statusCode, status, `${JSON.stringify(form)}: ${res.body}`);
    assert.match(res.json()[0].description, description);
    assert.equal(res.json()[0].code, status);
  }
  const tooLong = await post({ address_string: 'X', description: 'x'.repeat(4001) });
  assert.equal(tooLong.statusCode, 400);
  assert.equal(tooLong.json()[0].code, 400);
});

test('requests are listed by id list, service code, status and a date range of at most 90 days', async () => {
  p.clock.set('2026-03-16T09:00:00Z');
  const noise = await newCategory(p, streets.id, { code: 'NOISY', workingDays: 5 });
  const a = (await post({ address_string: 'A street', description: 'First' })).json()[0].service_request_id;
  p.clock.set('2026-03-17T09:00:00Z');
  const b = (await post({ address_string: 'B street', description: 'Second', service_code: noise.code })).json()[0].service_request_id;
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/problem-reports/${b}/status`, as: streets.official, body: { state: 'fixed' } })).statusCode, 200);
  const ids = async (query: string) => {
    const res = await call('GET', `/open311/v2/requests.json?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().map((r: { service_request_id: string }) => r.service_request_id);
  };
  assert.deepEqual(new Set(await ids(`service_request_id=${a},${b},not-an-id`)), new Set([a, b]));
  assert.deepEqual(await ids('start_date=2026-03-16T00:00:00Z&end_date=2026-03-18T00:00:00Z'), [b, a], 'newest first');
  assert.deepEqual(await ids('start_date=2026-03-16T00:00:00Z&end_date=2026-03-18T00:00:00Z&status=closed'), [b]);
  assert.deepEqual(await ids('start_date=2026-03-16T00:00:00Z&end_date=2026-03-18T00:00:00Z&status=open'), [a]);
  assert.deepEqual(await ids('start_date=2026-03-16T00:00:00Z&end_date=2026-03-18T00:00:00Z&service_code=NOISY'), [b]);
  assert.deepEqual(await ids('start_date=2026-03-17T00:00:00Z'), [b]);
  assert.ok((await ids('')).includes(a), 'by default the last 90 days');
  assert.equal((await ids('end_date=2026-02-01T00:00:00Z')).includes(a), false);
  const wide = await call('GET', '/open311/v2/requests.json?start_date=2025-11-01T00:00:00Z&end_date=2026-03-01T00:00:00Z');
  assert.equal(wide.statusCode, 400);
  assert.match(wide.json()[0].description, /90/);
  assert.equal((await call('GET', '/open311/v2/requests.json?start_date=yesterday')).statusCode, 400);
  assert.equal((await call('GET', '/open311/v2/requests.json?status=pending')).statusCode, 400);
  const unknown = await call('GET', '/open311/v2/requests/00000000-0000-4000-8000-000000000000.xml');
  assert.equal(unknown.statusCode, 404);
  assert.equal(xml(unknown).name, 'errors');
});

test('XML is escaped and well-formed whatever people write; JSON is accepted for posts too', async () => {
  const tricky = 'Lamp <b>out</b> & "dark" \'corner\' \u0007 ]]> 路灯 😀';
  const posted = await call('POST', '/open311/v2/requests.xml', {
    headers: { 'content-type': 'application/json' },
    form: undefined,
  });
  assert.equal(posted.statusCode, 400, 'an empty body is refused, not a crash');
  const json = await p.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.xml',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ api_key: apiKey, service_code: 'LIGHT', lat: 31.23, long: 121.47, description: tricky }),
  });
  assert.equal(json.statusCode, 200, json.body);
  const id = childText(xml(json).children[0]!, 'service_request_id');
  const item = xml(await call('GET', `/open311/v2/requests/${id}.xml`)).children[0]!;
  assert.equal(childText(item, 'description'), tricky.replace('\u0007', ''));
  assert.equal(escapeXml('a<b>&"\''), 'a&lt;b&gt;&amp;&quot;&apos;');
  assert.equal(readXml(toXml('errors', [{ code: 400, description: '<&>' }])).children[0]!.children[1]!.text, '<&>');
});
