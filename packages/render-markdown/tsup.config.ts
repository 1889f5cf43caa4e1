import { defineConfig } from 'tsup'
import { libraryConfig } from '../../tsup.config.base'

// escape.ts is also an entry of its own: the command escapes its pack index without loading the remark pipeline
export default defineConfig({ ...libraryConfig, entry: ['src/index.ts', 'src/escape.ts'] })
