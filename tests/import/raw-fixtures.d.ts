// The import fixtures are read as text through Vite's ?raw (the tests run in workerd: no file system).
declare module "*.csv?raw" {
  const text: string;
  export default text;
}
declare module "*.json?raw" {
  const text: string;
  export default text;
}
