/**
 * Proposed performance changes to src/, as exact find/replace edits; bench/experiments.js builds
 * each into a variant and measures it against the unchanged build.
 */

/**
 * Every proposal measured here (slim-results, lean-listener, utf8-fast, xlsx-store, fast-dates)
 * has been applied to src/ — see the git history of src/load/yaml.ts, src/load/source.ts,
 * src/pipeline/validate.ts, src/export/xlsx/index.ts and src/rules/helpers.ts. Add new
 * proposals here as { edits: [{ file, find, replace }] } to measure them against the build.
 */
export const PATCHES = {};
