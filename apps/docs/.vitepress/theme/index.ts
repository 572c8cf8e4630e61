// VitePress's default theme, plus the component that mounts Scalar's API reference on the reference page.
import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import { ApiReference } from "./api-reference.js";

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component("ApiReference", ApiReference);
  },
} satisfies Theme;
