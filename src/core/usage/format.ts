// How amounts read in the Usage view: a currency code as the locale writes it, a hub's own symbol (¥, or a custom
// one) before the number, and small costs with enough digits to be seen (a reply often costs a fraction of a cent).

export function formatCost(amount: number, currency: string): string {
  const digits = amount !== 0 && Math.abs(amount) < 1 ? 4 : 2;
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        minimumFractionDigits: 2,
        maximumFractionDigits: digits,
      }).format(amount);
    } catch {
      // An unknown code: written as code and number below.
    }
    return `${amount.toFixed(digits)} ${currency}`;
  }
  return `${currency}${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: digits })}`;
}

/** 950, 12.3K, 4.5M: token counts at a glance (exact figures are in the CSV). */
export function formatTokens(count: number): string {
  if (count < 1_000) return String(count);
  if (count < 1_000_000) return `${trim(count / 1_000)}K`;
  return `${trim(count / 1_000_000)}M`;
}

function trim(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, '');
}
