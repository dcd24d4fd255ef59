// The catalogue built in slices is buildCatalog's, whether the slices finish it or a caller asks midway.
import * as assert from 'node:assert/strict';
import { buildCatalog } from '../../src/core/models/catalog';
import { CatalogInSlices } from '../../src/core/models/catalogInSlices';
import { parseModelList } from '../../src/core/hub/models';
import type { ModelPrice } from '../../src/core/money/price';
import { makeModels } from '../hub/models';

describe('CatalogInSlices', () => {
  const models = parseModelList({ object: 'list', data: makeModels(3_000) }, 'http://127.0.0.1/v1').models;
  const prices = new Map<string, ModelPrice>([[models[7].id, { kind: 'call', perCall: 0.04 }]]);

  it('builds in slices, letting other work run between them, the same catalogue as buildCatalog', async () => {
    const catalog = new CatalogInSlices(models, prices, 1);
    // Counts the other work that got a turn while the catalogue was being built.
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const preparing = catalog.prepare();
    assert.equal(catalog.built, false, 'nothing is built in the caller’s task');
    try {
      await preparing;
    } finally {
      done = true;
    }
    assert.equal(catalog.built, true, 'built once the slices are done');
    assert.ok(turns >= 3, `other work ran ${turns} times while it was built`);
    assert.deepEqual(catalog.get(), buildCatalog(models, prices));
    assert.equal(catalog.prepare(), catalog.prepare(), 'prepared once');
  });

  it('asked before the slices are done, finishes at once with the same catalogue', async () => {
    const catalog = new CatalogInSlices(models, prices);
    const preparing = catalog.prepare();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const early = catalog.get();
    assert.equal(catalog.built, true, 'built by the early call');
    assert.deepEqual(early, buildCatalog(models, prices));
    await preparing;
    assert.equal(catalog.get(), early, 'the slices stop once it is built');
  });

  it('an empty list is an empty catalogue', async () => {
    const catalog = new CatalogInSlices([]);
    await catalog.prepare();
    assert.deepEqual(catalog.get(), []);
  });
});
