/// <reference types="astro/client" />

declare module 'virtual:legal-site/model' {
  const site: import('./model/types.ts').SiteModel;
  export default site;
}

declare module 'virtual:legal-site/output' {
  const output: import('./integration/index.ts').OutputOptions;
  export default output;
}
