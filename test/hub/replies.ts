// Replies that are one JSON document rather than a stream: non-streaming completions, error bodies and the
// other one-shot shapes (HTML pages, empty bodies, redirects) a hub or the proxy in front of it sends.
import type * as http from 'node:http';
import type { Billing } from './money';
import { defaultToolCalls, echoText, HTML_ERROR_PAGE, newApiError, toolResultText, type ChatBody, type Scenario } from './scenarios';
import { ERROR_BODIES, THINK_TAGS, THOUGHT } from './shapes';

const CREATED = 1_763_856_000;

/** A `chat.completion` object for a request without `stream: true`, shaped by the scenario where it matters. */
export function completionFor(scenario: Scenario, body: ChatBody, billing?: Billing): Record<string, unknown> {
  const model = billing?.served ?? body.model ?? 'unknown-model';
  let message: Record<string, unknown>;
  let finish: string | null = 'stop';
  const calls = scenario.kind === 'toolCall' ? (scenario.calls ?? defaultToolCalls(body)) : [];
  if (calls.length > 0) {
    message = {
      role: 'assistant',
      content: null,
      tool_calls: calls.map((c, i) => ({
        id: `call_${i}_${c.name}`,
        type: 'function',
        function: { name: c.name, arguments: JSON.stringify(c.arguments) },
      })),
    };
    finish = 'tool_calls';
  } else {
    const text = ((scenario.kind === 'text' || scenario.kind === 'thinkTags') && scenario.text) || toolResultText(body) || echoText(body);
    message = { role: 'assistant', content: text };
    if (scenario.kind === 'reasoning') {
      const thought = 'Let me think about this step by step.';
      if (scenario.both) Object.assign(message, { reasoning_content: thought, reasoning: thought });
      else message[scenario.field ?? 'reasoning_content'] = thought;
    }
    if (scenario.kind === 'thinkTags') {
      const [open, close] = THINK_TAGS[scenario.tag ?? 'think'];
      message.content = `${open}\n${THOUGHT}\n${close}\n\n${text}`;
    }
    // new-api's upstream timeout leaves the finish reason empty in a plain reply too.
    if (scenario.kind === 'truncated') finish = null;
  }
  const completion = Math.ceil(JSON.stringify(message).length / 4);
  return {
    id: 'chatcmpl-local',
    object: 'chat.completion',
    created: CREATED,
    model,
    choices: [{ index: 0, message, finish_reason: finish }],
    usage: { prompt_tokens: 17, completion_tokens: completion, total_tokens: 17 + completion, ...billing?.usage(17, completion) },
  };
}

/**
 * Answers scenarios that need no stream and no route (statuses, pages, redirects) on any endpoint; returns
 * false when the scenario is for the route to answer.
 */
export function sendOneShot(scenario: Scenario, model: string, res: http.ServerResponse): boolean {
  switch (scenario.kind) {
    case 'status': {
      const headers: Record<string, string> = {};
      if (scenario.retryAfter !== undefined) headers['retry-after'] = scenario.retryAfter;
      if (scenario.retryAfterMs !== undefined) headers['retry-after-ms'] = String(scenario.retryAfterMs);
      sendJson(res, scenario.status, newApiError(scenario.status, model, scenario), headers);
      return true;
    }
    case 'errorBody': {
      const { status, body } = ERROR_BODIES[scenario.shape];
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      return true;
    }
    case 'html':
      res.writeHead(scenario.status, { 'content-type': 'text/html' }).end(HTML_ERROR_PAGE(scenario.status));
      return true;
    case 'empty':
      res.writeHead(scenario.status, { 'content-length': '0' }).end();
      return true;
    case 'successFalse':
      // new-api answers some failures with HTTP 200 and this body: a client that trusts the status breaks here.
      sendJson(res, 200, { success: false, message: scenario.message ?? '无可用渠道 / no available channel' });
      return true;
    case 'redirect':
      res.writeHead(scenario.status ?? 307, { location: scenario.location, 'content-length': '0' }).end();
      return true;
    default:
      return false;
  }
}

export function sendJson(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
}

/** An error in new-api's shape, for requests the local hub itself cannot make sense of. */
export function sendError(res: http.ServerResponse, status: number, message: string, code = 'invalid_request'): void {
  sendJson(res, status, newApiError(status, '', { message, code }));
}
