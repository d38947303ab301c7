// The build loads .css files as text (esbuild loader '.css': 'text').
declare module '*.css' {
  const text: string;
  export default text;
}
