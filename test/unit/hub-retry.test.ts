import * as assert from 'node:assert/strict';
import { readErrorBody } from '../../src/core/hub/errorWords';
import { backoffMs, isRetryableStatus, parseRetryAfter } from '../../src/core/hub/retry';
import { redact } from '../../src/core/logger';

describe('retry policy', () => {
  it('retries connection-level and server statuses only', () => {
    assert.deepEqual([408, 409, 429, 500, 502, 503, 504].map(isRetryableStatus), Array(7).fill(true));
    assert.deepEqual([400, 401, 402, 403, 404, 422].map(isRetryableStatus), Array(6).fill(false));
  });

  it('reads retry-after-ms first, then retry-after in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    assert.equal(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now), 250);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': '3' }), now), 3000);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'Mon, 23 Nov 2026 10:00:07 GMT' }), now), 7000);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now), undefined);
    assert.equal(parseRetryAfter(new Headers(), now), undefined);
  });

  it('backs off exponentially with bounded jitter and a ceiling', () => {
    assert.equal(
      backoffMs(0, () => 0.5),
      500,
    );
    assert.equal(
      backoffMs(2, () => 0.5),
      2000,
    );
    assert.equal(
      backoffMs(0, () => 0),
      375,
    );
    assert.equal(
      backoffMs(0, () => 1),
      625,
    );
    assert.equal(
      backoffMs(20, () => 0.5),
      8000,
    );
  });
});

describe('error bodies and redaction', () => {
  it('reads new-api, OpenAI, plain-string and message-only bodies', () => {
    assert.deepEqual(readErrorBody('{"error":{"message":"No available channel","type":"new_api_error","code":"model_not_found"}}'), {
      code: 'model_not_found',
      text: 'No available channel',
    });
    assert.deepEqual(readErrorBody('{"error":"bad key"}'), { text: 'bad key' });
    assert.deepEqual(readErrorBody('{"success":false,"message":"quota"}'), { text: 'quota' });
    assert.deepEqual(readErrorBody('  '), {});
  });

  it('reduces an HTML page to its title and a long text to a short line', () => {
    assert.deepEqual(readErrorBody('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>x</h1></body></html>'), {
      text: '502 Bad Gateway',
    });
    const long = readErrorBody('x'.repeat(5000)).text!;
    assert.ok(long.length <= 300);
  });

  it('removes keys and bearer tokens from text', () => {
    assert.equal(redact('Authorization: Bearer sk-abc123456789', []), 'Authorization: Bearer [redacted]');
    assert.equal(redact('bad key AH_SECRET_0000 given', ['AH_SECRET_0000']), 'bad key [redacted] given');
    assert.equal(redact('short', ['ab']), 'short');
  });
});
