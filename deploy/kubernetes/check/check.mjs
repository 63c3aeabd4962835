// Renders each Kustomize overlay (kubectl kustomize) and checks every object it gives:
//  1. against its API's schema: Kubernetes' own objects with kubernetes-models (types, required
//     fields, formats) and TypeScript's excess-property check on the same types (so a field that
//     does not exist, a typo, fails); prometheus-operator's with its models; CloudNativePG's with
//     the fields its API reference documents (cnpg.d.ts);
//  2. against the deployment policy (docs/deployment.md): every container with CPU and memory
//     limits, a read-only root filesystem, no privilege escalation, all capabilities dropped; every
//     long-running container with startup, liveness and readiness probes; pods non-root with the
//     RuntimeDefault seccomp profile; no Secret in an environment variable; in production two or
//     more replicas and a disruption budget per service, three database instances with
//     synchronous replication, and no Secret kept in the repository.
// Usage: node check.mjs [overlay ...]   (default: local production); --self-test also proves
// that a misspelt field and a container without limits are caught.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const overlaysDir = join(here, "..", "overlays");

function render(overlay) {
  const text = execFileSync("kubectl", ["kustomize", join(overlaysDir, overlay)], { encoding: "utf8", maxBuffer: 64 << 20 });
  return YAML.parseAllDocuments(text).map((d) => d.toJS()).filter(Boolean);
}

// apiVersion/kind → the module and type that describe it
function modelOf(object) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  if (group === "postgresql.cnpg.io") {
    return { module: join(here, "cnpg.js"), type: `I${object.kind}`, runtime: false };
  }
  if (group === "monitoring.coreos.com") {
    return { module: `@kubernetes-models/prometheus-operator/${group}/${version}/${object.kind}`, type: `I${object.kind}`, runtime: true };
  }
  const path = group === "" ? `${version}/${object.kind}` : `${group}/${version}/${object.kind}`;
  return { module: `kubernetes-models/${path}`, type: `I${object.kind}`, runtime: true };
}

async function schemaProblems(objects, label) {
  const problems = [];
  // inside this directory, so that the objects' imports resolve to node_modules here
  const work = mkdtempSync(join(here, ".work-"));
  const lines = [];
  let index = 0;
  for (const object of objects) {
    const model = modelOf(object);
    const name = `${label} ${object.kind}/${object.metadata?.name}`;
    if (model.runtime) {
      try {
        const module = await import(model.module);
        const Model = module[object.kind];
        new Model(object).validate();
      } catch (e) {
        problems.push(`${name}: ${e.code === "ERR_MODULE_NOT_FOUND" ? "unknown kind " + object.apiVersion + " " + object.kind : e.message}`);
        continue;
      }
    }
    const module = model.module.startsWith("/") ? "./cnpg.js" : model.module;
    lines.push(`import type { ${model.type} as T${index} } from ${JSON.stringify(module)};`);
    lines.push(`// ${name}`);
    lines.push(`export const o${index}: T${index} = ${JSON.stringify(object, null, 1)};`);
    index++;
  }
  writeFileSync(join(work, "objects.ts"), lines.join("\n") + "\n");
  writeFileSync(join(work, "cnpg.d.ts"), (await import("node:fs")).readFileSync(join(here, "cnpg.d.ts"), "utf8"));
  writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module" }));
  try {
    execFileSync(join(here, "node_modules/.bin/tsc"), ["--noEmit", "--strict", "--module", "nodenext",
      "--moduleResolution", "nodenext", "--skipLibCheck", join(work, "objects.ts")], { encoding: "utf8", cwd: here });
  } catch (e) {
    const output = (e.stdout || "") + (e.stderr || "");
    for (const line of output.split("\n").filter((l) => l.includes("error TS"))) {
      problems.push(`${label}: ${line.replace(join(work, "objects.ts"), "objects.ts")}`);
    }
  }
  rmSync(work, { recursive: true, force: true });
  return problems;
}

function podSpecs(object) {
  switch (object.kind) {
    case "Deployment": case "StatefulSet": case "DaemonSet": case "Job":
      return [{ spec: object.spec.template.spec, longRunning: object.kind !== "Job" }];
    case "CronJob":
      return [{ spec: object.spec.jobTemplate.spec.template.spec, longRunning: false }];
    default:
      return [];
  }
}

