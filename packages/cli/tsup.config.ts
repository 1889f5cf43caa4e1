import { defineConfig } from 'tsup'
import { libraryConfig } from '../../tsup.config.base'

export default defineConfig([libraryConfig, { entry: ['src/bin.ts'], format: ['esm'], banner: { js: '#!/usr/bin/env node' }, target: 'es2022' }])
