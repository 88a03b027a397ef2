/** Append without `push(...items)`, which overflows the call stack past ~125,000 items. */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}
