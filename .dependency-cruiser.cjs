// The layer rule of docs/architecture.md, checked by `npm run lint:deps` (part of `npm test`).
// Code imports downward only:
//   entrypoints → background | content | ui → highlights | events | lookup (features)
//     → dom | kb → messaging | settings | i18n → contracts → nlp → shared
// The contexts do not import one another (the entry points join them): the one exception is
// src/content/view.ts, the page's contract for its views, which src/ui implements. Nothing in
// src/ reaches into tests/ or tools/.
/** Path patterns for each layer, lowest first. */
const LAYERS = [
  { name: "shared", path: "^src/shared/" },
  { name: "nlp", path: "^src/nlp/" },
  { name: "contracts", path: "^src/contracts/" },
  { name: "messaging/settings/i18n", path: "^src/(messaging|settings|i18n)/" },
  { name: "dom/kb", path: "^src/(dom|kb)/" },
  { name: "features", path: "^src/(highlights|events|lookup)/" },
  { name: "contexts", path: "^src/(background|content|ui)/" },
  { name: "entrypoints", path: "^entrypoints/" },
];

const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `no-upward-from-${layer.name.replaceAll("/", "-")}`,
  comment: `${layer.name} sits below ${LAYERS.slice(index + 1)
    .map((l) => l.name)
    .join(", ")}: it may not import them.`,
  severity: "error",
  from: { path: layer.path },
  to: { path: LAYERS.slice(index + 1).map((l) => l.path) },
}));

/** Folders on one layer that stay apart: each pair may not import the other. */
const apart = (name, a, b, allowed = {}) => [
  {
    name,
    severity: "error",
    from: { path: `^src/${a}/` },
    to: { path: `^src/${b}/`, ...(allowed[b] ? { pathNot: allowed[b] } : {}) },
  },
  {
    name,
    severity: "error",
    from: { path: `^src/${b}/` },
    to: { path: `^src/${a}/`, ...(allowed[a] ? { pathNot: allowed[a] } : {}) },
  },
];
/** The page's contract for the views it shows (types only): src/ui implements it. */
const VIEW_CONTRACT = "^src/content/view\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import circles, type-only ones included: they hide which module owns an idea.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...upward,
    ...apart("contexts-apart", "background", "content"),
    ...apart("contexts-apart", "background", "ui"),
    ...apart("contexts-apart", "content", "ui", { content: VIEW_CONTRACT }),
    {
      name: "view-contract-types-only",
      comment: "src/ui may name src/content/view.ts's types, never run content-script code.",
      severity: "error",
      from: { path: "^src/ui/" },
      to: { path: VIEW_CONTRACT, dependencyTypesNot: ["type-only"] },
    },
    ...apart("dom-kb-apart", "dom", "kb"),
    {
      name: "nothing-below-ui-imports-ui",
      comment:
        "The Preact views are injected from the entry points; lower layers own contracts only.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/ui/" },
      to: { path: "^src/ui/" },
    },
    {
      name: "nlp-is-pure",
      comment:
        "src/nlp (and src/shared below it) run in the background, in tests and in tools: no DOM, extension or storage APIs.",
      severity: "error",
      from: { path: "^src/(nlp|shared)/" },
      to: {
        path: [
          "^src/(?!nlp/|shared/)",
          "(^|/)node_modules/(wxt|@wxt-dev|webextension-polyfill|dexie|preact|happy-dom)/",
          "^(wxt|@wxt-dev|webextension-polyfill|dexie|preact|happy-dom)(/|$)",
        ],
      },
    },
    {
      name: "src-not-tests-or-tools",
      comment: "Product code never depends on the test suite or the developer tools.",
      severity: "error",
      from: { path: "^(src|entrypoints)/" },
      to: { path: "^(tests|tools)/" },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that does not resolve is a typo or a missing dependency.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(\\.wxt|\\.output)/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".d.ts", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
