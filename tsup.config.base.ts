import type { Options } from 'tsup'

/** How every library package builds: ESM and CJS with type declarations for both. */
export const libraryConfig: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
}
