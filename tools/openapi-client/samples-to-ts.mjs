// Writes one typed constant per captured response body:
//   const getUserKyc_200_1a2b: Body<"getUserKyc", 200> = { ...the body as received... };
// so tsc checks each real answer against the type openapi-typescript generated for it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2];
const lines = [
  'import type { operations } from "./api";',
  "",
  "type Responses<Op extends keyof operations> = operations[Op]['responses'];",
  "type Body<Op extends keyof operations, S extends keyof Responses<Op>> =",
  "  Responses<Op>[S] extends { content: infer C } ? C[keyof C] : never;",
  "",
];
for (const operation of readdirSync(root).sort()) {
  for (const file of readdirSync(join(root, operation)).sort()) {
    const [status, digest] = file.replace(/\.json$/, "").split("-");
    const body = readFileSync(join(root, operation, file), "utf8");
    JSON.parse(body); // a body that is not JSON fails here, not in tsc
    lines.push(`const ${operation}_${status}_${digest}: Body<"${operation}", ${status}> = ${body};`);
  }
}
lines.push("");
process.stdout.write(lines.join("\n"));
