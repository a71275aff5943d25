/**
 * Wraps a pure function of one string so that the last few results are reused: metadata
 * extraction asks several questions of the same report text in turn. Callers must treat the
 * returned values as read-only.
 */
export function rememberRecent<T>(compute: (text: string) => T, limit = 8): (text: string) => T {
  const recent = new Map<string, T>();
  return (text) => {
    const cached = recent.get(text);
    if (cached !== undefined) return cached;
    const value = compute(text);
    if (recent.size >= limit) recent.delete(recent.keys().next().value as string);
    recent.set(text, value);
    return value;
  };
}
