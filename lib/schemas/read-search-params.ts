// URLSearchParams can't be handed to zod as is: repeated parameters must survive as lists.

/** readSearchParams turns query parameters into an object: a parameter given once is a string, repeated ones an array. */
export function readSearchParams(params: URLSearchParams): Record<string, string | string[]> {
  // A Map, then own properties: a parameter named `__proto__` or `constructor` is a parameter like any other.
  const result = new Map<string, string | string[]>();
  for (const [key, value] of params) {
    const previous = result.get(key);
    result.set(key, previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value]);
  }
  return Object.fromEntries(result);
}

/** SearchParams are a dashboard page's query parameters as Next hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** firstParam is a page parameter's first value, trimmed (empty when absent). */
export function firstParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}
