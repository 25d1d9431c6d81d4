/**
 * Schema drift detection: what schema.prisma says the database looks like, what a migrated
 * database really looks like, and the differences between the two.
 *
 * Why: `prisma migrate` cannot run here, so migrations are written by hand (or with
 * `npm run db:migrate -- --create`), and nothing else would notice a schema.prisma edit that has
 * no migration. lib/db/schema-drift.test.ts applies the migrations to fresh databases and
 * requires `compareSchemas(expectedFromPrisma(...), introspect(...))` to be empty.
 *
 * Compared: tables; columns with their PostgreSQL types (Prisma scalar and @db native types
 * mapped the way Prisma's migrations create them), nullability and database defaults (literal
 * defaults, now(), autoincrement(), dbgenerated(); client-side defaults such as cuid() and
 * @updatedAt have no database default); primary keys, unique and plain indexes (columns, order,
 * sort direction, method) by their database names; foreign keys (columns, referenced table and
 * columns, ON DELETE / ON UPDATE) by name; enums with their values in order.
 * Not compared: column order, CHECK constraints, and custom foreign key names given with
 * `@relation(map: ...)` (the DMMF does not expose them; the comparator assumes Prisma's default
 * `<table>_<columns>_fkey`). The drift test's second check — Prisma's own engine diffing the
 * migrations against the schema (lib/db/prisma-engine.ts) — covers those too.
 */
import type { MigrationExecutor } from "./migrate";

export interface ColumnShape {
  /** As PostgreSQL's format_type() prints it, e.g. `timestamp(3) without time zone`, `text[]`. */
  type: string;
  nullable: boolean;
  /** Normalised default expression (casts removed), e.g. `0`, `'AGENT'`, `CURRENT_TIMESTAMP`. */
  default: string | null;
}

export interface IndexShape {
  unique: boolean;
  /** Column names, with ` DESC` for descending ones. */
  columns: string[];
  /** Access method, e.g. `btree`. */
  method: string;
}

export interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: { name: string; columns: string[] } | null;
  /** Unique and plain indexes by name (the primary key's index is not listed). */
  indexes: Record<string, IndexShape>;
  foreignKeys: Record<string, ForeignKeyShape>;
}

export interface SchemaShape {
  tables: Record<string, TableShape>;
  /** Enum type name → values in order. */
  enums: Record<string, string[]>;
}

/* ------------------------------------------------------------------------------------------ */
/* Normalisation shared by both sides                                                          */
/* ------------------------------------------------------------------------------------------ */

/** Quotes an identifier the way format_type() does (only when needed). */
function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * Normalises a default expression: drops `::type` casts (outside string literals) and unquotes
 * numbers, so `'-1'::integer` → `-1`, `'AGENT'::user_role` → `'AGENT'`,
 * `nextval('t_id_seq'::regclass)` → `nextval('t_id_seq')`.
 */
