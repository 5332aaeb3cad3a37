import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AutoETS, initSync as initEts } from '@bsull/augurs/ets';
import { initSync as initMstl, MSTL } from '@bsull/augurs/mstl';
import type { SeriesModels } from '../forecast/series-models.ts';

/** The WebAssembly module next to one of augurs' entry points, read from the installed package. */
function wasmOf(entry: string): Buffer {
  return readFileSync(fileURLToPath(import.meta.resolve(entry).replace(/\.js$/, '_bg.wasm')));
}

let loaded: SeriesModels | null = null;

/**
 * The series models of augurs (Grafana's time-series library, Rust compiled to WebAssembly), loaded once per
 * process from the installed package: nothing is fetched at run time.
 */
export function loadSeriesModels(): SeriesModels {
  if (loaded !== null) return loaded;
  initEts({ module: wasmOf('@bsull/augurs/ets') });
  initMstl({ module: wasmOf('@bsull/augurs/mstl') });
  loaded = {
    ets(values, horizon) {
      const model = new AutoETS(1, 'AZN');
      try {
        model.fit(values);
        return model.predict(horizon).point;
      } finally {
        model.free();
      }
    },
    mstl(values, periods, horizon) {
      const model = MSTL.ets([...periods]);
      try {
        model.fit(values);
        return model.predict(horizon).point;
      } finally {
        model.free();
      }
    },
  };
  return loaded;
}
