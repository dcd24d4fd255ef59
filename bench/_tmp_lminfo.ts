import { performance } from 'node:perf_hooks';
import { parseModelList } from '../src/core/hub/models';
import { distinguishAliases, isChatModel, toLanguageModelInfo } from '../src/core/lm/modelInfo';
import { buildCatalog } from '../src/core/models/catalog';
import { makeModels } from '../test/hub/models';
const raw = makeModels(5000);
const { models } = parseModelList(JSON.parse(JSON.stringify({ object: 'list', data: raw })), 'x');
for (let r = 0; r < 8; r++) {
  let t = performance.now();
  const infos = distinguishAliases(models.map((m) => toLanguageModelInfo(m, {}, {})).filter(isChatModel));
  const a = performance.now() - t;
  t = performance.now();
  const c = buildCatalog(models);
  const b = performance.now() - t;
  console.log(infos.length, a.toFixed(1), 'ms lm info;', c.length, b.toFixed(1), 'ms catalog');
}
