import type { Exporter, ExporterId } from './types.js';

/** The registry of exporters (one line each). Exporters load their document library only when asked, so other commands stay light. */
export async function loadExporter(id: ExporterId): Promise<Exporter> {
  if (id === 'xlsx') return (await import('./xlsx/index.js')).xlsxExporter;
  return (await import('./docx/index.js')).docxExporter;
}
