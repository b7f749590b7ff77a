// The slice of a Microsoft Graph client the app uses. SPFx's MSGraphClientV3
// (`context.msGraphClientFactory.getClient('3')`) and the workbench client both satisfy it.
// Structural on purpose: SPFx bundles its own copy of @microsoft/microsoft-graph-client (3.0.2 in
// sp-http-msgraph 1.23), and TypeScript never treats two copies of a class with private members as
// the same type, so depending on the `GraphRequest` class would reject the SPFx client.

export interface GraphRequestLike {
  header(name: string, value: string): GraphRequestLike;
  get(): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  post(content: unknown): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface GraphLike {
  api(path: string): GraphRequestLike;
}
