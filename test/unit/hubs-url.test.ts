// Hub address normalisation: what people paste (docs' curl lines, hosts without scheme, local servers) becomes
// the base URL requests are built on; what cannot be used is refused with words that say why.
import * as assert from 'node:assert/strict';
import { normalizeHubUrl, parseHubUrl } from '../../src/core/hubs/hubUrl';

const accepted: [input: string, url: string][] = [
  ['https://aihubapi.ai/v1', 'https://aihubapi.ai/v1'],
  ['https://aihubapi.ai', 'https://aihubapi.ai/v1'],
  ['https://aihubapi.ai/', 'https://aihubapi.ai/v1'],
  ['https://aihubapi.ai/v1/', 'https://aihubapi.ai/v1'],
  ['https://aihubapi.ai/v1///', 'https://aihubapi.ai/v1'],
  ['https://aihubapi.ai/v1/chat/completions', 'https://aihubapi.ai/v1'],
  ['https://api.aihubspot.app/v1/chat/completions/', 'https://api.aihubspot.app/v1'],
  ['https://ai-tokenhub.com/v1/models', 'https://ai-tokenhub.com/v1'],
  ['aihubapi.ai', 'https://aihubapi.ai/v1'],
  ['aihubapi.ai/v1', 'https://aihubapi.ai/v1'],
  ['  https://aihubapi.ai/v1 \n', 'https://aihubapi.ai/v1'],
  ['"https://aihubapi.ai/v1"', 'https://aihubapi.ai/v1'],
  ['<https://aihubapi.ai/v1>', 'https://aihubapi.ai/v1'],
  ['HTTPS://AIHubAPI.ai/v1', 'https://aihubapi.ai/v1'],
  ['https://aihubapi.ai:443/v1', 'https://aihubapi.ai/v1'],
  ['https://openrouter.ai/api/v1', 'https://openrouter.ai/api/v1'],
  ['https://gateway.example.com/openai', 'https://gateway.example.com/openai'],
  ['localhost:11434', 'http://localhost:11434/v1'],
  ['localhost:11434/v1/chat/completions', 'http://localhost:11434/v1'],
  ['127.0.0.1:8787', 'http://127.0.0.1:8787/v1'],
  ['[::1]:8000', 'http://[::1]:8000/v1'],
  ['http://localhost:4000/v1', 'http://localhost:4000/v1'],
  ['https://localhost:4000', 'https://localhost:4000/v1'],
  ['//aihubapi.ai/v1', 'https://aihubapi.ai/v1'],
  ['http://gateway.corp.example:8080/v1', 'http://gateway.corp.example:8080/v1'],
  ['https://generativelanguage.googleapis.com/v1beta', 'https://generativelanguage.googleapis.com/v1beta'],
];

const refused: [input: string, error: RegExp][] = [
  ['', /Enter the hub's API address/],
  ['   ', /Enter the hub's API address/],
  ['ftp://aihubapi.ai/v1', /not ftp:/],
  ['javascript:alert(1)', /not javascript:/],
  ['data:text/html,<script>1</script>', /not data:/],
  ['file:///etc/passwd', /not file:/],
  ['https://ai hubapi.ai/v1', /contains a space/],
  ['https://aihubapi.ai/v1 sk-abc', /contains a space/],
  ['https://user:hunter2@aihubapi.ai/v1', /user name or password/],
  ['user:hunter2@aihubapi.ai/v1', /user name or password/],
  ['https://sk-secret@aihubapi.ai/v1', /user name or password/],
  ['https://aihubapi.ai/v1?key=abc', /query/],
  ['https://aihubapi.ai/v1#models', /fragment/],
  ['https://', /not a valid address|no host/],
  ['http://[nonsense/v1', /not a valid address/],
];

describe('hub URL normalisation', () => {
  for (const [input, url] of accepted) {
    it(`accepts ${JSON.stringify(input)} as ${url}`, () => {
      const parsed = parseHubUrl(input);
      assert.ok(parsed.ok, `accepted: ${parsed.ok ? '' : parsed.error}`);
      assert.equal(parsed.url, url);
      assert.equal(parsed.origin, new URL(url).origin);
    });
  }

  for (const [input, error] of refused) {
    it(`refuses ${JSON.stringify(input)} with a clear error`, () => {
      const parsed = parseHubUrl(input);
      assert.equal(parsed.ok, false, `refused, got ${JSON.stringify(parsed)}`);
      if (!parsed.ok) assert.match(parsed.error, error);
    });
  }

  it('never repeats a password from the input in its error', () => {
    for (const input of ['https://me:hunter2secret@aihubapi.ai/v1', 'me:hunter2secret@aihubapi.ai']) {
      const parsed = parseHubUrl(input);
      assert.ok(!parsed.ok);
      assert.ok(!parsed.error.includes('hunter2secret'), parsed.error);
    }
  });

  it('says what it changed', () => {
    const parsed = parseHubUrl('aihubapi.ai/v1/chat/completions/');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.notes, ['added https://', 'removed the trailing /', 'removed /chat/completions (an endpoint, not the base)']);
    const local = parseHubUrl('localhost:11434');
    assert.ok(local.ok);
    assert.deepEqual(local.notes, ['added http:// (a hub on this machine)', 'added /v1']);
    const custom = parseHubUrl('https://gateway.example.com/openai');
    assert.ok(custom.ok);
    assert.match(custom.notes.join(), /kept the path \/openai/);
    const exact = parseHubUrl('https://aihubapi.ai/v1');
    assert.ok(exact.ok);
    assert.deepEqual(exact.notes, []);
  });

  it('marks plain http:// to another machine as insecure, and loopback hubs as local', () => {
    const lan = parseHubUrl('http://192.0.2.2:8080/v1');
    assert.ok(lan.ok && lan.insecure && !lan.loopback);
    const local = parseHubUrl('http://127.0.0.1:8787/v1');
    assert.ok(local.ok && !local.insecure && local.loopback);
    const v6 = parseHubUrl('http://[::1]:8787');
    assert.ok(v6.ok && !v6.insecure && v6.loopback);
    const tls = parseHubUrl('https://aihubapi.ai');
    assert.ok(tls.ok && !tls.insecure && !tls.loopback);
  });

  it('normalizeHubUrl keeps an unusable value as written, for the client to report', () => {
    assert.equal(normalizeHubUrl('aihubapi.ai'), 'https://aihubapi.ai/v1');
    assert.equal(normalizeHubUrl(' ftp://x '), 'ftp://x');
  });
});
