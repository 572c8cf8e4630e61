// Single-file components that the theme registers: Vite compiles them; TypeScript sees them as Vue components.
declare module "*.vue" {
  import type { DefineComponent } from "vue";

  const component: DefineComponent;
  export default component;
}
