// The demo hub's money, in new-api's shapes (the kind of hub it imitates): its status, its price list and what
// is left on the key, so the Models view shows prices, a reply its cost and the status bar a balance. The prices
// are demo prices and the balance is play money: the first reply and every model's description say so, and
// nothing anyone pays for is behind them.
import { DEMO_MODELS, type DemoModel } from './catalogue';

/** new-api's default quota units per US dollar: a model_ratio of 1 is $2 per million input tokens. */
const QUOTA_PER_UNIT = 500_000;
/** The play money the key starts with, in USD. */
export const DEMO_CREDIT_USD = 5;
export const DEMO_KEY_NAME = 'demo play money: nothing is charged';

/** new-api's ratios for a price in USD per million tokens. */
function ratios(model: DemoModel): { model_ratio: number; completion_ratio: number } {
  const ratio = (model.inputPerMillion * QUOTA_PER_UNIT) / 1e6;
  return { model_ratio: ratio, completion_ratio: model.outputPerMillion / model.inputPerMillion };
}

export interface DemoMoney {
  /** The body for a GET on a money path (`/api/status`, `/api/pricing`, `/api/usage/token`), else undefined. */
  answer(path: string): unknown;
  /** Bills a finished reply as new-api does: (prompt + completion × completion ratio) × model ratio, in quota. */
  charge(model: DemoModel, promptTokens: number, completionTokens: number): void;
}

export function demoMoney(): DemoMoney {
  let spent = 0;
  const credit = DEMO_CREDIT_USD * QUOTA_PER_UNIT;
  const routes: Record<string, () => unknown> = {
    '/api/status': () => ({
      success: true,
      message: '',
      data: {
        system_name: 'AI Hub demo hub',
        quota_per_unit: QUOTA_PER_UNIT,
        quota_display_type: 'USD',
        display_in_currency: true,
        top_up_link: '',
      },
    }),
    '/api/pricing': () => ({
      success: true,
      data: DEMO_MODELS.map((m) => ({
        model_name: m.id,
        owner_by: 'demo',
        quota_type: 0,
        model_price: 0,
        ...ratios(m),
        enable_groups: ['default'],
        supported_endpoint_types: ['openai'],
      })),
      group_ratio: { default: 1 },
      usable_group: { default: 'default' },
    }),
    // new-api registers it with a trailing slash; the server strips trailing slashes before asking here.
    '/api/usage/token': () => ({
      code: true,
      message: 'ok',
      data: {
        object: 'token_usage',
        name: DEMO_KEY_NAME,
        total_granted: credit,
        total_used: Math.min(spent, credit),
        total_available: Math.max(0, credit - spent),
        unlimited_quota: false,
        model_limits: {},
        model_limits_enabled: false,
        expires_at: 0,
      },
    }),
  };
  return {
    answer: (path) => routes[path]?.(),
    charge(model, promptTokens, completionTokens) {
      const { model_ratio, completion_ratio } = ratios(model);
      spent += Math.round((promptTokens + completionTokens * completion_ratio) * model_ratio);
    },
  };
}
