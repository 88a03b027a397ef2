import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root (holds schemas/, data/, templates/), from src/ under vitest or dist/ when built. */
export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
export const DATA_DIR = path.join(PACKAGE_ROOT, 'data');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
