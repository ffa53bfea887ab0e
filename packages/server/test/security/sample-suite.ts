/**
 * The setup of the suites that send a request to every registered route (CSRF, headers, hostile strings):
 * the app with its routes collected, the world, and the forms and evidence whose ids `route-samples.ts`
 * puts in the routes' parameters.
 */
import { beforeAll } from 'vitest';
import type { TestDialect } from '../helpers/dialects.js';
import { buildAttachment, buildForm } from '../helpers/factories.js';
import type { WorldSuite } from '../helpers/test-app.js';
import { worldSuite } from '../helpers/test-app.js';
import type { RegisteredRoute } from './route-matrix.js';
import { routeCollector } from './route-matrix.js';
import type { SampleIds } from './route-samples.js';
import { SAMPLE_LEAF_ID } from './route-samples.js';

/**
 * The sample evidence: a text file holding markup, so that a download served as a page of the site would
 * run it (the headers suite checks it never is).
 */
export const SAMPLE_ATTACHMENT = { fileName: '说明.txt', text: '<html><script>alert(1)</script></html>' } as const;

/** What the every-route suites use, ready once the suite has started. */
export interface SampleSuite extends WorldSuite {
  /** Every route the app registered, as it registered them. */
  readonly routes: readonly RegisteredRoute[];
  /** A draft of d1 with the sample evidence, and a published form of d3. */
  readonly ids: SampleIds;
}

/** Registers the suite's set-up and tear-down in the calling `describe`. */
export function sampleSuite(dialect: TestDialect): SampleSuite {
  const collector = routeCollector();
  const suite = worldSuite(dialect, { onRoute: collector.onRoute });
  let ids: SampleIds | null = null;
  beforeAll(async () => {
    const { t, world } = suite;
    await t.app.ready();
    const form = await buildForm(t.ctx, world, world.departments.d1, 'draft');
    const published = await buildForm(t.ctx, world, world.departments.d3, 'published');
    const attachmentId = await buildAttachment(t.ctx, { formId: form.id, indicatorId: SAMPLE_LEAF_ID, ...SAMPLE_ATTACHMENT });
    ids = { world, formId: form.id, publishedFormId: published.id, attachmentId };
  });
  return {
    get t() {
      return suite.t;
    },
    get world() {
      return suite.world;
    },
    routes: collector.routes,
    get ids() {
      if (ids === null) throw new Error('the sample suite has not started');
      return ids;
    },
  };
}
