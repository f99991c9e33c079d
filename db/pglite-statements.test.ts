import { PGlite, type Results } from "@electric-sql/pglite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { namedStatements, withNamedStatements } from "./pglite-statements";

let pg: PGlite;

// One database for the file (starting PGlite takes a second); each test gets the table afresh
// and no statements left by the one before.
beforeAll(async () => {
  pg = await PGlite.create("memory://");
});
afterAll(() => pg.close());
beforeEach(async () => {
  await pg.exec(`
    deallocate all;
    drop table if exists things;
    create table things (
      id serial primary key,
      name text not null unique,
      n integer,
      at timestamptz,
      doc jsonb,
      ok boolean,
      tags text[],
      raw bytea
    );
    insert into things (name, n, at, doc, ok, tags, raw)
      values ('a', 1, '2026-01-02T03:04:05Z', '{"k":[1,2]}', true, '{x,y}', '\\x0102'),
             ('b', null, null, null, null, null, null);
  `);
});

const prepared = async () =>
  (await pg.query<{ name: string }>("select name from pg_prepared_statements order by name")).rows.map((r) => r.name);

describe("namedStatements answers as PGlite's own query()", () => {
  const cases: [string, string, unknown[]][] = [
    ["one row by key", "select * from things where name = $1", ["a"]],
    ["nulls and no rows", "select * from things where name = $1 or n = $2", ["b", 99]],
    ["no rows at all", "select id, name from things where name = $1", ["nobody"]],
    ["every parameter type", "select $1::int as i, $2::text as t, $3::timestamptz as at, $4::jsonb as doc, $5::bool as ok, $6::text[] as tags, $7::bytea as raw, $8::int as nothing",
      [7, "x", new Date("2026-03-04T05:06:07Z"), { a: 1 }, false, ["p", "q"], new Uint8Array([9, 8]), null]],
    ["insert returning", "insert into things (name, n) values ($1, $2) returning name, n", ["c", 3]],
    ["update counts rows", "update things set n = $1 where name in ($2, $3)", [5, "a", "b"]],
    ["delete counts rows", "delete from things where name = $1", ["b"]],
  ];

  for (const [what, sql, params] of cases) {
    for (const rowMode of ["object", "array"] as const) {
      it(`${what} (${rowMode} rows)`, async () => {
        // PGlite's own answer first, inside a transaction it rolls back, so writes compare like for like.
        let expected!: Results;
        await pg.transaction(async (tx) => {
          expected = await tx.query(sql, params, { rowMode });
          await tx.rollback();
        });
        const actual = await namedStatements(pg).query(sql, params, { rowMode });
        expect(actual.rows).toEqual(expected.rows);
        expect(actual.fields).toEqual(expected.fields);
        expect(actual.affectedRows).toEqual(expected.affectedRows);
      });
    }
  }

  it("applies the caller's parsers (the app reads timestamps and numerics as text)", async () => {
    const identity = { 1184: (v: string) => v, 23: (v: string) => v };
    const sql = "select n, at from things where name = $1";
    const expected = await pg.query(sql, ["a"], { parsers: identity });
    const actual = await namedStatements(pg).query(sql, ["a"], { parsers: identity });
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.rows[0]).toEqual({ n: "1", at: expect.stringMatching(/^2026-01-02 03:04:05/) });
  });
});

describe("namedStatements keeps statements", () => {
  it("parses a text once and runs it again by name", async () => {
    const statements = namedStatements(pg);
    for (const name of ["a", "b", "a"]) await statements.query("select n from things where name = $1", [name]);
    expect(await prepared()).toEqual(["pixola_1"]);
    expect(statements.size).toBe(1);
  });

  it("keeps at most `max`, closing the least recently used", async () => {
    const statements = namedStatements(pg, 3);
    for (let i = 1; i <= 5; i++) await statements.query(`select $1::int + ${i} as v`, [i]);
    // The two evicted are closed in the round trip of the next statement.
    await statements.query("select $1::int + 5 as v", [0]);
    expect(statements.size).toBe(3);
    expect(await prepared()).toEqual(["pixola_3", "pixola_4", "pixola_5"]);
  });

  it("reports errors as PostgreSQL gives them and does not keep a statement that failed to parse", async () => {
    const statements = namedStatements(pg);
    await expect(statements.query("insert into things (name) values ($1)", ["a"])).rejects.toMatchObject({
      code: "23505",
      constraint: "things_name_key",
    });
    await expect(statements.query("selec name from things where name = $1", ["a"])).rejects.toMatchObject({ code: "42601" });
    expect(statements.size).toBe(1);
    expect((await statements.query("select name from things where name = $1", ["a"])).rows).toEqual([{ name: "a" }]);
  });

  it("prepares again, once, when a table under a kept statement changes shape", async () => {
    const statements = namedStatements(pg);
    const sql = "select * from things where name = $1";
    await statements.query(sql, ["a"]);
    await pg.exec("alter table things add column extra text default 'new'");
    const after = await statements.query(sql, ["a"]);
    expect(after.rows[0]).toMatchObject({ name: "a", extra: "new" });
  });
});

describe("withNamedStatements in and out of transactions", () => {
  it("a statement outside a transaction waits for the open one and never sees its uncommitted rows", async () => {
    const db = withNamedStatements(pg);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const wrote = new Promise<void>((r) => (inserted = r));
    const tx = db.transaction(async (t) => {
      await t.query("insert into things (name) values ($1)", ["pending"]);
      inserted();
      await held;
      await t.rollback();
    });
    await wrote;
    const outside = db.query("select count(*)::int as c from things where name = $1", ["pending"]);
    let answered = false;
    void outside.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    release();
    await tx;
    expect((await outside).rows).toEqual([{ c: 0 }]);
  });

  it("statements inside a transaction see its own writes, and a rollback undoes them", async () => {
    const db = withNamedStatements(pg);
    const seen = await db.transaction(async (t) => {
      await t.query("insert into things (name, n) values ($1, $2)", ["inside", 10]);
      const r = await t.query<{ n: number }>("select n from things where name = $1", ["inside"]);
      await t.rollback();
      return r.rows;
    });
    expect(seen).toEqual([{ n: 10 }]);
    expect((await db.query("select n from things where name = $1", ["inside"])).rows).toEqual([]);
    await db.transaction(async (t) => {
      await t.query("insert into things (name, n) values ($1, $2)", ["kept", 11]);
    });
    expect((await db.query("select n from things where name = $1", ["kept"])).rows).toEqual([{ n: 11 }]);
  });

  it("an error inside a transaction rolls it back and leaves the database usable", async () => {
    const db = withNamedStatements(pg);
    await expect(
      db.transaction(async (t) => {
        await t.query("update things set n = $1 where name = $2", [42, "a"]);
        await t.query("insert into things (name) values ($1)", ["a"]);
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect((await db.query("select n from things where name = $1", ["a"])).rows).toEqual([{ n: 1 }]);
  });
});
