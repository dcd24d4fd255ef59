// `npm run bench` runs every benchmark; `npm run bench -- stream models` runs the named ones. Each prints its
// tables and writes them into bench/RESULTS.md.
import { performance } from 'node:perf_hooks';
import { dropPendingGoals, saveGoals } from './goals';
import { writeSection } from './results';
import { runCompareBench } from './compare/compareBench';
import { runExtensionBench } from './extension/extensionBench';
import { runHistoryBench } from './history/historyBench';
import { runLatencyBench } from './latency/latencyBench';
import { runLongConversationBench } from './webview/longConversation';
import { runPlainThresholdBench } from './webview/plainThreshold';
import { runModelsBench } from './models/modelsBench';
import { runPricingBench } from './pricing/pricingBench';
import { runWebviewBench } from './webview/webviewBench';
import { runSessionBench } from './session/sessionBench';
import { runStartupBench } from './startup/startupBench';
import { runStreamCases, textBreakdown, textCases, toolAndReasoningBreakdown, toolAndReasoningCases } from './stream/streamBench';
import { runUsageBench } from './usage/usageBench';

interface Bench {
  name: string;
  what: string;
  run(): Promise<string>;
}

const BENCHES: Bench[] = [
  {
    name: 'stream',
    what: 'stream client: our HubClient vs openai SDK vs bare parse vs raw bytes',
    run: () => runStreamCases(textCases, '### 1. Stream client (text deltas)', textBreakdown),
  },
  {
    name: 'tools',
    what: 'tool-call and reasoning streams, same comparison',
    run: () => runStreamCases(toolAndReasoningCases, '### 2. Tool-call and reasoning streams', toolAndReasoningBreakdown),
  },
  { name: 'models', what: 'models list: parse, group and build tree items for 100 to 5,000 models', run: runModelsBench },
  { name: 'webview', what: 'chat webview rendering a 20 KB, 200 KB and 1 MB streamed reply in Chromium', run: runWebviewBench },
  { name: 'extension', what: 'activation time in a real extension host, bundle and .vsix sizes', run: runExtensionBench },
  { name: 'latency', what: 'added latency from the first chunk to the message towards the webview', run: runLatencyBench },
  { name: 'usage', what: 'Usage view over 100,000 replies (open and draw) and the cost of recording a reply', run: runUsageBench },
  {
    name: 'conversation',
    what: 'a 500-turn (5 MB) conversation in the chat webview: open, scroll, stream 1 MB into it',
    run: runLongConversationBench,
  },
  {
    name: 'threshold',
    what: 'pathological markdown blocks around the 16,000-character plain-text threshold, against ordinary markdown',
    run: runPlainThresholdBench,
  },
  { name: 'pricing', what: "the hub's price list merged into the models list, 100 to 5,000 models", run: runPricingBench },
  {
    name: 'compare',
    what: 'Compare tab: three columns streaming 2,000 chunks/s each in Chromium, against one column',
    run: runCompareBench,
  },
  {
    name: 'session',
    what: 'a long session in a real extension host: 200 + 200 replies of 100 KB (chat panel, vscode.lm), heap after GC',
    run: runSessionBench,
  },
  {
    name: 'startup',
    what: 'a new window with a 5,000-model hub and its cached list: views, status bar, model picker, host tasks',
    run: runStartupBench,
  },
  {
    name: 'history',
    what: 'the chat history with 1,000 conversations: open the list from the index vs reading every file',
    run: runHistoryBench,
  },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name === w));
  const list = BENCHES.map((b) => `  ${b.name.padEnd(10)} ${b.what}`).join('\n');
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(`npm run bench [-- <name>…]: every benchmark, or the named ones:\n${list}`);
    return;
  }
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(', ')}. Choose from:\n${list}`);
    process.exit(2);
  }
  const chosen = wanted.length > 0 ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
  const started = performance.now();
  let failed = false;
  for (const bench of chosen) {
    console.error(`▶ ${bench.name}: ${bench.what}`);
    const t = performance.now();
    try {
      const body = await bench.run();
      console.log(`\n${body}\n`);
      writeSection(bench.name, body);
      saveGoals(bench.name);
    } catch (err) {
      dropPendingGoals();
      failed = true;
      console.error(`✘ ${bench.name} failed:`, err);
    }
    console.error(`  (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  console.error(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  if (failed) process.exit(1);
}

void main();
