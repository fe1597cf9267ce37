// Finding the map feature under the pointer, for the tooltip of canvas maps. Pure: tested with vitest.
//
// Why this method: the test runs on the very coordinates that were drawn (the projected rings of map-canvas.js, in
// CSS pixels once the fit's transform is applied), for the few features whose bounding box holds the point (a
// uniform grid of boxes), with an exact even-odd point-in-polygon test. It is exact up to the edges (a quadtree of
// centroids picks the wrong commune near borders), needs no inverse projection, costs nothing at draw time (the
// grid is built on the first hover, a few tens of ms for 35,000 communes) and, unlike a hidden picking canvas with
// one colour per feature, needs no second rendering of every shape nor antialiased edge colours to decode. The
// even-odd rule leaves holes out and does not depend on ring winding.

/**
 * Whether the point (x, y) is inside feature `i` of projected features (even-odd rule over all its rings).
 * @param {{coords: Float64Array, ringEnds: Uint32Array, featureEnds: Uint32Array}} planar
 */
export function featureContains(planar, i, x, y) {
  const {coords, ringEnds, featureEnds} = planar;
  let inside = false;
  for (let r = i ? featureEnds[i - 1] : 0; r < featureEnds[i]; r++) {
    const start = r ? ringEnds[r - 1] : 0;
    const end = ringEnds[r];
    for (let p = start, q = end - 1; p < end; q = p++) {
      const xp = coords[2 * p];
      const yp = coords[2 * p + 1];
      const xq = coords[2 * q];
      const yq = coords[2 * q + 1];
      if (yp > y !== yq > y && x < ((xq - xp) * (y - yp)) / (yq - yp) + xp) inside = !inside;
    }
  }
  return inside;
}

/** Bounding box [x0, y0, x1, y1] of each projected feature (null for a feature without rings). */
export function featureBoxes(planar) {
  const {coords, ringEnds, featureEnds} = planar;
  const boxes = [];
  for (let i = 0; i < featureEnds.length; i++) {
    const first = i ? featureEnds[i - 1] : 0;
    const from = first ? ringEnds[first - 1] : 0;
    const to = featureEnds[i] ? ringEnds[featureEnds[i] - 1] : 0;
    if (featureEnds[i] === first || from === to) {
      boxes.push(null);
      continue;
    }
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let p = from; p < to; p++) {
      const x = coords[2 * p];
      const y = coords[2 * p + 1];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    boxes.push([x0, y0, x1, y1]);
  }
  return boxes;
}

/**
 * An index of projected features for point queries: a grid of about `2 × √n` cells a side over their extent,
 * each cell listing the features whose box overlaps it.
 * @param {{coords: Float64Array, ringEnds: Uint32Array, featureEnds: Uint32Array}} planar
 * @returns {{find: (x: number, y: number) => number}} `find`: index of the (first) feature containing the point,
 *   or -1. Coordinates are those of `planar`.
 */
export function featureIndex(planar) {
  const boxes = featureBoxes(planar);
  let [X0, Y0, X1, Y1] = [Infinity, Infinity, -Infinity, -Infinity];
  let count = 0;
  for (const b of boxes)
    if (b) {
      count++;
      [X0, Y0, X1, Y1] = [Math.min(X0, b[0]), Math.min(Y0, b[1]), Math.max(X1, b[2]), Math.max(Y1, b[3])];
    }
  if (count === 0) return {find: () => -1};
  const n = Math.min(512, Math.max(1, Math.ceil(2 * Math.sqrt(count))));
  const kx = n / (X1 - X0 || 1);
  const ky = n / (Y1 - Y0 || 1);
  const col = (x) => Math.min(n - 1, Math.max(0, Math.floor((x - X0) * kx)));
  const row = (y) => Math.min(n - 1, Math.max(0, Math.floor((y - Y0) * ky)));
  const cells = new Map();
  boxes.forEach((b, i) => {
    if (!b) return;
    for (let r = row(b[1]); r <= row(b[3]); r++)
      for (let c = col(b[0]); c <= col(b[2]); c++) {
        const key = r * n + c;
        const list = cells.get(key);
        if (list) list.push(i);
        else cells.set(key, [i]);
      }
  });
  return {
    find(x, y) {
      if (!(x >= X0 && x <= X1 && y >= Y0 && y <= Y1)) return -1;
      for (const i of cells.get(row(y) * n + col(x)) ?? []) {
        const b = boxes[i];
        if (x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && featureContains(planar, i, x, y)) return i;
      }
      return -1;
    }
  };
}
