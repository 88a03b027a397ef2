import type { SourceFile } from '../load/source.js';

export type Confidence = 'confirmed' | 'partial' | 'inferred';

export interface CatalogItem {
  id: string;
  name: string;
  /** owning project id; undefined for unassigned items */
  project?: string;
  source?: string;
  confidence?: Confidence;
  target?: string;
  basis?: string;
  also: string[];
  aliases: string[];
  standards: string[];
  note?: string;
  raw: Record<string, unknown>;
}

export interface CatalogProject {
  id: string;
  name: string;
  area?: string;
  areaConfidence?: Confidence;
  source?: string;
  note?: string;
  standards: string[];
  items: CatalogItem[];
  raw: Record<string, unknown>;
}

export interface Catalog {
  id: string;
  title: string;
  edition?: string;
  note?: string;
  source?: string;
  /** the file's own `counts:` block as written (informational; hrss-std recounts) */
  counts?: Record<string, unknown>;
  /** built-in id, or the file path it was read from */
  origin: { builtin: boolean; ref: string };
  projects: CatalogProject[];
  unassigned: CatalogItem[];
  /** every item (project items then unassigned) by id */
  items: Map<string, CatalogItem>;
  projectsById: Map<string, CatalogProject>;
  file: SourceFile;
  raw: Record<string, unknown>;
}
