import type { LoadedSpec, OpenAPIV3_1, SpecOperation } from "@sigmamind/spec";
import { marked } from "marked";
import { type RequestSamples, requestSamples } from "../samples/request-samples.js";
import { escapeHtml, jsonBlock, schemaAnchor } from "./html.js";
import { constraintsHtml, typeHtml } from "./schema-type.js";

/** The API reference: every operation with its parameters, body, responses, examples and a try-it panel, then every schema. */
export function renderReference(spec: LoadedSpec): string {
  const operations = spec.operations();
  const samples = new Map(requestSamples(spec).map((sample) => [sample.operationId, sample]));
  const schemas = spec.document.components?.schemas ?? {};
  const toc = operations
    .map(
      ({ method, path, operation }) =>
        `<li><a href="#${operation.operationId}"><span class="method method-${method}">${method.toUpperCase()}</span> ${escapeHtml(path)}</a></li>`,
    )
    .join("\n");
  const schemaToc = Object.keys(schemas)
    .map((name) => `<li><a href="#${schemaAnchor(name)}">${escapeHtml(name)}</a></li>`)
    .join("\n");
  return `<h1>API reference</h1>
${markdown(spec.document.info.description ?? "")}
${renderAuthentication(spec)}
<h2>Operations</h2>
<ul class="toc">${toc}</ul>
${operations.map((entry) => renderOperation(spec, entry, samples.get(entry.operation.operationId ?? ""))).join("\n")}
<h2 id="schemas">Schemas</h2>
<ul class="toc">${schemaToc}</ul>
${Object.entries(schemas)
  .map(([name, schema]) => renderSchema(name, schema))
  .join("\n")}`;
}

function renderAuthentication({ document, resolve }: LoadedSpec): string {
  const schemes = Object.values(document.components?.securitySchemes ?? {})
    .map((scheme) => resolve(scheme))
    .filter((scheme): scheme is OpenAPIV3_1.ApiKeySecurityScheme => scheme.type === "apiKey")
    .map(
      (scheme) =>
        `<p>Send the API key in the <code>${escapeHtml(scheme.name)}</code> ${escapeHtml(scheme.in)} with every request. ${escapeHtml(scheme.description ?? "")}</p>`,
    )
    .join("\n");
  const servers = (document.servers ?? []).map((server) => `<code>${escapeHtml(server.url)}</code>`).join(", ");
  return `<section id="authentication"><h2>Base URL and authentication</h2><p>Base URL: ${servers}.</p>${schemes}</section>`;
}

function renderOperation(
  { resolve }: LoadedSpec,
  { method, path, operation, parameters }: SpecOperation,
  samples: RequestSamples | undefined,
): string {
  const verb = method.toUpperCase();
  const parameterRows = parameters
    .map(
      (parameter) => `<tr>
  <td><code>${escapeHtml(parameter.name)}</code></td>
  <td>${escapeHtml(parameter.in)}</td>
  <td>${parameter.schema ? typeHtml(parameter.schema) : ""}</td>
  <td>${parameter.required ? "required" : "optional"}</td>
  <td>${escapeHtml(parameter.description ?? "")} ${parameter.schema ? constraintsHtml(resolve(parameter.schema)) : ""}</td>
</tr>`,
    )
    .join("\n");
  const parametersHtml = parameters.length
    ? `<h4>Parameters</h4>
<table class="fields"><thead><tr><th>Name</th><th>In</th><th>Type</th><th></th><th>Description</th></tr></thead>
<tbody>${parameterRows}</tbody></table>`
    : "";
  const body = operation.requestBody && resolve(operation.requestBody).content["application/json"];
  const bodyExamples = Object.entries(body?.examples ?? {}).map(([name, example]) => [name, resolve(example)] as const);
  const bodyExample = bodyExamples[0]?.[1].value;
  const bodyHtml = body
    ? `<h4>Request body</h4><p>${body.schema ? typeHtml(body.schema) : ""}</p>${bodyExamples
        .map(
          ([name, example]) =>
            `<p class="example-name">Example <code>${escapeHtml(name)}</code></p>${jsonBlock(example.value)}`,
        )
        .join("")}`
    : "";
  const responses = Object.entries(operation.responses ?? {})
    .map(([status, reference]) => renderResponse(status, resolve(reference), resolve))
    .join("\n");
  return `<section class="operation" id="${escapeHtml(operation.operationId)}" data-operation-id="${escapeHtml(operation.operationId)}">
<h3><span class="method method-${method}">${verb}</span> <code class="path">${escapeHtml(path)}</code> ${escapeHtml(operation.summary)}</h3>
<p class="operation-id">Operation <code>${escapeHtml(operation.operationId)}</code></p>
${markdown(operation.description ?? "")}
${parametersHtml}
${bodyHtml}
${samples ? renderRequestSamples(samples) : ""}
<h4>Responses</h4>
${responses}
${renderTryIt(verb, path, operation.operationId, parameters, bodyExample)}
</section>`;
}

