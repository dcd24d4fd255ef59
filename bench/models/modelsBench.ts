// Benchmark 3: the models list from the hub's JSON text to the tree's items, for growing lists. The tree's
// items are vscode.TreeItems in src/models/modelsTree.ts; here the same fields are computed into plain objects
// (the part that costs: the summary text, ids, context values), for every model as if every group were open.
import { goal } from '../goals';
import { performance } from 'node:perf_hooks';
import { parseModelList } from '../../src/core/hub/models';
import { buildCatalog, groupModels, type ModelGroup, type ModelInfo } from '../../src/core/models/catalog';
import { modelSummary } from '../../src/core/models/format';
import { makeModels } from '../../test/hub/models';
import { collectGarbage, ms, msSpread, summarize, table } from '../stats';

const SIZES = [100, 1_000, 2_000, 5_000];
const GOAL_SIZE = 2_000;
const GOAL_MS = 50;
const DEFAULT_MODEL = 'gpt-4o-mini-v0';

interface PlainItem {
  id: string;
  label: string;
  description: string;
  icon: string;
  contextValue: string;
  accessibility: string;
}

function groupItem(group: ModelGroup): PlainItem {
  return {
    id: `group:0:${group.label}`,
    label: group.label,
    description: String(group.models.length),
    icon: group.kind === 'favourites' ? 'star-full' : 'organization',
    contextValue: `aihub.modelGroup.${group.kind}`,
    accessibility: `${group.label}: ${group.models.length} models`,
  };
}

function modelItem(model: ModelInfo, groupLabel: string, favourites: Set<string>): PlainItem {
  const isDefault = model.id === DEFAULT_MODEL;
  const pinned = favourites.has(model.id);
  const summary = modelSummary(model);
  return {
    id: `model:${groupLabel}:${model.id}`,
    label: model.id,
    description: isDefault ? (summary ? `default · ${summary}` : 'default') : summary,
    icon: isDefault ? 'pass-filled' : pinned ? 'star-full' : 'symbol-misc',
    contextValue: `aihub.model${pinned ? '.pinned' : '.unpinned'}${isDefault ? '.default' : ''}`,
    accessibility: `${model.id}${isDefault ? ', default model' : ''}${summary ? `, ${summary}` : ''}`,
  };
}

/** JSON text → validated models → catalog → groups → items: what a refresh of the view does. */
function fullPipeline(json: string, favouriteIds: string[]): number {
  const { models } = parseModelList(JSON.parse(json), 'http://127.0.0.1/v1');
  const catalog = buildCatalog(models);
  const favourites = new Set(favouriteIds);
  const groups = groupModels(catalog, { favourites: favouriteIds });
  const items: PlainItem[] = groups.map(groupItem);
  for (const group of groups) for (const model of group.models) items.push(modelItem(model, group.label, favourites));
  return items.length;
}

/** One keystroke in the filter: group the cached catalog again and build the items that match. */
function filterPipeline(catalog: ModelInfo[], favouriteIds: string[]): number {
  const favourites = new Set(favouriteIds);
  const groups = groupModels(catalog, { filter: 'claude son', favourites: favouriteIds });
  let n = groups.length;
  for (const group of groups) for (const model of group.models) n += modelItem(model, group.label, favourites).label.length > 0 ? 1 : 0;
  return n;
}

export async function runModelsBench(): Promise<string> {
  const inputs = SIZES.map((n) => {
    const models = makeModels(n);
    const favourites = models.filter((_, i) => i % 97 === 0).map((m) => m.id);
    const json = JSON.stringify({ object: 'list', data: models, success: true });
    const catalog = buildCatalog(parseModelList(JSON.parse(json), 'x').models);
    return { n, json, favourites, catalog, full: [] as number[], filter: [] as number[], items: 0 };
  });
  const warmup = 5;
  const runs = 41;
  for (let round = 0; round < warmup + runs; round++) {
    for (const input of inputs) {
      collectGarbage();
      let start = performance.now();
      input.items = fullPipeline(input.json, input.favourites);
      const full = performance.now() - start;
      start = performance.now();
      filterPipeline(input.catalog, input.favourites);
      const filter = performance.now() - start;
      if (round >= warmup) {
        input.full.push(full);
        input.filter.push(filter);
      }
    }
    await new Promise((r) => setImmediate(r));
  }
  const median = (n: number) => summarize(inputs.find((i) => i.n === n)!.full).median;
  const rows = inputs.map((i) => {
    const full = summarize(i.full);
    return [
      i.n.toLocaleString('en-US'),
      `${(i.json.length / 1024).toFixed(0)} KB`,
      String(i.items),
      msSpread(full),
      `${((full.median * 1000) / i.n).toFixed(1)} µs`,
      msSpread(summarize(i.filter)),
    ];
  });
  const atGoalSize = median(GOAL_SIZE);
  const linearity = [
    ['1,000 ÷ 100', (median(1_000) / median(100)).toFixed(1), '10'],
    ['5,000 ÷ 1,000', (median(5_000) / median(1_000)).toFixed(1), '5'],
  ];
  return [
    '### 3. Models list',
    'Parse the `GET /models` JSON text (`parseModelList`), describe and sort (`buildCatalog`), group by provider with favourites (`groupModels`), and compute every tree item (groups and models, as if all groups were expanded); models from `makeModels(n)` (test/hub/models.ts). The filter column is one keystroke ("claude son") on the cached catalog.',
    table(['models', 'JSON', 'tree items', 'parse → items, median (min–max, runs)', 'per model', 'filter keystroke'], rows),
    table(['size ratio', 'time ratio', 'linear would be'], linearity),
    `Goal: ${GOAL_SIZE.toLocaleString('en-US')} models ≤ ${GOAL_MS} ms: ${ms(atGoalSize)}, ${goal('3. models', `${GOAL_SIZE.toLocaleString('en-US')} models ≤ ${GOAL_MS} ms`, ms(atGoalSize), atGoalSize <= GOAL_MS)}.`,
  ].join('\n\n');
}