export function normalizeDefault(expression: string | null): string | null {
  if (expression === null) return null;
  let out = "";
  for (let i = 0; i < expression.length; ) {
    const ch = expression[i]!;
    if (ch === "'") {
      let j = i + 1;
      while (j < expression.length) {
        if (expression[j] === "'" && expression[j + 1] === "'") j += 2;
        else if (expression[j] === "'") break;
        else j += 1;
      }
      out += expression.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (expression.startsWith("::", i)) {
      const cast = /^::(?:"(?:[^"]|"")+"|[a-zA-Z_][\w$]*(?: [a-zA-Z_][\w$]*)*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*/.exec(
        expression.slice(i),
      );
      if (cast) {
        i += cast[0].length;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  out = out.trim();
  const quotedNumber = /^'(-?\d+(?:\.\d+)?)'$/.exec(out);
  return quotedNumber ? quotedNumber[1]! : out;
}

/* ------------------------------------------------------------------------------------------ */
/* The database side                                                                           */
/* ------------------------------------------------------------------------------------------ */

const FK_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** Reads the shape of the current schema (search_path's first), without `_prisma_migrations`. */
export async function introspectDatabase(db: MigrationExecutor): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: {}, enums: {} };
  const table = (name: string): TableShape =>
    (shape.tables[name] ??= { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} });

  const tables = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_catalog.pg_class c
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
  );
  for (const { name } of tables) table(name);

  const columns = await db.query<{ table: string; column: string; type: string; not_null: boolean; default: string | null }>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
            a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS "default"
     FROM pg_catalog.pg_class c
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
     ORDER BY c.relname, a.attnum`,
  );
  for (const row of columns) {
    table(row.table).columns[row.column] = {
      type: row.type,
      nullable: !row.not_null,
      default: normalizeDefault(row.default),
    };
  }

  const indexes = await db.query<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    method: string;
    columns: string[];
    options: number[];
    predicate: string | null;
    expressions: string | null;
  }>(
    `SELECT t.relname AS "table", i.relname AS name, x.indisunique AS "unique", x.indisprimary AS "primary",
            am.amname AS method,
            ARRAY(SELECT coalesce(a.attname::text, '<expression>')
                  FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                  WHERE k.ord <= x.indnkeyatts ORDER BY k.ord)::text[] AS columns,
            ARRAY(SELECT o FROM unnest(x.indoption::int2[]) WITH ORDINALITY AS p(o, ord) ORDER BY p.ord)::int[] AS options,
            pg_get_expr(x.indpred, x.indrelid) AS predicate,
            pg_get_expr(x.indexprs, x.indrelid) AS expressions
     FROM pg_catalog.pg_index x
     JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
     JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
     JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_catalog.pg_am am ON am.oid = i.relam
     WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'`,
  );
  for (const row of indexes) {
    const cols = row.columns.map((col, k) => ((row.options[k] ?? 0) & 1 ? `${col} DESC` : col));
    if (row.primary) {
      table(row.table).primaryKey = { name: row.name, columns: cols };
      continue;
    }
    // Partial and expression indexes cannot come from schema.prisma: keep them visible as such.
    let method = row.method;
    if (row.predicate) method += ` WHERE ${row.predicate}`;
    if (row.expressions) method += ` ON (${row.expressions})`;
    table(row.table).indexes[row.name] = { unique: row.unique, columns: cols, method };
  }

  const fks = await db.query<{
    table: string;
    name: string;
    columns: string[];
    referenced_table: string;
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT t.relname AS "table", con.conname AS name,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
            r.relname AS referenced_table,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS referenced_columns,
            con.confdeltype AS on_delete, con.confupdtype AS on_update
     FROM pg_catalog.pg_constraint con
     JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
     JOIN pg_catalog.pg_class r ON r.oid = con.confrelid
     JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
     WHERE con.contype = 'f' AND n.nspname = current_schema()`,
  );
  for (const row of fks) {
    table(row.table).foreignKeys[row.name] = {
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: FK_ACTIONS[row.on_delete] ?? row.on_delete,
      onUpdate: FK_ACTIONS[row.on_update] ?? row.on_update,
    };
  }

  const enums = await db.query<{ name: string; value: string }>(
    `SELECT t.typname AS name, e.enumlabel AS value
     FROM pg_catalog.pg_enum e
     JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid
     JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema()
     ORDER BY t.typname, e.enumsortorder`,
  );
  for (const row of enums) (shape.enums[row.name] ??= []).push(row.value);

  return shape;
}

/* ------------------------------------------------------------------------------------------ */
/* The schema.prisma side                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** The subset of Prisma's DMMF datamodel we read (from `getDMMF` of @prisma/internals). */
export interface DmmfDatamodel {
  models: ReadonlyArray<{
    name: string;
    dbName: string | null;
    fields: ReadonlyArray<DmmfField>;
  }>;
  enums: ReadonlyArray<{ name: string; dbName?: string | null; values: ReadonlyArray<{ name: string; dbName: string | null }> }>;
  indexes: ReadonlyArray<{
    model: string;
    type: "id" | "normal" | "unique" | "fulltext";
    dbName?: string | null;
    algorithm?: string | null;
    fields: ReadonlyArray<{ name: string; sortOrder?: "asc" | "desc" | null }>;
  }>;
}

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt?: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: readonly [string, readonly string[]] | null;
  relationFromFields?: readonly string[];
  relationToFields?: readonly string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

/** PostgreSQL types Prisma's migrations use for each scalar without @db. */
const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

function nativeTypeName(native: string, args: readonly string[]): string {
  const a = args.join(",");
  const withArgs = (base: string) => (a ? `${base}(${a})` : base);
  switch (native) {
    case "Text": return "text";
    case "VarChar": return withArgs("character varying");
    case "Char": return withArgs("character");
    case "Uuid": return "uuid";
    case "Xml": return "xml";
    case "Inet": return "inet";
    case "Citext": return "citext";
    case "Bit": return withArgs("bit");
    case "VarBit": return withArgs("bit varying");
    case "Integer": return "integer";
    case "SmallInt": return "smallint";
    case "BigInt": return "bigint";
    case "Oid": return "oid";
    case "Real": return "real";
    case "DoublePrecision": return "double precision";
    case "Decimal": return withArgs("numeric");
    case "Money": return "money";
    case "Boolean": return "boolean";
    case "Date": return "date";
    case "Timestamp": return `${withArgs("timestamp")} without time zone`;
    case "Timestamptz": return `${withArgs("timestamp")} with time zone`;
    case "Time": return `${withArgs("time")} without time zone`;
    case "Timetz": return `${withArgs("time")} with time zone`;
    case "Json": return "json";
    case "JsonB": return "jsonb";
    case "ByteA": return "bytea";
    default:
      throw new Error(`schema-drift: no PostgreSQL type known for @db.${native}; extend nativeTypeName()`);
  }
}

const PG_IDENTIFIER_MAX = 63;

/**
 * Prisma's default constraint/index name: `<table>_<columns joined by _><suffix>`, the part
 * before the suffix cut so that the whole fits PostgreSQL's 63-byte identifiers
 * (psl-core ConstraintNames).
 */
export function prismaConstraintName(table: string, columns: readonly string[], suffix: "pkey" | "key" | "idx" | "fkey"): string {
  const tail = `_${suffix}`;
  let head = columns.length > 0 && suffix !== "pkey" ? `${table}_${columns.join("_")}` : table;
  if (head.length + tail.length > PG_IDENTIFIER_MAX) head = head.slice(0, PG_IDENTIFIER_MAX - tail.length);
  return head + tail;
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** PostgreSQL silently cuts identifiers to 63 bytes (NAMEDATALEN - 1); Prisma does not. */
function pgIdent(name: string): string {
  const bytes = Buffer.from(name, "utf8");
  if (bytes.length <= PG_IDENTIFIER_MAX) return name;
  let cut = PG_IDENTIFIER_MAX;
  while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut -= 1; // do not split a UTF-8 character
  return bytes.subarray(0, cut).toString("utf8");
}

function expectedDefault(
  field: DmmfField,
  table: string,
  column: string,
  enumValueDbName: (enumName: string, value: string) => string,
): string | null {
  if (!field.hasDefaultValue || field.default === undefined) return null;
  const value = field.default;
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "name" in value) {
    const fn = value as { name: string; args: unknown[] };
    switch (fn.name) {
      case "now":
        return "CURRENT_TIMESTAMP";
      case "autoincrement":
        // The serial's sequence, as PostgreSQL names it (quoted when needed, as regclass prints it).
        return `nextval(${sqlString(quoteIdent(`${table}_${column}_seq`))})`;
      case "dbgenerated":
        return fn.args.length > 0 ? normalizeDefault(String(fn.args[0])) : null;
      case "cuid":
      case "uuid":
      case "nanoid":
      case "ulid":
        return null; // generated by Prisma Client, not the database
      default:
        throw new Error(`schema-drift: default function ${fn.name}() of ${table}.${column} is not supported; extend expectedDefault()`);
    }
  }
  if (field.isList || Array.isArray(value)) {
    throw new Error(`schema-drift: list default of ${table}.${column} is not supported; extend expectedDefault()`);
  }
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "string") {
    if (field.kind === "enum") return sqlString(enumValueDbName(field.type, value));
    if (["Int", "BigInt", "Float", "Decimal"].includes(field.type)) return normalizeDefault(value);
    if (field.type === "String") return sqlString(value);
  }
  throw new Error(
    `schema-drift: literal default ${JSON.stringify(value)} of ${table}.${column} (${field.type}) is not supported; extend expectedDefault()`,
  );
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** What the database should look like according to the DMMF of schema.prisma. */
export function expectedFromDmmf(datamodel: DmmfDatamodel): SchemaShape {
  const shape: SchemaShape = { tables: {}, enums: {} };
  const enumDbName = new Map(datamodel.enums.map((e) => [e.name, pgIdent(e.dbName ?? e.name)]));
  const enumValueDbName = (enumName: string, value: string) =>
    datamodel.enums.find((e) => e.name === enumName)?.values.find((v) => v.name === value)?.dbName ?? value;
  for (const e of datamodel.enums) {
    shape.enums[pgIdent(e.dbName ?? e.name)] = e.values.map((v) => v.dbName ?? v.name);
  }
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableOf = (modelName: string) => {
    const model = models.get(modelName);
    if (!model) throw new Error(`schema-drift: unknown model ${modelName}`);
    return pgIdent(model.dbName ?? model.name);
  };
  const columnOf = (modelName: string, fieldName: string) => {
    const field = models.get(modelName)?.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`schema-drift: unknown field ${modelName}.${fieldName}`);
    return pgIdent(field.dbName ?? field.name);
  };

  for (const model of datamodel.models) {
    const table = pgIdent(model.dbName ?? model.name);
    const t: TableShape = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
    shape.tables[table] = t;
    for (const field of model.fields) {
      if (field.kind === "object") {
        const from = field.relationFromFields ?? [];
        if (from.length === 0) continue;
        const columns = from.map((f) => columnOf(model.name, f));
        const required = from.every((f) => model.fields.find((x) => x.name === f)?.isRequired);
        t.foreignKeys[prismaConstraintName(table, columns, "fkey")] = {
          columns,
          referencedTable: tableOf(field.type),
          referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(field.type, f)),
          onDelete: REFERENTIAL_ACTIONS[field.relationOnDelete ?? (required ? "Restrict" : "SetNull")] ?? "?",
          onUpdate: REFERENTIAL_ACTIONS[field.relationOnUpdate ?? "Cascade"] ?? "?",
        };
        continue;
      }
      if (field.kind === "unsupported") {
        throw new Error(`schema-drift: Unsupported(...) field ${model.name}.${field.name} is not supported`);
      }
      const column = pgIdent(field.dbName ?? field.name);
      let type: string;
      if (field.kind === "enum") type = quoteIdent(enumDbName.get(field.type) ?? field.type);
      else if (field.nativeType) type = nativeTypeName(field.nativeType[0], field.nativeType[1]);
      else {
        const scalar = SCALAR_TYPES[field.type];
        if (!scalar) throw new Error(`schema-drift: no PostgreSQL type known for ${field.type}`);
        type = scalar;
      }
      if (field.isList) type += "[]";
      t.columns[column] = {
        type,
        // Prisma creates list columns without NOT NULL.
        nullable: field.isList || !field.isRequired,
        default: expectedDefault(field, table, column, enumValueDbName),
      };
    }
  }

  for (const index of datamodel.indexes) {
    const table = tableOf(index.model);
    const t = shape.tables[table]!;
    const plain = index.fields.map((f) => columnOf(index.model, f.name));
    const columns = index.fields.map((f, k) => (f.sortOrder === "desc" ? `${plain[k]} DESC` : plain[k]!));
    if (index.type === "id") {
      t.primaryKey = { name: index.dbName ? pgIdent(index.dbName) : prismaConstraintName(table, plain, "pkey"), columns };
    } else if (index.type === "unique" || index.type === "normal") {
      const name = index.dbName ? pgIdent(index.dbName) : prismaConstraintName(table, plain, index.type === "unique" ? "key" : "idx");
      t.indexes[name] = { unique: index.type === "unique", columns, method: (index.algorithm ?? "btree").toLowerCase() };
    } else {
      throw new Error(`schema-drift: ${index.type} indexes are not supported on PostgreSQL`);
    }
  }
  return shape;
}

/** Parses schema.prisma text with Prisma's own parser (wasm; no engine binary needed). */
export async function expectedFromPrismaSchema(schema: string): Promise<SchemaShape> {
  const { getDMMF } = await import("@prisma/internals");
  const dmmf = await getDMMF({ datamodel: schema });
  return expectedFromDmmf(dmmf.datamodel as unknown as DmmfDatamodel);
}

/* ------------------------------------------------------------------------------------------ */
/* The comparison                                                                              */
/* ------------------------------------------------------------------------------------------ */

const show = (value: unknown) => JSON.stringify(value);

/**
 * Every difference between what schema.prisma expects and what the database has, one readable
 * line each (empty when they agree).
 */
export function compareSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  const keys = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();

  for (const name of keys(expected.enums, actual.enums)) {
    const e = expected.enums[name];
    const a = actual.enums[name];
    if (!a) out.push(`enum ${name}: in schema.prisma, missing in the database`);
    else if (!e) out.push(`enum ${name}: in the database, not in schema.prisma`);
    else if (show(e) !== show(a)) out.push(`enum ${name}: values ${show(e)} in schema.prisma, ${show(a)} in the database`);
  }

  for (const tableName of keys(expected.tables, actual.tables)) {
    const e = expected.tables[tableName];
    const a = actual.tables[tableName];
    if (!a) {
      out.push(`table ${tableName}: in schema.prisma, missing in the database`);
      continue;
    }
    if (!e) {
      out.push(`table ${tableName}: in the database, not in schema.prisma`);
      continue;
    }
    const where = `table ${tableName}`;
    for (const col of keys(e.columns, a.columns)) {
      const ec = e.columns[col];
      const ac = a.columns[col];
      if (!ac) out.push(`${where}: column ${col} in schema.prisma, missing in the database`);
      else if (!ec) out.push(`${where}: column ${col} in the database, not in schema.prisma`);
      else {
        if (ec.type !== ac.type) out.push(`${where}: column ${col} type ${ec.type} in schema.prisma, ${ac.type} in the database`);
        if (ec.nullable !== ac.nullable)
          out.push(`${where}: column ${col} is ${ec.nullable ? "" : "NOT "}NULL in schema.prisma, ${ac.nullable ? "" : "NOT "}NULL in the database`);
        if (ec.default !== ac.default)
          out.push(`${where}: column ${col} default ${ec.default ?? "(none)"} in schema.prisma, ${ac.default ?? "(none)"} in the database`);
      }
    }
    if (show(e.primaryKey) !== show(a.primaryKey)) {
      out.push(`${where}: primary key ${show(e.primaryKey)} in schema.prisma, ${show(a.primaryKey)} in the database`);
    }
    for (const idx of keys(e.indexes, a.indexes)) {
      const ei = e.indexes[idx];
      const ai = a.indexes[idx];
      if (!ai) out.push(`${where}: index ${idx} ${show(ei)} in schema.prisma, missing in the database`);
      else if (!ei) out.push(`${where}: index ${idx} ${show(ai)} in the database, not in schema.prisma`);
      else if (show(ei) !== show(ai)) out.push(`${where}: index ${idx} is ${show(ei)} in schema.prisma, ${show(ai)} in the database`);
    }
    for (const fk of keys(e.foreignKeys, a.foreignKeys)) {
      const ef = e.foreignKeys[fk];
      const af = a.foreignKeys[fk];
      if (!af) out.push(`${where}: foreign key ${fk} ${show(ef)} in schema.prisma, missing in the database`);
      else if (!ef) out.push(`${where}: foreign key ${fk} ${show(af)} in the database, not in schema.prisma`);
      else if (show(ef) !== show(af)) out.push(`${where}: foreign key ${fk} is ${show(ef)} in schema.prisma, ${show(af)} in the database`);
    }
  }
  return out;
}
