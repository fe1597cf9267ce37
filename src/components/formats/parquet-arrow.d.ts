export function parquetWasm(): Promise<any>;
export function parquetToArrowStream(bytes: ArrayBuffer | Uint8Array): Promise<Uint8Array>;
export function arrowFromParquet(parquetFile: {arrayBuffer: () => Promise<ArrayBuffer>}): {
  arrayBuffer: () => Promise<Uint8Array>;
};
