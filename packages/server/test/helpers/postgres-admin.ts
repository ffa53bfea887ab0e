/**
 * What the tests do as the PostgreSQL cluster's administrator: create and drop the schemas and databases
 * the suites run in, each statement on a connection of its own.
 */
import pg from 'pg';

/** Runs one statement on a connection of its own to `url`. */
export async function adminStatement(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let made = 0;

/** A fresh schema on the cluster at `url`, named after `purpose` (unique to this process), and how to drop it with all it holds. */
export async function freshSchema(url: string, purpose: string): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `${purpose}_${process.pid}_${Date.now().toString(36)}_${made++}`;
  await adminStatement(url, `CREATE SCHEMA ${schema}`);
  return { schema, drop: () => adminStatement(url, `DROP SCHEMA ${schema} CASCADE`) };
}
