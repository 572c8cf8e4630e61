// Mounts Scalar's API reference from the bundle this site serves, on the document this site serves, with "try it"
// pointed at the fake named by site-config.json; it follows VitePress's dark mode. Everything Scalar could fetch
// from its own services (fonts, its proxy, its registry, telemetry, its AI agent) is turned off: the page talks
// to its own origin and to the fake, nothing else.
import { useData, withBase } from "vitepress";
import { defineComponent, h, onBeforeUnmount, onMounted, ref, watch } from "vue";
import {
  DEFAULT_MOCK_URL,
  SCALAR_BUNDLE,
  SITE_CONFIG_FILE,
  SITE_SPEC_FILE,
  type SiteConfig,
} from "../../src/site-files.js";

interface ScalarApp {
  destroy(): void;
}

declare global {
  interface Window {
    Scalar?: { createApiReference(element: HTMLElement, configuration: object): ScalarApp };
  }
}

function loadBundle(): Promise<void> {
  if (window.Scalar) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = withBase(`/${SCALAR_BUNDLE}`);
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${script.src}`));
    document.head.append(script);
  });
}

/** Where "try it" sends requests; without an answer, where `pnpm start` runs the sandbox, which the page says. */
async function siteConfig(): Promise<SiteConfig> {
  try {
    const response = await fetch(withBase(`/${SITE_CONFIG_FILE}`));
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return (await response.json()) as SiteConfig;
  } catch (error) {
    console.warn(`${SITE_CONFIG_FILE} could not be read (${error}): "try it" sends to ${DEFAULT_MOCK_URL}`);
    return { mockUrl: DEFAULT_MOCK_URL };
  }
}

function scalarConfiguration({ mockUrl }: SiteConfig, dark: boolean): object {
  return {
    url: withBase(`/${SITE_SPEC_FILE}`),
    servers: [{ url: mockUrl, description: "The local fake of the API" }],
    authentication: {
      preferredSecurityScheme: "apiKeyAuth",
      // The fakes accept any key; a reader's real key has no business on this page.
      securitySchemes: { apiKeyAuth: { value: "sandbox-api-key" } },
    },
    // Only the request samples the site generates and tests (x-codeSamples); Scalar's own are untested.
    hiddenClients: true,
    hideClientButton: true,
    hideDarkModeToggle: true,
    // The site's search already finds operations and fields; a second one would open on the same Ctrl+K.
    hideSearch: true,
    forceDarkModeState: dark ? "dark" : "light",
    withDefaultFonts: false,
    telemetry: false,
    showDeveloperTools: "never",
    documentDownloadType: "none",
    agent: { disabled: true },
    mcp: { disabled: true },
    externalUrls: { dashboardUrl: "", registryUrl: "", proxyUrl: "", apiBaseUrl: "" },
  };
}

export const ApiReference = defineComponent({
  name: "ApiReference",
  setup() {
    const { isDark } = useData();
    const element = ref<HTMLElement>();
    let app: ScalarApp | undefined;

    onMounted(async () => {
      const [config] = await Promise.all([siteConfig(), loadBundle()]);
      if (element.value && window.Scalar) {
        app = window.Scalar.createApiReference(element.value, scalarConfiguration(config, isDark.value));
      }
    });
    // Scalar reads forceDarkModeState only as it mounts; after that its colours follow the body's `dark-mode` or
    // `light-mode` class, the hook its theming documentation names.
    watch(isDark, (dark) => {
      if (!app) return;
      document.body.classList.toggle("dark-mode", dark);
      document.body.classList.toggle("light-mode", !dark);
    });
    onBeforeUnmount(() => {
      app?.destroy();
      document.body.classList.remove("dark-mode", "light-mode");
    });
    return () => h("div", { ref: element, class: "api-reference" });
  },
});
