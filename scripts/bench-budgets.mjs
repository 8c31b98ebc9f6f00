/**
 * Checks benchmark result rows against budgets. Each budget: `{ name, field?, max?, min?, why }`;
 * `field` defaults to `median`. Returns one printable line per budget and the number that failed.
 */
export function checkBudgets(rows, budgets) {
  const byName = new Map(rows.map((row) => [row.name, row]));
  const lines = [];
  let failures = 0;
  for (const budget of budgets) {
    const field = budget.field ?? 'median';
    const row = byName.get(budget.name);
    const value = row?.[field];
    const limits = [
      budget.max !== undefined ? `≤ ${budget.max}` : '',
      budget.min !== undefined ? `≥ ${budget.min}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    let ok;
    let shown;
    if (typeof value !== 'number') {
      ok = false;
      shown = row ? `no numeric ${field}` : 'missing from the results';
    } else {
      ok =
        (budget.max === undefined || value <= budget.max) &&
        (budget.min === undefined || value >= budget.min);
      // The unit belongs to the median, min and max; other fields (domNodes, …) carry their own name.
      shown = `${value}${row.unit && ['median', 'min', 'max'].includes(field) ? ` ${row.unit}` : ''}`;
    }
    if (!ok) failures += 1;
    lines.push(`${ok ? 'ok  ' : 'OVER'}  ${budget.name} [${field}] = ${shown} (budget ${limits})`);
  }
  return { lines, failures };
}
