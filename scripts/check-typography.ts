/**
 * The typography check of `npm test` (after the build): no built page has a plain, breakable space before
 * « : ; ? ! % » or after « «, or inside a number, in its text outside code (scripts/typography.ts).
 *
 * Usage: tsx scripts/check-typography.ts [dist]
 */
import {checkTypography} from "./typography.ts";

const dist = process.argv[2] ?? "dist";
const {pages, problems} = checkTypography(dist);
for (const {file, at} of problems) console.error(`${file}: plain space in « ${at} »`);
console.log(
  `typography check: ${pages} pages, ${problems.length} plain spaces where French needs a no-break one`
);
process.exitCode = problems.length === 0 && pages > 0 ? 0 : 1;
