#!/usr/bin/env bash
# Re-create the vendored front-end files in assets/ from the npm registry.
# Bootstrap's CSS (MIT) and the topojson maps bundled with plotly.js (MIT), whose
# version matches the plotly.js that the plotly Python package serves.
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
echo "assets/ updated"
