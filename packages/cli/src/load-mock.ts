// @sigmamind/mock is an optional peer dependency: it brings Stoplight Prism (about 90 MB), which only --mock and
// --sandbox need. It is loaded when one of them is given, and not before.
export const loadMock = () => import("@sigmamind/mock");
