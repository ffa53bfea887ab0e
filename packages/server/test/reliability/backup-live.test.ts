/**
 * A backup taken while the day's work goes on: `jixiao db backup` (the built command, its own process) runs
 * against the database of a running server (its own process) while clients save forms and move them along
 * the workflow, on SQLite and PostgreSQL. Each backup, restored with `jixiao db restore` into a fresh
 * database, is one consistent moment: the engine's checks pass, each form's row, versions and audit log
 * agree, and every change acknowledged before the backup began is in it.
 *
 * CI size: LIVE_BACKUPS=3 per database. On demand: LIVE_BACKUPS=20 npx vitest run packages/server/test/reliability/backup-live.test.ts
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@jixiao/core';
import { DIALECTS } from '../helpers/dialects.js';
import type { Acknowledged } from './acknowledged.js';
import { acknowledgedProblems } from './acknowledged.js';
import { busyClient, newTraffic } from './busy-clients.js';
import { consistencyProblems } from './consistency.js';
import type { DatabasePlace } from './databases.js';
import { freshDatabase } from './databases.js';
import { signIn, visibleForms } from './http-client.js';
import type { ServerProcess } from './server-process.js';
import { runJixiao, startServerProcess } from './server-process.js';

const BACKUPS = Number(process.env['LIVE_BACKUPS'] ?? 3);
const CLIENTS = 6;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`backups while the server runs on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const places: DatabasePlace[] = [];
    let server: ServerProcess | undefined;
    afterAll(async () => {
      await server?.stop();
      for (const p of places) await p.drop();
    });
    let source: DatabasePlace;
    beforeAll(async () => {
      source = await freshDatabase(dialect, 'live');
      places.push(source);
      server = await startServerProcess(source.url, { demo: true });
    });

    it(`${BACKUPS} backups taken amid saves and transitions each restore to a consistent database holding every earlier acknowledged change`, async () => {
      if (!server) throw new Error('no server');
      const session = await signIn(server.base, 'admin');
      const formIds = (await visibleForms(server.base, session)).filter((f) => ['draft', 'submitted'].includes(f.state)).map((f) => f.id);
      const traffic = newTraffic(server.base);
      const clients = Array.from({ length: CLIENTS }, (_, i) => busyClient(traffic, session, formIds, seededRandom(1000 + i)));
      const taken: { file: string; before: Acknowledged[]; during: number }[] = [];
      try {
        for (let b = 1; b <= BACKUPS; b++) {
          while (traffic.sinceLook < 5) await sleep(10);
          traffic.sinceLook = 0;
          const file = join(source.dir, `live-${b}.backup`);
          const before = [...traffic.acknowledged];
          const backup = await runJixiao(['db', 'backup', file, '--database-url', source.url]);
          expect(backup, backup.err).toMatchObject({ code: 0 });
          taken.push({ file, before, during: traffic.acknowledged.length - before.length });
        }
      } finally {
        traffic.stopped = true;
        await Promise.all(clients);
      }
      await server.stop();
      server = undefined;
      expect(traffic.unexpected).toEqual([]);
      // The backups really ran amid writes: changes were acknowledged while they were being taken.
      expect(taken.reduce((n, t) => n + t.during, 0)).toBeGreaterThan(0);

      for (const t of taken) {
        const target = await freshDatabase(dialect, 'restored');
        places.push(target);
        const restore = await runJixiao(['db', 'restore', t.file, '--database-url', target.url]);
        expect(restore, restore.err).toMatchObject({ code: 0 });
        expect(restore.out).toContain('已恢复');
        expect({ backup: t.file, problems: [...(await consistencyProblems(target.url)), ...(await acknowledgedProblems(target.url, t.before))] }).toEqual({ backup: t.file, problems: [] });
      }
      console.log(`backups while running on ${dialect.name}: ${taken.map((t) => `${t.before.length} acknowledged before, ${t.during} during`).join('; ')}`);
    }, 240_000);
  });
}
