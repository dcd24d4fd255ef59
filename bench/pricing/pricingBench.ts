// Benchmark 7: the hub's own price list (new-api's `GET /api/pricing`) merged into the models list, from JSON
// text to tree rows with prices, against the same list without prices: what reading prices adds to a refresh.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseModelList } from '../../src/core/hub/models';
import { buildCatalog } from '../../src/core/models/catalog';
import { modelSummary } from '../../src/core/models/format';
import { parsePricing } from '../../src/core/money/newApiPricing';
import { pricingList } from '../../test/hub/money';
import { makeModels } from '../../test/hub/models';
import { goal as recordGoal } from '../goals';
import { collectGarbage, msSpread, summarize, table } from '../stats';

const SIZES = [100, 2_000, 5_000];
const GOAL_SIZE = 2_000;
/** Prices come in a second JSON document of about the list's size: reading them may cost at most another list. */
const GOAL_RATIO = 2;

/** Models JSON → catalog → every row's summary; with `pricingJson`, the price list parsed and merged too. */
function pipeline(modelsJson: string, pricingJson?: string): number {
  const { models } = parseModelList(JSON.parse(modelsJson), 'http://127.0.0.1/v1');
  const prices = pricingJson ? parsePricing(JSON.parse(pricingJson))?.prices : undefined;
  const catalog = buildCatalog(models, prices);
  let priced = 0;
  for (const model of catalog) if (modelSummary(model).includes('$') && model.price) priced++;
  return priced;
}

export async function runPricingBench(): Promise<string> {
  const inputs = SIZES.map((n) => {
    const models = makeModels(n);
    return {
      n,
      modelsJson: JSON.stringify({ object: 'list', data: models, success: true }),
      pricingJson: JSON.stringify(pricingList(models)),
      plain: [] as number[],
      priced: [] as number[],
      pricedRows: 0,
    };
  });
  const warmup = 5;
  const runs = 31;
  for (let round = 0; round < warmup + runs; round++) {
    for (const input of inputs) {
      // Interleaved, alternating which goes first, so a busy moment falls on both alike.
      const order = round % 2 === 0 ? (['plain', 'priced'] as const) : (['priced', 'plain'] as const);
      for (const variant of order) {
        collectGarbage();
        const start = performance.now();
        const rows = variant === 'priced' ? pipeline(input.modelsJson, input.pricingJson) : pipeline(input.modelsJson);
        const took = performance.now() - start;
        if (variant === 'priced') input.pricedRows = rows;
        if (round >= warmup) input[variant].push(took);
      }
    }
    await new Promise((r) => setImmediate(r));
  }
  const rows = inputs.map((i) => {
    const plain = summarize(i.plain);
    const priced = summarize(i.priced);
    return [
      i.n.toLocaleString('en-US'),
      `${(i.pricingJson.length / 1024).toFixed(0)} KB`,
      `${i.pricedRows} of ${i.n}`,
      msSpread(plain),
      msSpread(priced),
      `${(priced.median - plain.median).toFixed(2)} ms`,
      `${(priced.median / plain.median).toFixed(2)}×`,
    ];
  });
  const at = inputs.find((i) => i.n === GOAL_SIZE)!;
  const priced = summarize(at.priced).median;
  const plain = summarize(at.plain).median;
  const goal = priced / plain;
  const met = recordGoal(
    '8. pricing',
    `${GOAL_SIZE.toLocaleString('en-US')} models: list + prices ≤ ${GOAL_RATIO}× the list alone`,
    `${goal.toFixed(2)}× (${priced.toFixed(0)} vs ${plain.toFixed(1)} ms)`,
    goal <= GOAL_RATIO,
  );
  return [
    '### 8. Prices merged into the models list',
    "The models list (`parseModelList` → `buildCatalog` → each row's summary) alone, and with new-api's `GET /api/pricing` for the same models parsed (`parsePricing`: ratios, per-call prices, group ratio) and merged (`buildCatalog(models, prices)`); bodies from the local hub (`pricingList`, test/hub/money.ts).",
    table(
      ['models', '/api/pricing JSON', 'rows with a price', 'list alone, median (min–max, runs)', 'list + prices', 'added', 'ratio'],
      rows,
    ),
    `Goal: for ${GOAL_SIZE.toLocaleString('en-US')} models, list + prices ≤ ${GOAL_RATIO}× the list alone (medians, same runs, interleaved): ${goal.toFixed(2)}×, ${met}. Load average while measuring: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (absolute times scale with it; the ratio much less).`,
  ].join('\n\n');
}
