/**
 * Column declarations shared by several datasets (WGS84 coordinates), declared once.
 */
import type {ColumnSpec} from "./schema.ts";

/** Latitude in WGS84 degrees, nullable. */
export const LATITUDE: ColumnSpec = {
  name: "latitude",
  type: "number",
  description: "Latitude (WGS84)",
  unit: "degrés",
  nullable: true,
  min: -90,
  max: 90
};

/** Longitude in WGS84 degrees, nullable. */
export const LONGITUDE: ColumnSpec = {
  name: "longitude",
  type: "number",
  description: "Longitude (WGS84)",
  unit: "degrés",
  nullable: true,
  min: -180,
  max: 180
};
