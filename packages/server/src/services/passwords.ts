/** Password hashing with argon2id; the cost is configurable so tests need not pay the production price. */
import { hash, verify } from '@node-rs/argon2';

/** Hashes and verifies passwords. */
export interface PasswordHasher {
  hash: (password: string) => Promise<string>;
  verify: (hashed: string, password: string) => Promise<boolean>;
}

/** argon2id cost parameters (memory in KiB). */
export interface Argon2Cost {
  memoryCost: number;
  timeCost: number;
}

/** OWASP's minimum recommendation for argon2id: 19 MiB, 2 iterations. */
export const PRODUCTION_COST: Argon2Cost = { memoryCost: 19_456, timeCost: 2 };

// @node-rs/argon2 declares its Algorithm as a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2;

/** An argon2id hasher with the given cost. */
export function argon2Hasher(cost: Argon2Cost = PRODUCTION_COST): PasswordHasher {
  return {
    hash: (password) => hash(password, { algorithm: ARGON2ID, memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 }),
    verify: async (hashed, password) => {
      try {
        return await verify(hashed, password);
      } catch {
        return false;
      }
    },
  };
}