function renderRequestSamples({ curl, typescript, cli }: RequestSamples): string {
  const sample = (label: string, language: string, code: string) =>
    `<p class="example-name">${label}</p><pre class="request-sample" data-language="${language}"><code>${escapeHtml(code)}</code></pre>`;
  return `<h4>Request samples</h4>
${sample("curl", "sh", curl)}
${sample("TypeScript, with @sigmamind/client", "ts", typescript)}
${sample("The sigmamind CLI", "sh", cli)}`;
}

function renderResponse(status: string, response: OpenAPIV3_1.ResponseObject, resolve: LoadedSpec["resolve"]): string {
  const content = response.content?.["application/json"];
  const examples = Object.entries(content?.examples ?? {})
    .map(
      ([name, example]) =>
        `<p class="example-name">Example <code>${escapeHtml(name)}</code></p>${jsonBlock(resolve(example).value)}`,
    )
    .join("");
  return `<details class="response" ${status.startsWith("2") ? "open" : ""}>
<summary><span class="status status-${status[0]}xx">${escapeHtml(status)}</span> ${escapeHtml(response.description)} ${content?.schema ? typeHtml(content.schema) : ""}</summary>
${examples}
</details>`;
}

function renderTryIt(
  method: string,
  path: string,
  operationId: string | undefined,
  parameters: SpecOperation["parameters"],
  bodyExample: unknown,
): string {
  const inputs = parameters
    .map((parameter) => {
      const example = parameter.name === "callId" ? "call-AuUKK371Spr5nHJS" : "";
      return `<label>${escapeHtml(parameter.name)} <small>(${escapeHtml(parameter.in)})</small>
  <input name="${escapeHtml(parameter.name)}" data-in="${escapeHtml(parameter.in)}" value="${escapeHtml(example)}"${parameter.required ? " required" : ""}></label>`;
    })
    .join("\n");
  const body =
    bodyExample === undefined
      ? ""
      : `<label>Body <textarea name="body" rows="8">${escapeHtml(JSON.stringify(bodyExample, null, 2))}</textarea></label>`;
  return `<form class="try-it" data-method="${method}" data-path="${escapeHtml(path)}" aria-label="Try ${escapeHtml(operationId)}">
<h4>Try it against the mock</h4>
${inputs}
${body}
<button type="submit">Send ${method} ${escapeHtml(path)}</button>
<pre class="try-it-output" aria-live="polite"></pre>
</form>`;
}

function renderSchema(name: string, schema: OpenAPIV3_1.SchemaObject): string {
  const rows = Object.entries(schema.properties ?? {})
    .map(
      ([field, property]) => `<tr>
  <td><code>${escapeHtml(field)}</code></td>
  <td>${typeHtml(property)}</td>
  <td>${schema.required?.includes(field) ? "required" : "optional"}</td>
  <td>${escapeHtml(property.description ?? "")} ${constraintsHtml(property)}</td>
</tr>`,
    )
    .join("\n");
  const table = rows
    ? `<table class="fields"><thead><tr><th>Field</th><th>Type</th><th></th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>Type: ${typeHtml(schema)}. ${constraintsHtml(schema)}</p>`;
  return `<section class="schema" id="${schemaAnchor(name)}" data-schema="${escapeHtml(name)}">
<h3><code>${escapeHtml(name)}</code></h3>
${markdown(schema.description ?? "")}
${table}
</section>`;
}

function markdown(text: string): string {
  return marked.parse(text, { async: false });
}