function policyProblems(objects, label, production) {
  const problems = [];
  for (const object of objects) {
    const name = `${label} ${object.kind}/${object.metadata.name}`;
    for (const { spec, longRunning } of podSpecs(object)) {
      const pod = spec.securityContext || {};
      if (pod.runAsNonRoot !== true) problems.push(`${name}: pod does not require runAsNonRoot`);
      if (pod.seccompProfile?.type !== "RuntimeDefault") problems.push(`${name}: pod without seccomp RuntimeDefault`);
      const all = [...(spec.initContainers || []).map((c) => [c, false]), ...(spec.containers || []).map((c) => [c, longRunning])];
      for (const [container, needsProbes] of all) {
        const where = `${name} container ${container.name}`;
        const limits = container.resources?.limits || {};
        if (!limits.cpu || !limits.memory) problems.push(`${where}: no CPU and memory limits`);
        const security = container.securityContext || {};
        if (security.readOnlyRootFilesystem !== true) problems.push(`${where}: root filesystem not read-only`);
        if (security.allowPrivilegeEscalation !== false) problems.push(`${where}: privilege escalation not refused`);
        if (!(security.capabilities?.drop || []).includes("ALL")) problems.push(`${where}: capabilities not all dropped`);
        if (needsProbes) {
          for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
            if (!container[probe]) problems.push(`${where}: no ${probe}`);
          }
        }
        for (const variable of container.env || []) {
          if (variable.valueFrom?.secretKeyRef) problems.push(`${where}: Secret in environment variable ${variable.name}`);
        }
        for (const source of container.envFrom || []) {
          if (source.secretRef) problems.push(`${where}: Secret as environment (envFrom ${source.secretRef.name})`);
        }
      }
    }
  }
  if (production) {
    const byKind = (kind) => objects.filter((o) => o.kind === kind);
    for (const service of ["ingest-service", "xds-repository-service", "registry-adapter"]) {
      const deployment = byKind("Deployment").find((d) => d.metadata.name === service);
      if (!deployment || (deployment.spec.replicas ?? 1) < 2) problems.push(`${label}: ${service} needs two or more replicas`);
      if (!byKind("PodDisruptionBudget").some((p) => p.spec.selector?.matchLabels?.["app.kubernetes.io/name"] === service)) {
        problems.push(`${label}: ${service} has no PodDisruptionBudget`);
      }
    }
    const cluster = byKind("Cluster")[0];
    if (!cluster || cluster.spec.instances < 3) problems.push(`${label}: the database needs three instances`);
    if (!cluster?.spec.postgresql?.synchronous?.number) problems.push(`${label}: the database without synchronous replication`);
    if (!cluster?.spec.backup?.barmanObjectStore) problems.push(`${label}: the database without continuous backups`);
    if (byKind("ScheduledBackup").length === 0) problems.push(`${label}: no scheduled base backup`);
    if (byKind("Pooler").length === 0) problems.push(`${label}: no connection pooler`);
    for (const secret of byKind("Secret")) problems.push(`${label}: Secret ${secret.metadata.name} kept in the repository`);
  }
  return problems;
}

async function check(overlay, objects) {
  const production = overlay === "production";
  return [...await schemaProblems(objects, overlay), ...policyProblems(objects, overlay, production)];
}

const args = process.argv.slice(2);
const overlays = args.filter((a) => !a.startsWith("--"));
let failed = false;
for (const overlay of overlays.length ? overlays : ["local", "production"]) {
  const objects = render(overlay);
  const problems = await check(overlay, objects);
  console.log(`${overlay}: ${objects.length} objects, ${problems.length} problem(s)`);
  problems.forEach((p) => console.log(`  ${p}`));
  failed ||= problems.length > 0;
}
if (args.includes("--self-test")) {
  // the check itself must catch what it claims to: a misspelt field, a missing limit
  const objects = render("production");
  const deployment = structuredClone(objects.find((o) => o.kind === "Deployment"));
  deployment.spec.template.spec.containers[0].imagePullPolicyy = "Always";
  const cluster = structuredClone(objects.find((o) => o.kind === "Cluster"));
  cluster.spec.postgresql.synchronus = cluster.spec.postgresql.synchronous;
  const unlimited = structuredClone(objects.find((o) => o.kind === "Deployment"));
  delete unlimited.spec.template.spec.containers[0].resources.limits;
  const caught = [
    (await schemaProblems([deployment], "self-test")).some((p) => p.includes("imagePullPolicyy")),
    (await schemaProblems([cluster], "self-test")).some((p) => p.includes("synchronus")),
    policyProblems([unlimited], "self-test", false).some((p) => p.includes("limits")),
  ];
  console.log(`self-test: misspelt Kubernetes field ${caught[0] ? "caught" : "MISSED"}, misspelt CloudNativePG field `
    + `${caught[1] ? "caught" : "MISSED"}, container without limits ${caught[2] ? "caught" : "MISSED"}`);
  failed ||= caught.includes(false);
}
process.exit(failed ? 1 : 0);
