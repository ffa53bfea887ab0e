/** The clock and the id generator, injected everywhere so that tests control time and ids. */
import { randomUUID } from 'node:crypto';

/** Now, as the server sees it. */
export type Clock = () => Date;

/** A new unique id for a row (ids are made in code, so the DDL stays portable). */
export type IdGenerator = () => string;

/** The system clock. */
export const systemClock: Clock = () => new Date();

/** Random UUIDs. */
export const randomIds: IdGenerator = () => randomUUID();
