/**
 * Arrow record batches built column by column straight into typed arrays (values, validity bitmaps, UTF-8
 * offsets), without Arrow's per-value builders or JavaScript values: DuckDB's result vectors are copied byte
 * for byte (DuckDB and Arrow lay out numbers, dates and validity bits alike), so a table of millions of rows
 * goes to its `.arrow` file without one JavaScript string per cell. The schema is the one `toArrow`
 * (`table.ts`) gives the same columns.
 */
import duckdb from "@duckdb/node-bindings";
import type {DuckDBDataChunk} from "@duckdb/node-api";
import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int32,
  RecordBatch,
  Schema,
  Struct,
  Utf8,
  makeData,
  type Data,
  type DataType
} from "apache-arrow";
import type {ColumnSummary, ColumnType} from "./schema.ts";

/** The Arrow type of a declared column type (as `toArrow` types it). */
export function arrowType(type: ColumnType): DataType {
  switch (type) {
    case "integer":
      return new Int32();
    case "number":
      return new Float64();
    case "boolean":
      return new Bool();
    case "date":
      return new DateDay();
    default:
      return new Utf8();
  }
}

/** The Arrow schema of a table's columns: one nullable field per column, in order. */
export function arrowSchema(columns: readonly ColumnSummary[]): Schema {
  return new Schema(columns.map((c) => new Field(c.name, arrowType(c.type), true)));
}

/** A growable byte buffer. */
class Bytes {
  buffer = new Uint8Array(1 << 16);
  length = 0;
  /** Makes room for `n` more bytes and returns the offset where they go. */
  reserve(n: number): number {
    if (this.length + n > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    const at = this.length;
    this.length += n;
    return at;
  }
  append(bytes: Uint8Array): void {
    const at = this.reserve(bytes.length);
    this.buffer.set(bytes, at);
  }
  /** The bytes written so far, copied out. */
  take(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Bytes per value of the fixed-width types, as DuckDB stores them. */
const WIDTH: Partial<Record<ColumnType, number>> = {integer: 4, date: 4, number: 8, boolean: 1};

/**
 * One column of a record batch being filled from DuckDB result chunks: VARCHAR for text and codes, INTEGER,
 * DOUBLE, BOOLEAN, DATE (days since 1970-01-01, as Arrow's `DateDay`).
 */
class ColumnAccumulator {
  private values = new Bytes();
  private offsets: number[] = [0];
  private valid = new Bytes();
  private rows = 0;
  private nulls = 0;
  constructor(private readonly type: ColumnType) {}

  /** Appends the `rowCount` values of a flat DuckDB vector. */
  append(vector: duckdb.Vector, rowCount: number): void {
    const validity = duckdb.vector_get_validity(vector, Math.ceil(rowCount / 64) * 8);
    const width = WIDTH[this.type];
    const data = duckdb.vector_get_data(vector, rowCount * (width ?? 16));
    const first = this.rows;
    this.valid.reserve(((first + rowCount + 7) >> 3) - this.valid.length);
    const bits = this.valid.buffer;
    for (let r = 0; r < rowCount; r++) {
      const ok = !validity || ((validity[r >> 3]! >> (r & 7)) & 1) === 1;
      if (ok) bits[(first + r) >> 3]! |= 1 << ((first + r) & 7);
      else this.nulls++;
    }
    if (this.type === "boolean") {
      this.values.reserve(((first + rowCount + 7) >> 3) - this.values.length);
      const out = this.values.buffer;
      for (let r = 0; r < rowCount; r++) if (data[r]) out[(first + r) >> 3]! |= 1 << ((first + r) & 7);
    } else if (width) {
      this.values.append(data);
    } else {
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (let r = 0; r < rowCount; r++) {
        const at = r * 16;
        const length = view.getUint32(at, true);
        if (length > 0 && (!validity || ((validity[r >> 3]! >> (r & 7)) & 1) === 1)) {
          if (length <= 12) {
            // Inlined in the vector: copied byte by byte (a view per cell would cost more).
            const to = this.values.reserve(length);
            const out = this.values.buffer;
            for (let k = 0; k < length; k++) out[to + k] = data[at + 4 + k]!;
          } else {
            const pointer = data.byteOffset + at + 8;
            this.values.append(duckdb.get_data_from_pointer(data.buffer as ArrayBuffer, pointer, length));
          }
        }
        this.offsets.push(this.values.length);
      }
    }
    this.rows += rowCount;
  }

  get rowCount(): number {
    return this.rows;
  }

  /** The Arrow data of the rows appended so far; the accumulator starts again empty. */
  take(): Data {
    const length = this.rows;
    const nullCount = this.nulls;
    const nullBitmap = nullCount > 0 ? this.valid.take() : new Uint8Array(0);
    const bytes = this.values.take();
    const base = {length, nullCount, nullBitmap};
    let data: Data;
    switch (this.type) {
      case "integer":
        data = makeData({type: new Int32(), data: new Int32Array(bytes.buffer, 0, length), ...base});
        break;
      case "date":
        data = makeData({type: new DateDay(), data: new Int32Array(bytes.buffer, 0, length), ...base});
        break;
      case "number":
        data = makeData({type: new Float64(), data: new Float64Array(bytes.buffer, 0, length), ...base});
        break;
      case "boolean":
        data = makeData({type: new Bool(), data: bytes, ...base});
        break;
      default:
        data = makeData({
          type: new Utf8(),
          data: bytes,
          valueOffsets: Int32Array.from(this.offsets),
          ...base
        });
    }
    this.values = new Bytes();
    this.offsets = [0];
    this.valid = new Bytes();
    this.rows = this.nulls = 0;
    return data;
  }
}

/** The DuckDB type a column is read as by {@link RecordBatchAccumulator} (cast in the query). */
export const DUCKDB_TYPES: Record<ColumnType, string> = {
  string: "VARCHAR",
  code: "VARCHAR",
  integer: "INTEGER",
  number: "DOUBLE",
  boolean: "BOOLEAN",
  date: "DATE"
};

/**
 * Fills record batches of `columns` from DuckDB result chunks whose columns are, in order, of the types
 * {@link DUCKDB_TYPES} gives.
 */
export class RecordBatchAccumulator {
  readonly schema: Schema;
  private readonly columns: ColumnAccumulator[];
  constructor(columns: readonly ColumnSummary[]) {
    this.schema = arrowSchema(columns);
    this.columns = columns.map((c) => new ColumnAccumulator(c.type));
  }

  /** Appends the rows of a result chunk. */
  append(chunk: DuckDBDataChunk): void {
    const rowCount = chunk.rowCount;
    this.columns.forEach((c, i) => c.append(duckdb.data_chunk_get_vector(chunk.chunk, i), rowCount));
  }

  /** Rows appended since the last batch was taken. */
  get rowCount(): number {
    return this.columns[0]?.rowCount ?? 0;
  }

  /** The record batch of the rows appended since the last one. */
  take(): RecordBatch {
    const length = this.rowCount;
    const children = this.columns.map((c) => c.take());
    const type = new Struct(this.schema.fields);
    return new RecordBatch(this.schema, makeData({type, length, nullCount: 0, children}));
  }
}
