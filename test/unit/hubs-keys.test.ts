// Key-format warnings, the hub presets, saved hubs, the plain-HTTP rule and the redaction every log line and
// error passes through.
import * as assert from 'node:assert/strict';
import { keyFormatWarnings } from '../../src/core/hubs/keyFormat';
import { HUB_PRESETS, presetFor } from '../../src/core/hubs/presets';
import { readSavedHubs, withSavedHub } from '../../src/core/hubs/savedHubs';
import { insecureTransportError } from '../../src/core/hubs/transport';
import { redact } from '../../src/core/logger';

const aihubapi = presetFor('https://aihubapi.ai/v1');
const aihubspot = presetFor('https://api.aihubspot.app/v1/');
const tokenhub = presetFor('https://ai-tokenhub.com/v1');

describe('hub presets', () => {
  it('are the three documented hubs, found by origin whatever the path', () => {
    assert.deepEqual(
      HUB_PRESETS.map((p) => p.baseUrl),
      ['https://aihubapi.ai/v1', 'https://api.aihubspot.app/v1', 'https://ai-tokenhub.com/v1'],
    );
    assert.equal(aihubapi?.name, 'AIHubAPI');
    assert.equal(aihubapi?.consoleUrl, 'https://aihubapi.ai/console');
    assert.equal(aihubspot?.name, 'AIHubSpot');
    assert.equal(tokenhub?.name, 'AI TokenHub');
    assert.equal(presetFor('https://aihubapi.ai'), aihubapi);
    assert.equal(presetFor('https://evil.example/aihubapi.ai/v1'), undefined);
    assert.equal(presetFor('not a url'), undefined);
  });
});

describe('key-format warnings', () => {
  it("say nothing about a key in the hub's own format", () => {
    assert.deepEqual(keyFormatWarnings('sk-abcdefghijklmnopqrstuvwx', aihubapi), []);
    assert.deepEqual(keyFormatWarnings('AH_SMKRPA_0123456789abcdef', aihubspot), []);
    assert.deepEqual(
      keyFormatWarnings('  sk-abcdefghijklmnopqrstuvwx \n', aihubapi),
      [],
      'surrounding whitespace is trimmed, not warned about',
    );
  });

  it('warn when the prefix does not match the hub, naming the hub the key seems to be for', () => {
    assert.deepEqual(keyFormatWarnings('AH_SMKRPA_0123456789abcdef', aihubapi), [
      'This looks like a key for AIHubSpot (AH_…), but the hub is AIHubAPI, whose keys start with sk-.',
    ]);
    assert.deepEqual(keyFormatWarnings('sk-abcdefghijklmnopqrstuvwx', aihubspot), [
      'This looks like a key for AIHubAPI (sk-…), but the hub is AIHubSpot, whose keys start with AH_.',
    ]);
    assert.deepEqual(keyFormatWarnings('xyz-abcdefghijklmnopqrstuvwx', aihubapi), ['AIHubAPI keys start with sk-; this one does not.']);
  });

  it('do not judge the prefix for a hub with no documented format', () => {
    assert.deepEqual(keyFormatWarnings('anything-goes-0123456789', tokenhub), []);
    assert.deepEqual(keyFormatWarnings('anything-goes-0123456789', undefined), []);
  });

  it('catch the usual paste mistakes', () => {
    assert.match(keyFormatWarnings('Bearer sk-abcdefghijklmnopqrstuvwx', aihubapi).join(), /without the "Bearer " prefix/);
    assert.deepEqual(keyFormatWarnings('Bearer sk-abcdefghijklmnopqrstuvwx', aihubapi).length, 1, 'the prefix check looks past "Bearer "');
    assert.match(keyFormatWarnings('sk-abc defghijklmnopqrstuvwx', aihubapi).join(), /contains spaces/);
    assert.match(keyFormatWarnings('https://aihubapi.ai/v1', undefined).join(), /looks like an address/);
    assert.match(keyFormatWarnings('sk-short', aihubapi).join(), /only 8 characters long/);
  });

  it('never quote the key', () => {
    const key = 'Bearer zz-very-secret-value';
    for (const w of keyFormatWarnings(key, aihubapi)) assert.ok(!w.includes('very-secret'), w);
  });
});

