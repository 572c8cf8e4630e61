// "Try it": sends the operation to the mock named in site-config.json and shows the answer.
const config = await fetch(new URL("../site-config.json", import.meta.url))
  .then((response) => response.json())
  .catch(() => ({ mockUrl: "http://127.0.0.1:4010" }));

for (const form of document.querySelectorAll("form.try-it")) {
  const output = form.querySelector(".try-it-output");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let path = form.dataset.path;
    const query = new URLSearchParams();
    for (const input of form.querySelectorAll("input[data-in]")) {
      if (input.value === "") continue;
      if (input.dataset.in === "path") path = path.replace(`{${input.name}}`, encodeURIComponent(input.value));
      else query.set(input.name, input.value);
    }
    const body = form.querySelector("textarea[name=body]")?.value;
    const url = `${config.mockUrl}${path}${query.size ? `?${query}` : ""}`;
    output.textContent = `${form.dataset.method} ${url}\n…`;
    try {
      const response = await fetch(url, {
        method: form.dataset.method,
        // The mock accepts any key; a real key never belongs in a documentation page.
        headers: { "X-API-Key": "mock-key", ...(body ? { "content-type": "application/json" } : {}) },
        body: body || undefined,
      });
      const text = await response.text();
      let shown = text;
      try {
        shown = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // Not JSON: show it as it came.
      }
      output.textContent = `${form.dataset.method} ${url}\nHTTP ${response.status}\n\n${shown}`;
      output.dataset.status = String(response.status);
    } catch (error) {
      output.textContent = `${form.dataset.method} ${url}\nNo answer from the mock at ${config.mockUrl}: ${error.message}. Start it with: pnpm start`;
      output.dataset.status = "error";
    }
  });
}
