#!/bin/sh
# Installs the PouchDB bench's packages (package-lock.json) into node_modules beside this script. Idempotent: when
# node_modules was installed from the same lock it returns at once. Needs Node.js 20 and npm (registry access).
set -eu
cd "$(dirname "$0")"
stamp=node_modules/.outreach-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d node_modules/pouchdb ] && [ -d node_modules/express-pouchdb ]; then
    exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "install.sh: npm is not installed (Node.js 20 and npm are needed)" >&2; exit 1; }
npm ci --no-audit --no-fund >&2
echo "$want" > "$stamp"