describe('saved hubs (aihub.hubs)', () => {
  it('keeps valid entries, normalised, each URL once, and drops malformed ones', () => {
    const hubs = readSavedHubs([
      { name: 'Work', baseUrl: 'https://gateway.example.com' },
      { name: 'Work again', baseUrl: 'https://gateway.example.com/v1/' },
      { baseUrl: 'localhost:11434' },
      { name: 'Bad', baseUrl: 'ftp://x' },
      { name: 'No URL' },
      'https://string.example',
      null,
    ]);
    assert.deepEqual(hubs, [
      { name: 'Work', baseUrl: 'https://gateway.example.com/v1' },
      { name: 'localhost:11434', baseUrl: 'http://localhost:11434/v1' },
    ]);
    assert.deepEqual(readSavedHubs('nope'), []);
    assert.deepEqual(readSavedHubs(undefined), []);
  });

  it('adds a hub, or renames the one with the same URL', () => {
    const one = [{ name: 'A', baseUrl: 'https://a.example/v1' }];
    assert.deepEqual(
      withSavedHub(one, { name: 'B', baseUrl: 'https://b.example/v1' }).map((h) => h.name),
      ['A', 'B'],
    );
    assert.deepEqual(withSavedHub(one, { name: 'A2', baseUrl: 'https://a.example/v1' }), [{ name: 'A2', baseUrl: 'https://a.example/v1' }]);
  });
});

describe('plain http:// rule', () => {
  it('refuses http:// to another machine until that origin is confirmed', () => {
    const none = new Set<string>();
    assert.match(insecureTransportError('http://192.0.2.2:8080/v1/models', none) ?? '', /plain http:\/\/.*unencrypted/);
    assert.equal(insecureTransportError('http://192.0.2.2:8080/v1/models', new Set(['http://192.0.2.2:8080'])), undefined);
    assert.match(
      insecureTransportError('http://192.0.2.2:9090/v1/models', new Set(['http://192.0.2.2:8080'])) ?? '',
      /plain http/,
      'consent is per origin, port included',
    );
  });

  it('allows https:// anywhere and http:// on this machine', () => {
    const none = new Set<string>();
    for (const url of [
      'https://aihubapi.ai/v1/models',
      'http://127.0.0.1:8787/v1/models',
      'http://localhost:11434/v1/chat/completions',
      'http://[::1]:1/v1',
    ]) {
      assert.equal(insecureTransportError(url, none), undefined, url);
    }
  });
});

describe('redaction', () => {
  it('removes the given secrets, bearer tokens, key-shaped tokens and URL passwords', () => {
    assert.equal(redact('Authorization: Bearer abc.def', []), 'Authorization: Bearer [redacted]');
    assert.equal(redact('{"authorization":"Bearer sk-x"}', []), '{"authorization":"Bearer [redacted]"}');
    assert.equal(redact('the hub said: invalid key my-gateway-key-123', ['my-gateway-key-123']), 'the hub said: invalid key [redacted]');
    assert.equal(redact('Incorrect API key provided: sk-proj-abcdefghij0123456789', []), 'Incorrect API key provided: [redacted]');
    assert.equal(redact('key AH_SMKRPA_0123456789abc rejected', []), 'key [redacted] rejected');
    assert.equal(redact('GET https://me:pa55word@gateway.example/v1/models', []), 'GET https://[redacted]@gateway.example/v1/models');
  });

  it('leaves ordinary text alone', () => {
    const text = 'POST http://127.0.0.1:8787/v1/chat/completions model=gpt-4o → 200 in 12 ms; uses sk-learn and AH_HOC';
    assert.equal(redact(text, ['ab', undefined]), text);
  });
});
