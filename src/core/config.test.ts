import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.js';

test('defaults give the embedded database on port 3000', () => {
  const config = loadConfig({});
  assert.equal(config.PORT, 3000);
  assert.equal(config.DATABASE_URL, undefined);
  assert.equal(config.DATA_DIR, './data');
});

test('a bad variable fails fast with a message naming it', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), (error: unknown) => error instanceof ConfigError && /PORT="eighty"/.test(error.message));
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ SEED_DEMO: 'maybe', TRUST_PROXY: 'perhaps' }), (error: unknown) => {
    const message = (error as Error).message;
    return /SEED_DEMO/.test(message) && /TRUST_PROXY/.test(message);
  });
});

test('empty variables count as unset', () => {
  assert.equal(loadConfig({ PORT: '' }).PORT, 3000);
});

test('passwords in URLs never appear in configuration errors', () => {
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db:3306/x' }), (error: unknown) => {
    const message = (error as Error).message;
    return /DATABASE_URL/.test(message) && !message.includes('s3cret') && message.includes('admin:***@');
  });
});

test('the movable test clock is off by default and refused on a public https site', () => {
  assert.equal(loadConfig({}).TEST_CLOCK, false);
  assert.equal(loadConfig({ TEST_CLOCK: 'true', PUBLIC_URL: 'http://localhost:3000' }).TEST_CLOCK, true);
  assert.throws(() => loadConfig({ TEST_CLOCK: 'true', PUBLIC_URL: 'https://civitas.example.org' }), /TEST_CLOCK/);
});
