// Validates every manifest of a rendered chart (stdin, YAML documents) against the Kubernetes
// schemas of npm kubernetes-models, offline. Prints one JSON line per manifest; exits 1 when any
// manifest is invalid or of a kind those schemas do not know.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const docs = parseAllDocuments(readFileSync(0, "utf8")).map((d) => {
  if (d.errors.length) throw new Error(`not YAML: ${d.errors[0].message}`);
  return d.toJS();
}).filter((m) => m != null);

let failed = 0;
for (const manifest of docs) {
  const { apiVersion, kind } = manifest;
  const name = manifest.metadata?.name;
  const line = { apiVersion, kind, name };
  try {
    // "apps/v1" -> kubernetes-models/apps/v1/Deployment; "v1" -> kubernetes-models/v1/Service
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    new module[kind](manifest).validate();
    line.valid = true;
  } catch (e) {
    line.valid = false;
    line.error = String(e.message ?? e).slice(0, 2000);
    failed++;
  }
  console.log(JSON.stringify(line));
}
if (docs.length === 0) {
  console.log(JSON.stringify({ valid: false, error: "no manifests on stdin" }));
  failed++;
}
process.exit(failed ? 1 : 0);
