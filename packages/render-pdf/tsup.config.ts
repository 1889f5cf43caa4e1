import { defineConfig } from 'tsup'
import { libraryConfig } from '../../tsup.config.base'

export default defineConfig({ ...libraryConfig, entry: ['src/index.ts', 'src/browser.ts'] })
