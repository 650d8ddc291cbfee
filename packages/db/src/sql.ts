import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The one way modules talk to PostgreSQL (docs/adr/0015-sql-through-typed-queries.md): SQL text
 * with `$n` parameters through TypeORM's query runner, rows typed by the caller's interface. Each
 * module keeps its statements in its `queries.ts`; the row interfaces there are the contract.
 */
export interface Sql {
  /** Every row the statement returns. */
  rows<T extends object>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first row, or undefined when there is none. */
  maybe<T extends object>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** The first row; a statement that returns none is a programming error (aggregates, `returning`). */
  one<T extends object>(text: string, params?: readonly unknown[]): Promise<T>;
  /** Rows inserted, updated or deleted. */
  exec(text: string, params?: readonly unknown[]): Promise<number>;
}

/** Statement and transaction counts of one scope (a request or a job), for logs and benchmarks. */
export interface SqlStats {
  statements: number;
  transactions: number;
}

interface Structured {
  records?: unknown[];
  affected?: number;
}

/** A Sql on one query runner (inside a transaction: every statement sees the same snapshot and locks). */
export function sqlOn(runner: QueryRunner, stats?: SqlStats): Sql {
  const run = async (text: string, params: readonly unknown[] = []): Promise<Structured> => {
    if (stats) stats.statements++;
    // TypeORM's structured result: `records` for rows, `affected` for the row count.
    const r: Structured = await runner.query(text, [...params], true);
    return r;
  };
  return {
    async rows<T extends object>(text: string, params?: readonly unknown[]) {
      return ((await run(text, params)).records ?? []) as T[];
    },
    async maybe<T extends object>(text: string, params?: readonly unknown[]) {
      return ((await run(text, params)).records ?? [])[0] as T | undefined;
    },
    async one<T extends object>(text: string, params?: readonly unknown[]) {
      const row = ((await run(text, params)).records ?? [])[0];
      if (row === undefined) throw new Error(`expected a row from: ${text.slice(0, 80)}`);
      return row as T;
    },
    async exec(text: string, params?: readonly unknown[]) {
      return (await run(text, params)).affected ?? 0;
    },
  };
}

/** A Sql on a data source outside any transaction: each statement on a pooled connection of its own. */
export function sqlOnPool(ds: DataSource, stats?: SqlStats): Sql {
  const once = async <R>(fn: (sql: Sql) => Promise<R>): Promise<R> => {
    const runner = ds.createQueryRunner();
    try {
      return await fn(sqlOn(runner, stats));
    } finally {
      await runner.release();
    }
  };
  return {
    rows: (text, params) => once((s) => s.rows(text, params)),
    maybe: (text, params) => once((s) => s.maybe(text, params)),
    one: (text, params) => once((s) => s.one(text, params)),
    exec: (text, params) => once((s) => s.exec(text, params)),
  };
}

/** The constraint a failed statement violated (unique, check, foreign key), when it was one. */
export function violatedConstraint(err: unknown): string | undefined {
  const e = err as { constraint?: unknown; driverError?: { constraint?: unknown } } | null;
  const c = e?.constraint ?? e?.driverError?.constraint;
  return typeof c === 'string' ? c : undefined;
}

/** The SQLSTATE of a failed statement. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const c = e?.code ?? e?.driverError?.code;
  return typeof c === 'string' ? c : undefined;
}
