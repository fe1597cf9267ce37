/**
 * The part of Framework's standard library that the components import (`observablehq:stdlib`), for the type
 * check of `src/components/*.js` (`src/components/tsconfig.json`): Framework resolves the module at build time.
 */
declare module "observablehq:stdlib" {
  /** A file of the site, named by a literal path relative to the importing module. */
  export interface AbstractFile {
    readonly name: string;
    readonly mimeType: string;
    url(): Promise<string>;
    text(): Promise<string>;
    json(): Promise<any>;
    arrayBuffer(): Promise<ArrayBuffer>;
    arrow(): Promise<import("apache-arrow").Table>;
    parquet(): Promise<import("apache-arrow").Table>;
    csv(options?: {typed?: boolean}): Promise<any[]>;
    zip(): Promise<any>;
  }
  export function FileAttachment(name: string): AbstractFile;
}
