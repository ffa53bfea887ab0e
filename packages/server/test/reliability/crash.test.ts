/**
 * Power cut in the middle of the day's work: the built server (its own process) is killed with SIGKILL at
 * seeded random moments while clients save forms and move them along the workflow, then started again on the
 * same database, many times, on SQLite and PostgreSQL. After every kill, before the restart, the database is
 * whole (the engine's own checks, and each form's row, versions and audit log tell one story, with no orphan
 * rows), and every save and transition a client was answered 2xx for is there, exactly once, with its own
 * words. Bulk imports killed half-way are covered by the bulk-import tests.
 *
 * CI size: CRASH_KILLS=8 per database. On demand: CRASH_KILLS=100 CRASH_SEED=7
 * npx vitest run packages/server/test/reliability/crash.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@jixiao/core';
import { DIALECTS } from '../helpers/dialects.js';
import { acknowledgedProblems } from './acknowledged.js';
import { busyClient, newTraffic } from './busy-clients.js';
import { consistencyProblems } from './consistency.js';
import type { DatabasePlace } from './databases.js';
import { freshDatabase } from './databases.js';
import { signIn, visibleForms } from './http-client.js';
import type { ServerProcess } from './server-process.js';
import { startServerProcess } from './server-process.js';

const KILLS = Number(process.env['CRASH_KILLS'] ?? 8);
const SEED = Number(process.env['CRASH_SEED'] ?? 20_261_127);
const CLIENTS = 6;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`crashes on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    let place: DatabasePlace;
    let server: ServerProcess | undefined;
    beforeAll(async () => {
      place = await freshDatabase(dialect, 'crash');
      server = await startServerProcess(place.url, { demo: true });
    });
    afterAll(async () => {
      await server?.stop();
      await place?.drop();
    });

    it(`${KILLS} SIGKILLs in the middle of saves and transitions leave the database whole and lose nothing acknowledged`, async () => {
      if (!server) throw new Error('no server');
      const random = seededRandom(SEED);
      const session = await signIn(server.base, 'admin');
      // The forms that can keep cycling: drafts are saved and submitted, submitted ones returned.
      const formIds = (await visibleForms(server.base, session)).filter((f) => ['draft', 'submitted'].includes(f.state)).map((f) => f.id);
      const traffic = newTraffic(server.base);
      const clients = Array.from({ length: CLIENTS }, (_, i) => busyClient(traffic, session, formIds, seededRandom(SEED + i + 1)));
      const report: string[] = [];
      try {
        for (let kill = 1; kill <= KILLS; kill++) {
          // Let something happen first, then cut at a random moment.
          const started = Date.now();
          while (traffic.sinceLook < 3 && Date.now() - started < 30_000) await sleep(5);
          await sleep(50 + random.int(0, 899));
          traffic.sinceLook = 0;
          await server.kill();
          traffic.base = null;
          server = undefined;

          const problems = [...(await consistencyProblems(place.url)), ...(await acknowledgedProblems(place.url, traffic.acknowledged))];
          report.push(`kill ${kill}: ${traffic.acknowledged.length} acknowledged so far, ${traffic.cutOff} requests cut off`);
          expect({ kill, problems }).toEqual({ kill, problems: [] });

          server = await startServerProcess(place.url);
          traffic.base = server.base;
        }
        // The server that came back after the last kill works on what it found.
        const before = traffic.acknowledged.length;
        while (traffic.acknowledged.length < before + 3) await sleep(10);
      } finally {
        traffic.stopped = true;
        await Promise.all(clients);
      }
      await server?.stop();
      server = undefined;
      console.log(`crashes on ${dialect.name} (seed ${SEED}):\n  ${report.join('\n  ')}`);
      expect(traffic.unexpected).toEqual([]);
      expect([...new Set(traffic.acknowledged.map((a) => a.action))].sort()).toEqual(['return', 'save', 'submit']);
      expect(traffic.cutOff).toBeGreaterThan(0);
      expect([...(await consistencyProblems(place.url)), ...(await acknowledgedProblems(place.url, traffic.acknowledged))]).toEqual([]);
    }, 60_000 + KILLS * 20_000);
  });
}
