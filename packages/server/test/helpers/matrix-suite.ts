/**
 * The setup every permission matrix shares: the real app on a fresh database of one dialect, the world, and
 * every caller signed in, made before the suite's tests and closed after them.
 */
import { beforeAll } from 'vitest';
import type { Actor } from '@jixiao/core';
import type { TestDialect } from './dialects.js';
import type { Caller, Client } from './factories.js';
import { actorOfCaller, signInEveryone } from './factories.js';
import type { WorldSuite } from './test-app.js';
import { worldSuite } from './test-app.js';

/** What a matrix suite's tests use, ready once the suite has started. */
export interface MatrixSuite extends WorldSuite {
  /** A caller's signed-in client (null for the public). */
  client: (caller: Caller) => Client | null;
  /** The actor core judges for a caller (null for the public). */
  actorOf: (caller: Caller) => Actor | null;
}

/** Registers the suite's set-up and tear-down in the calling `describe`. */
export function matrixSuite(dialect: TestDialect): MatrixSuite {
  const suite = worldSuite(dialect);
  let clients: Map<Caller, Client | null> | null = null;
  beforeAll(async () => {
    clients = await signInEveryone(suite.t.app);
  });
  return {
    get t() {
      return suite.t;
    },
    get world() {
      return suite.world;
    },
    client: (caller) => {
      if (clients === null) throw new Error('the matrix suite has not started');
      return clients.get(caller) ?? null;
    },
    actorOf: (caller) => actorOfCaller(suite.world, caller),
  };
}
