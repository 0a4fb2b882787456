#!/usr/bin/env bash
# Re-create the vendored front-end files in assets/ from the npm registry.
# Bootstrap's CSS (MIT), the topojson maps bundled with plotly.js (MIT) and a
# plotly.js bundle holding only the trace types the figures use, built from the
# plotly.js whose version matches the one the plotly Python package serves.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent bootstrap@5.3.6 plotly.js@4.1.1 >/dev/null)
mkdir -p "$work/bootstrap" "$work/plotly"
tar xzf "$work/bootstrap-5.3.6.tgz" -C "$work/bootstrap"
tar xzf "$work/plotly.js-4.1.1.tgz" -C "$work/plotly"

cp "$work/bootstrap/package/dist/css/bootstrap.min.css" assets/css/00_bootstrap.min.css
cp "$work/bootstrap/package/LICENSE" assets/css/BOOTSTRAP-LICENSE.txt
cp "$work/plotly/package/LICENSE" assets/topojson/PLOTLY-LICENSE.txt

# plotly-geo-assets.js defines window.Plotly.topojson; write the maps we use.
node -e '
  global.window = {};
  require(process.argv[1]);
  const fs = require("fs");
  for (const name of ["world_110m", "asia_110m", "asia_50m"]) {
    fs.writeFileSync(`assets/topojson/${name}.json`, JSON.stringify(window.Plotly.topojson[name]));
  }
' "$work/plotly/package/dist/plotly-geo-assets.js"
# plotly.js with only core (scatter), bar, choropleth and scattergeo, and the French
# locale: about a third
# of the full bundle's size. As an /assets script it runs before Dash's bundles,
# so window.Plotly is set and dcc.Graph never fetches its own full plotly.min.js.
# plotly.js's own dependencies use version ranges; npm resolves them at build time.
# Add a trace type here when a figure builder starts using one.
plotly_traces=(bar choropleth scattergeo)
# The interface languages other than English (plotly.js's default): the toolbar's
# tooltips and the dates in the language the figure config names.
plotly_locales=(fr)
mkdir -p "$work/build"
(
  cd "$work/build"
  npm init --yes >/dev/null
  npm install --silent --no-audit --no-fund --ignore-scripts plotly.js@4.1.1 esbuild@0.28.2
  {
    echo "var Plotly = require('plotly.js/lib/core');"
    echo "Plotly.register(["
    for trace in "${plotly_traces[@]}"; do echo "  require('plotly.js/lib/$trace'),"; done
    for locale in "${plotly_locales[@]}"; do echo "  require('plotly.js/lib/locales/$locale'),"; done
    echo "]);"
    echo "module.exports = Plotly;"
  } >entry.js
  # The maplibre CSS is required only when map traces register (never here).
  npx --no-install esbuild entry.js --bundle --minify --format=iife --global-name=Plotly \
    --target=es2016 --loader:.css=empty --define:global=window --define:define.amd=false \
    --define:process.env.NODE_DEBUG=false --legal-comments=eof --log-level=warning \
    "--banner:js=/* plotly.js v4.1.1 (MIT, see ../topojson/PLOTLY-LICENSE.txt), traces: scatter ${plotly_traces[*]}, locales: ${plotly_locales[*]} */" \
    --outfile=plotly.min.js
)
cp "$work/build/plotly.min.js" "assets/js/00_plotly-4.1.1-partial.min.js"
echo "assets/ updated"
