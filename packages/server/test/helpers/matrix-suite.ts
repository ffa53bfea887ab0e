/**
 * The setup every permission matrix shares: the real app on a fresh database of one dialect, the world, and
 * every caller signed in, made before the suite's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Actor } from '@jixiao/core';
import type { TestDialect } from './dialects.js';
import type { Caller, Client, World } from './factories.js';
import { actorOfCaller, buildWorld, signInEveryone } from './factories.js';
import type { TestApp } from './test-app.js';
import { createTestApp } from './test-app.js';

/** What a matrix suite's tests use, ready once the suite has started. */
export interface MatrixSuite {
  readonly t: TestApp;
  readonly world: World;
  /** A caller's signed-in client (null for the public). */
  client: (caller: Caller) => Client | null;
  /** The actor core judges for a caller (null for the public). */
  actorOf: (caller: Caller) => Actor | null;
}

/** Registers the suite's set-up and tear-down in the calling `describe`. */
export function matrixSuite(dialect: TestDialect): MatrixSuite {
  let state: { t: TestApp; world: World; clients: Map<Caller, Client | null> } | null = null;
  beforeAll(async () => {
    const t = await createTestApp(dialect);
    const world = await buildWorld(t.ctx);
    state = { t, world, clients: await signInEveryone(t.app) };
  });
  afterAll(async () => state?.t.close());
  const ready = () => {
    if (state === null) throw new Error('the matrix suite has not started');
    return state;
  };
  return {
    get t() {
      return ready().t;
    },
    get world() {
      return ready().world;
    },
    client: (caller) => ready().clients.get(caller) ?? null,
    actorOf: (caller) => actorOfCaller(ready().world, caller),
  };
}
