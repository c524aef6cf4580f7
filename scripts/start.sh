#!/usr/bin/env bash
# npm start: build the static app and serve it on http://127.0.0.1:4173/ (vite preview).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
PORT=${PORT:-4173}
vite=node_modules/vite/bin/vite.js
node "$vite" build
echo
echo "podpath: serving dist/ at http://127.0.0.1:${PORT}/ (Ctrl+C stops)"
exec node "$vite" preview --host 127.0.0.1 --port "$PORT" --strictPort
