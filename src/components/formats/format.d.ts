/** Formats a number the French way: `1 234,5` (narrow no-break space, decimal comma); "" when missing. */
export function formatNumber(x: number | null | undefined, digits?: number): string;
/** Formats a ratio as a French percentage: 0.123 → `12,3 %`; "" when missing. */
export function formatPercent(x: number | null | undefined, digits?: number): string;
/** Formats a date in French: "28 novembre 2026" (day), "nov. 2026" (month) or "2026" (year); "" when invalid. */
export function formatDate(
  date: Date | string | number | null | undefined,
  precision?: "day" | "month" | "year"
): string;
