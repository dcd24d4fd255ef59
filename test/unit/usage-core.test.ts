// The usage log's pure parts: the record's line format, month files, the calendar, the month's summary and CSV.
import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { summarise, otherModels, CHART_MODELS } from '../../src/core/usage/aggregate';
import { addMonths, dayOf, daysOfMonth, monthOf, utcZone } from '../../src/core/usage/calendar';
import { usageCsv } from '../../src/core/usage/csv';
import { filesForMonth, monthFileName, monthOfFile } from '../../src/core/usage/monthFile';
import { formatUsageLine, parseUsageLines, usageRecordSchema } from '../../src/core/usage/record';
import { sampleMonth, usageRecord } from '../usage/sampleRecords';

describe('usage record', () => {
  it('is one JSON line that reads back the same', () => {
    const record = usageRecord({ cost: 0.0012, currency: 'USD', servedModel: 'gpt-4o-2024-08-06' });
    const line = formatUsageLine(record);
    assert.ok(line.endsWith('\n') && !line.slice(0, -1).includes('\n'));
    assert.deepEqual(parseUsageLines(line + line).records, [record, record]);
  });

  it('skips lines cut short, edited by hand or from a newer format, and keeps the rest', () => {
    const good = formatUsageLine(usageRecord());
    const text = [good, '{"v":1,"time":"2026-12-01T1', '\n', 'not json\n', JSON.stringify({ ...usageRecord(), v: 2 }) + '\n', good].join(
      '',
    );
    const parsed = parseUsageLines(text);
    assert.equal(parsed.records.length, 2);
    assert.equal(parsed.skipped, 3);
  });

  it('refuses made-up numbers: negative tokens or cost, a non-date time', () => {
    assert.equal(z.safeParse(usageRecordSchema, usageRecord({ inputTokens: -1 })).success, false);
    assert.equal(z.safeParse(usageRecordSchema, usageRecord({ cost: -0.5 })).success, false);
    assert.equal(z.safeParse(usageRecordSchema, { ...usageRecord(), time: 'yesterday' }).success, false);
  });

  it('has no field that could hold a prompt, an answer or a key', () => {
    assert.deepEqual(Object.keys(usageRecordSchema._zod.def.shape).sort(), [
      'cachedTokens',
      'cost',
      'currency',
      'durationMs',
      'errorKind',
      // Model ids and fixed reasons ("no available channel (503)"), never the hub's own words.
      'fallbackFrom',
      'firstTokenMs',
      'hub',
      'inputTokens',
      'model',
      'outcome',
      'outputTokens',
      'reasoningTokens',
      'servedModel',
      'surface',
      'time',
      'v',
    ]);
  });
});

describe('usage calendar and month files', () => {
  it('names one file per month and reads the month back from the name', () => {
    assert.equal(monthFileName('2026-12'), 'usage-2026-12.jsonl');
    assert.equal(monthOfFile('usage-2026-12.jsonl'), '2026-12');
    assert.equal(monthOfFile('usage-2026-13.jsonl'), undefined);
    assert.equal(monthOfFile('notes.txt'), undefined);
    assert.throws(() => monthFileName('2026-1'));
  });

  it("reads a month's neighbours too, across years", () => {
    assert.deepEqual(filesForMonth('2027-01'), ['usage-2026-12.jsonl', 'usage-2027-01.jsonl', 'usage-2027-02.jsonl']);
    assert.equal(addMonths('2026-12', 1), '2027-01');
    assert.equal(addMonths('2026-01', -13), '2024-12');
  });

  it("puts a moment in the person's own day and month", () => {
    const ms = Date.parse('2026-11-30T23:30:00Z');
    assert.equal(dayOf(ms, utcZone), '2026-11-30');
    assert.equal(
      dayOf(ms, () => 60),
      '2026-12-01',
      'UTC+1 is already in December',
    );
    assert.equal(
      monthOf(ms, () => 60),
      '2026-12',
    );
    assert.equal(
      dayOf(ms, () => -300),
      '2026-11-30',
    );
  });

  it('lists every day of a month, leap years included', () => {
    assert.equal(daysOfMonth('2026-12').length, 31);
    assert.equal(daysOfMonth('2028-02').length, 29);
    assert.equal(daysOfMonth('2026-02').at(-1), '2026-02-28');
  });
});

