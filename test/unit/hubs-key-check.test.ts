// What "Set API Key" says after checking the key: a verdict on the key only when the hub gave one.
import * as assert from 'node:assert/strict';
import { keyCheckVerdict } from '../../src/core/hubs/keyCheckVerdict';

describe('key check verdict', () => {
  it('counts the models when the hub accepts the key', () => {
    assert.deepEqual(keyCheckVerdict({ ok: true, host: 'hub.example', models: 1 }), {
      severity: 'info',
      text: 'key saved. hub.example offers 1 model.',
      actions: [],
    });
  });

  it('offers another key only when the hub refused this one', () => {
    const verdict = keyCheckVerdict({
      ok: false,
      host: 'hub.example',
      kind: 'auth',
      status: 401,
      message: 'The hub rejected the API key (401).',
    });
    assert.match(verdict.text, /did not accept it/);
    assert.deepEqual(verdict.actions, ['enterAnotherKey']);
  });

  it('calls an unreachable hub a network failure, keeps the key and offers to check again or choose a hub', () => {
    const verdict = keyCheckVerdict({
      ok: false,
      host: '127.0.0.1:9',
      kind: 'network',
      message: 'Could not reach the hub (ECONNREFUSED).',
    });
    assert.match(verdict.text, /^key saved, but not checked: 127\.0\.0\.1:9 could not be reached \(a network failure/);
    assert.doesNotMatch(verdict.text, /did not accept/);
    assert.deepEqual(verdict.actions, ['checkAgain', 'chooseHub']);
  });

  it('a failing hub (5xx) is no verdict on the key either', () => {
    const verdict = keyCheckVerdict({
      ok: false,
      host: 'hub.example',
      kind: 'unavailable',
      status: 503,
      message: 'The hub is unavailable.',
    });
    assert.match(verdict.text, /not checked: hub\.example failed to answer/);
    assert.deepEqual(verdict.actions, ['checkAgain']);
  });
});
