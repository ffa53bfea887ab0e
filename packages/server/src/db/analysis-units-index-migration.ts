/**
 * Migration 0005-analysis-units-index: the dashboard's totals and grades (counts, sums, lowest, highest and
 * the median read by offset in total order) answered from one index holding every column they filter on, so
 * neither query reads the facts rows themselves. Measured in bench/RESULTS.md ("Dashboard at scale").
 */
import type { Kysely, Migration } from 'kysely';

export const analysisUnitsIndex: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('analysis_forms_year_units').on('analysis_forms').columns(['year', 'total_units', 'state', 'region_id', 'grade']).execute();
  },
};
