/** Settings stored as JSON text (county_settings.settings, rule_versions.body), read through their patch schema. */
import type { z } from 'zod';

/** The stored patch as its schema reads it; text that is not JSON or not valid counts as no patch ({}). */
export function readStoredPatch<S extends z.ZodType>(text: string, schema: S): Partial<z.output<S>> {
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    stored = {};
  }
  const parsed = schema.safeParse(stored);
  return parsed.success ? (parsed.data as Partial<z.output<S>>) : {};
}