describe('usage summary of a month', () => {
  const at = (day: number, hour = 10) => `2026-12-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

  it('sums cost per day by model, the total and the top models, in the known currency', () => {
    const records = [
      usageRecord({ time: at(1), model: 'gpt-4o', cost: 0.5, currency: 'USD' }),
      usageRecord({ time: at(1, 12), model: 'gpt-4o', cost: 0.25, currency: 'USD' }),
      usageRecord({ time: at(2), model: 'claude-sonnet-4.6', cost: 2, currency: 'USD' }),
      usageRecord({ time: at(3), model: 'deepseek-chat', cost: null, currency: null, inputTokens: 10, outputTokens: 5 }),
      usageRecord({ time: '2026-11-30T10:00:00.000Z', model: 'gpt-4o', cost: 100, currency: 'USD' }),
    ];
    const s = summarise(records, '2026-12', utcZone);
    assert.equal(s.metric, 'cost');
    assert.equal(s.currency, 'USD');
    assert.equal(s.days.length, 31);
    assert.equal(s.total.cost, 2.75, 'November is not in December');
    assert.equal(s.total.replies, 4);
    assert.equal(s.total.unpriced, 1, 'the reply without a cost is counted apart, not as zero');
    assert.deepEqual(
      s.top.map((t) => [t.model, t.cost]),
      [
        ['claude-sonnet-4.6', 2],
        ['gpt-4o', 0.75],
        ['deepseek-chat', null],
      ],
    );
    const gpt = s.series.find((x) => x.model === 'gpt-4o')!;
    assert.deepEqual(gpt.cost.slice(0, 3), [0.75, 0, 0]);
    assert.deepEqual(s.series.find((x) => x.model === 'deepseek-chat')!.tokens.slice(0, 3), [0, 0, 15]);
  });

  it('draws tokens when no reply of the month has a known cost, and never a cost', () => {
    const s = summarise([usageRecord({ time: at(5), inputTokens: 1000, outputTokens: 200 })], '2026-12', utcZone);
    assert.equal(s.metric, 'tokens');
    assert.equal(s.currency, null);
    assert.equal(s.total.cost, null);
    assert.equal(s.total.tokens, 1200);
    assert.equal(s.series[0]!.tokens[4], 1200);
  });

  it('counts replies without reported tokens as zero tokens, and errors apart', () => {
    const s = summarise(
      [
        usageRecord({ time: at(5), inputTokens: null, outputTokens: null, outcome: 'error', errorKind: 'quota' }),
        usageRecord({ time: at(5) }),
      ],
      '2026-12',
      utcZone,
    );
    assert.equal(s.total.tokens, 150);
    assert.equal(s.total.errors, 1);
  });

  it('keeps costs in another currency out of the total rather than adding yuan to dollars', () => {
    const s = summarise(
      [
        usageRecord({ time: at(1), cost: 1, currency: 'USD' }),
        usageRecord({ time: at(1), cost: 1, currency: 'USD' }),
        usageRecord({ time: at(1), cost: 7, currency: 'CNY' }),
      ],
      '2026-12',
      utcZone,
    );
    assert.equal(s.currency, 'USD');
    assert.equal(s.total.cost, 2);
    assert.equal(s.total.unpriced, 1);
  });

  it(`draws the top ${CHART_MODELS} models and sums the rest into one series`, () => {
    const records = Array.from({ length: CHART_MODELS + 3 }, (_, i) =>
      usageRecord({ time: at(2), model: `m${i}`, cost: i + 1, currency: 'USD' }),
    );
    const s = summarise(records, '2026-12', utcZone);
    assert.equal(s.series.length, CHART_MODELS + 1);
    assert.equal(s.series[0]!.model, `m${CHART_MODELS + 2}`);
    const other = s.series.at(-1)!;
    assert.equal(other.model, otherModels());
    assert.equal(other.cost[1], 1 + 2 + 3);
    assert.equal(s.top.length, 5);
  });

  it("groups by the person's day, not UTC's", () => {
    const s = summarise([usageRecord({ time: '2026-12-01T23:30:00.000Z' })], '2026-12', () => 120);
    assert.equal(s.series[0]!.tokens[1], 150, '23:30 UTC is the 2nd in UTC+2');
  });
});

describe('usage CSV', () => {
  it('has one row per reply, unknown as empty cells, RFC 4180 quoting', () => {
    const csv = usageCsv([
      usageRecord({ cost: 0.001, currency: 'USD', durationMs: 1234.56 }),
      usageRecord({ model: 'vendor/model,"quoted"', inputTokens: null, firstTokenMs: null, outcome: 'error', errorKind: 'timeout' }),
    ]);
    const lines = csv.split('\r\n');
    assert.equal(
      lines[0],
      'time,surface,hub,model,served_model,input_tokens,output_tokens,cached_tokens,reasoning_tokens,cost,currency,duration_ms,first_token_ms,outcome,error_kind,fallback_from',
    );
    assert.equal(lines[1], '2026-12-01T10:00:00.000Z,chat,https://aihubapi.ai/v1,gpt-4o,,100,50,,,0.001,USD,1235,300,done,,');
    assert.equal(lines[2], '2026-12-01T10:00:00.000Z,chat,https://aihubapi.ai/v1,"vendor/model,""quoted""",,,50,,,,,1200,,error,timeout,');
    assert.equal(lines[3], '');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const csv = usageCsv([usageRecord({ model: '=HYPERLINK("http://x")' }), usageRecord({ model: '@sum' })]);
    assert.ok(csv.includes(`"'=HYPERLINK(""http://x"")"`));
    assert.ok(csv.includes(",'@sum,"));
  });
});

describe('usage summary of a generated month', () => {
  it('adds up to the same totals as the records, day by day and in all', () => {
    const records = sampleMonth('2026-11', 5_000);
    const s = summarise(records, '2026-11', utcZone);
    const known = records.filter((r) => r.cost !== null);
    const sum = known.reduce((a, r) => a + r.cost!, 0);
    assert.ok(Math.abs(s.total.cost! - sum) < 1e-9);
    assert.equal(s.total.replies, 5_000);
    assert.equal(s.total.unpriced, records.length - known.length);
    const drawn = s.series.reduce((a, x) => a + x.cost.reduce((b, c) => b + c, 0), 0);
    assert.ok(Math.abs(drawn - sum) < 1e-9, 'the bars add up to the total');
  });
});
